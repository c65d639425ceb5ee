package dev.otelmcp.domain.pricing;

/**
 * One call's usage as price tables read it (genai-prices' usage): {@code input} is every input token, cached ones
 * included; {@code cacheRead} and {@code cacheWrite} are the parts of it read from and written to a prompt cache
 * ({@code cacheWrite1h} the part of the writes kept for an hour); {@code output} is every output token, reasoning
 * included, and {@code reasoning} the part spent thinking. Each token is therefore charged once: the cached parts
 * at their own rates where the model has them, the rest at the input rate.
 */
public record BillableUsage(long input, long cacheRead, long cacheWrite, long cacheWrite1h, long output, long reasoning) {

  public BillableUsage {
    if (input < 0 || cacheRead < 0 || cacheWrite < 0 || cacheWrite1h < 0 || output < 0 || reasoning < 0) {
      throw new IllegalArgumentException("token counts are never negative");
    }
  }
}
