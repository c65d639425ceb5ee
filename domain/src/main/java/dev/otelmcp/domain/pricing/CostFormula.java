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
    long basis = prices.units().values().stream().anyMatch(UnitPrice::isTiered) ? tierInput : 0;
    boolean readPriced = prices.of(PriceUnit.CACHE_READ_MTOK).isPresent();
    boolean writePriced = prices.of(PriceUnit.CACHE_WRITE_MTOK).isPresent();
    boolean write1hPriced = prices.of(PriceUnit.CACHE_WRITE_1H_MTOK).isPresent();
    boolean reasoningPriced = prices.of(PriceUnit.OUTPUT_REASONING_MTOK).isPresent();

    long write1h = write1hPriced ? usage.cacheWrite1h() : 0;
    long write = writePriced ? usage.cacheWrite() - write1h : 0;
    long read = readPriced ? usage.cacheRead() : 0;
    long input = usage.input() - read - write - write1h;
    long reasoning = reasoningPriced ? usage.reasoning() : 0;
    long output = usage.output() - reasoning;
    if (write < 0 || input < 0 || output < 0) {
      return Optional.empty();
    }
    double in = charge(prices, PriceUnit.INPUT_MTOK, input, basis)
        + charge(prices, PriceUnit.CACHE_READ_MTOK, read, basis)
        + charge(prices, PriceUnit.CACHE_WRITE_MTOK, write, basis)
        + charge(prices, PriceUnit.CACHE_WRITE_1H_MTOK, write1h, basis);
    double out = charge(prices, PriceUnit.OUTPUT_MTOK, output, basis)
        + charge(prices, PriceUnit.OUTPUT_REASONING_MTOK, reasoning, basis);
    double fees = charge(prices, PriceUnit.REQUESTS_KCOUNT, requests, basis);
    return Optional.of(new CallCost(in, out, in + out + fees));
  }

  private static double charge(ModelPrices prices, PriceUnit unit, long quantity, long basis) {
    if (quantity <= 0) {
      return 0;
    }
    return prices.of(unit).map(price -> price.at(basis) * quantity / unit.per()).orElse(0.0);
  }
}
