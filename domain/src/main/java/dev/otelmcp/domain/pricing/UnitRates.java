package dev.otelmcp.domain.pricing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's prices as they apply to one request: each unit's price (USD per {@link PriceUnit#per()} units) at the
 * request's tier, for the units the model is priced in. A unit without a price is absent, not free: whether cache
 * reads are priced decides whether cached tokens leave the input bucket ({@link #cost}).
 *
 * <p>This is the one formula every price goes through — {@link CostFormula} for calls priced in Java, and a store
 * that prices calls where they are kept ({@code LlmTraceRanking}) writes the same steps in its own language.
 */
public record UnitRates(Map<PriceUnit, Double> prices) {

  public UnitRates {
    // An unmodifiable EnumMap: made for every call priced, and looked up per unit (an array index, no hashing).
    prices.values().forEach(Objects::requireNonNull);
    prices = prices.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(prices));
  }

  /** The prices of a request with {@code tierInput} input tokens (a tiered unit charges every unit at its tier). */
  public static UnitRates of(ModelPrices prices, long tierInput) {
    boolean tiered = false;
    for (UnitPrice price : prices.units().values()) {
      tiered |= price.isTiered();
    }
    long basis = tiered ? tierInput : 0;
    Map<PriceUnit, Double> at = new EnumMap<>(PriceUnit.class);
    prices.units().forEach((unit, price) -> at.put(unit, price.at(basis)));
    return new UnitRates(at);
  }

  public Optional<Double> of(PriceUnit unit) {
    return Optional.ofNullable(prices.get(unit));
  }

  public boolean prices(PriceUnit unit) {
    return prices.containsKey(unit);
  }

  /**
   * The cost of {@code requests} calls whose usage is summed in {@code usage}, or empty when the usage contradicts
   * itself for these prices. Usage is split into exclusive buckets (a cached token leaves the input bucket only where
   * cache reads or writes are priced; reasoning leaves the output bucket only where reasoning is priced), each bucket
   * is charged at its rate — {@code price * quantity / per}, in this order, so that another evaluation of the same
   * steps gives the same bits — and the per-request fee is added last.
   */
  public Optional<CallCost> cost(BillableUsage usage, long requests) {
    long write1h = prices(PriceUnit.CACHE_WRITE_1H_MTOK) ? usage.cacheWrite1h() : 0;
    long write = prices(PriceUnit.CACHE_WRITE_MTOK) ? usage.cacheWrite() - write1h : 0;
    long read = prices(PriceUnit.CACHE_READ_MTOK) ? usage.cacheRead() : 0;
    long input = usage.input() - read - write - write1h;
    long reasoning = prices(PriceUnit.OUTPUT_REASONING_MTOK) ? usage.reasoning() : 0;
    long output = usage.output() - reasoning;
    if (write < 0 || input < 0 || output < 0) {
      return Optional.empty();
    }
    double in = charge(PriceUnit.INPUT_MTOK, input) + charge(PriceUnit.CACHE_READ_MTOK, read)
        + charge(PriceUnit.CACHE_WRITE_MTOK, write) + charge(PriceUnit.CACHE_WRITE_1H_MTOK, write1h);
    double out = charge(PriceUnit.OUTPUT_MTOK, output) + charge(PriceUnit.OUTPUT_REASONING_MTOK, reasoning);
    double fees = charge(PriceUnit.REQUESTS_KCOUNT, requests);
    return Optional.of(new CallCost(in, out, in + out + fees));
  }

  private double charge(PriceUnit unit, long quantity) {
    if (quantity <= 0) {
      return 0;
    }
    Double price = prices.get(unit);
    return price == null ? 0 : price * quantity / unit.per();
  }
}
