package dev.otelmcp.application.llm;

/** How amounts in USD are reported: to a billionth of a dollar, enough for calls that cost fractions of a cent. */
public final class Money {

  private Money() {}

  public static double round(double usd) {
    return Math.round(usd * 1e9) / 1e9;
  }
}
