package dev.otelmcp.domain.pricing;

import java.util.Optional;

/**
 * Prices one call's usage with a model's prices, the way genai-prices does: usage is split into exclusive buckets
 * (a cached token leaves the input bucket only where the model prices cache reads or writes; reasoning leaves the
 * output bucket only where the model prices reasoning), each bucket is charged at its rate — the tier rate, for
 * every tiered unit, once the request's input tokens exceed the tier's start — and a per-request fee is added to
 * the total. Usage that does not add up (more cache reads than input tokens, on a model that prices cache reads)
 * has no price: the table's own calculator refuses it too, and a clamped number would be a made-up one.
 */
public final class CostFormula {

  private CostFormula() {}

  /** The cost, or empty when the usage contradicts itself for these prices. */
  public static Optional<CallCost> cost(ModelPrices prices, BillableUsage usage) {
    return cost(prices, usage, usage.input(), 1);
  }

  /**
   * The cost of {@code requests} calls whose usage is summed in {@code usage}, each in the tier a request of
   * {@code tierInput} input tokens is in ({@link PriceBreaks}): every unit is charged per token, so the sum's price is
   * the sum of the calls' prices, and the per-request fee is charged once per call. Empty when the summed usage does
   * not add up — for calls grouped by whether each adds up, exactly when none of them does.
   */
  public static Optional<CallCost> cost(ModelPrices prices, BillableUsage usage, long tierInput, long requests) {
    return UnitRates.of(prices, tierInput).cost(usage, requests);
  }
}
