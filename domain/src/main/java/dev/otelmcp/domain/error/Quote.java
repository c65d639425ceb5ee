package dev.otelmcp.domain.error;

/**
 * Quotes a caller's input inside an error message, cut short: a message must name what was wrong without
 * echoing a 50,000-character argument back into the assistant's context.
 */
public final class Quote {

  /** The most characters of one input a message repeats. */
  public static final int MAX_CHARS = 120;

  private Quote() {}

  /** {@code 'value'}, or its first {@value #MAX_CHARS} characters and how many more there were. */
  public static String of(Object input) {
    String text = String.valueOf(input);
    if (text.length() <= MAX_CHARS) {
      return "'" + text + "'";
    }
    return "'" + text.substring(0, MAX_CHARS) + "…' (+" + (text.length() - MAX_CHARS) + " chars)";
  }
}
