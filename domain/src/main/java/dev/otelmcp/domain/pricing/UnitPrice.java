package dev.otelmcp.domain.pricing;

import java.util.Comparator;
import java.util.List;

/**
 * The price of one unit (USD per million tokens, or per thousand requests): flat, or tiered by the request's
 * input tokens (cached ones included) — the last tier whose start the request's input exceeds applies to the whole
 * request, not just the tokens above it (a "cliff", as long-context prices work; 200,000 tokens stay at the base
 * price of a tier starting at 200,000, 200,001 do not).
 */
public record UnitPrice(double base, List<Tier> tiers) {

  /** Above {@code start} input tokens, {@code price}. */
  public record Tier(long start, double price) {}

  public UnitPrice {
    tiers = tiers.stream().sorted(Comparator.comparingLong(Tier::start)).toList();
  }

  public static UnitPrice flat(double price) {
    return new UnitPrice(price, List.of());
  }

  /** The price for a request of {@code inputTokens} input tokens. */
  public double at(long inputTokens) {
    double price = base;
    for (Tier tier : tiers) {
      if (inputTokens > tier.start()) {
        price = tier.price();
      }
    }
    return price;
  }

  public boolean isTiered() {
    return !tiers.isEmpty();
  }
}
