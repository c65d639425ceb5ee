package dev.otelmcp.domain.pricing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All the prices otel-mcp knows: the operator's first, then the table. Finding a model's entry is done once per
 * distinct provider and model name (the table has some 1,700 models and regular expressions); pricing a call is
 * then a few multiplications.
 */
public final class PriceBook {

  /** How a call was priced, or why it could not be. */
  public sealed interface Quote permits Priced, Unpriced {}

  /** @param priceSource the table or file the price came from */
  public record Priced(CallCost cost, String provider, String model, PriceSource priceSource) implements Quote {}

  /** @param reason why: the model is unknown, or its usage contradicts itself */
  public record Unpriced(String reason) implements Quote {}

  /** No prices at all: every call is unpriced. */
  public static final PriceBook NONE = new PriceBook(List.of(), null, null);

  private record Key(String provider, String model) {}

  private sealed interface Entry permits FromOperator, FromTable, Unknown {}

  private record FromOperator(OperatorPrice price) implements Entry {}

  private record FromTable(PriceTable.Resolved resolved) implements Entry {}

  private record Unknown() implements Entry {}

  private static final Unknown UNKNOWN = new Unknown();
  private static final int MAX_CACHED = 100_000;

  private final List<OperatorPrice> operatorPrices;
  private final PriceSource operatorSource;
  private final PriceTable table;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private volatile PriceBreaks breaks;

  /**
   * @param operatorSource names the operator's price file ({@code null} when there is none)
   * @param table the price table ({@code null}: none)
   */
  public PriceBook(List<OperatorPrice> operatorPrices, PriceSource operatorSource, PriceTable table) {
    this.operatorPrices = List.copyOf(operatorPrices);
    this.operatorSource = operatorSource;
    this.table = table;
  }

  /** The sources answers name: the operator's file first, then the table. */
  public List<PriceSource> sources() {
    return java.util.stream.Stream.of(operatorPrices.isEmpty() ? null : operatorSource, table == null ? null : table.source())
        .filter(Objects::nonNull).toList();
  }

  /** The operator's prices, which win over the table, in the order they are tried. */
  public List<OperatorPrice> operatorPrices() {
    return operatorPrices;
  }

  /** The price table under the operator's prices, if there is one. */
  public Optional<PriceTable> table() {
    return Optional.ofNullable(table);
  }

  /** The id of the table model a name is priced as ({@code gpt-4o-2024-08-06} is priced as {@code gpt-4o}). */
  public Optional<String> modelId(String provider, String model) {
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    Entry entry = entry(provider, model);
    return entry instanceof FromTable fromTable ? Optional.of(fromTable.resolved().model().id()) : Optional.empty();
  }

  /** Whether a model (of a provider, or {@code null}) has a price here. */
  public boolean knows(String provider, String model) {
    return model != null && !model.isBlank() && !(entry(provider, model) instanceof Unknown);
  }

  /**
   * @param provider the provider the call names ({@code null} when it names none)
   * @param at when the call was made (dated and time-of-day prices)
   */
  public Quote price(String provider, String model, Instant at, BillableUsage usage) {
    return price(provider, model, at, usage, usage.input(), 1);
  }

  /**
   * The price of {@code requests} calls of one model summed in {@code usage}, all between the same {@link #breaks}:
   * made at {@code at} or any time in the same dated period and part of the day, each with input tokens in the tier
   * of {@code tierInput} ({@link CostFormula#cost(ModelPrices, BillableUsage, long, long)}).
   */
  public Quote price(String provider, String model, Instant at, BillableUsage usage, long tierInput, long requests) {
    if (model == null || model.isBlank()) {
      return new Unpriced("the call names no model");
    }
    Entry entry = entry(provider, model);
    if (entry instanceof FromOperator operator) {
      return quote(operator.price().prices(), usage, tierInput, requests, provider, model, operatorSource);
    }
    if (entry instanceof FromTable fromTable) {
      PriceTable.Resolved resolved = fromTable.resolved();
      return quote(resolved.model().pricesAt(at), usage, tierInput, requests, resolved.provider().id(),
          resolved.model().id(), table.source());
    }
    return new Unpriced("no price for " + model + (provider == null ? "" : " (" + provider + ")"));
  }

  /**
   * The rates calls of a model are charged at ({@link RateLookup}): those of {@link #price} for a call made at
   * {@code at} with {@code tierInput} billable input tokens; empty when the model has no price.
   */
  public Optional<UnitRates> rates(String provider, String model, Instant at, long tierInput) {
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    Entry entry = entry(provider, model);
    if (entry instanceof FromOperator operator) {
      return Optional.of(UnitRates.of(operator.price().prices(), tierInput));
    }
    if (entry instanceof FromTable fromTable) {
      return Optional.of(UnitRates.of(fromTable.resolved().model().pricesAt(at), tierInput));
    }
    return Optional.empty();
  }

  /** Where any price this book holds can change ({@link PriceBreaks}); worked out once. */
  public PriceBreaks breaks() {
    PriceBreaks known = breaks;
    if (known == null) {
      known = PriceBreaksOf.book(operatorPrices, table);
      breaks = known;
    }
    return known;
  }

  private Entry entry(String provider, String model) {
    Key key = new Key(provider, model);
    Entry entry = entries.get(key);
    if (entry == null) {
      entry = lookup(provider, model);
      if (entries.size() < MAX_CACHED) {
        entries.put(key, entry);
      }
    }
    return entry;
  }

  private Entry lookup(String provider, String model) {
    for (OperatorPrice price : operatorPrices) {
      if (price.appliesTo(provider, model)) {
        return new FromOperator(price);
      }
    }
    Optional<PriceTable.Resolved> resolved = table == null ? Optional.empty() : table.find(provider, model);
    return resolved.<Entry>map(FromTable::new).orElse(UNKNOWN);
  }

  private static Quote quote(ModelPrices prices, BillableUsage usage, long tierInput, long requests, String provider,
      String model, PriceSource source) {
    return CostFormula.cost(prices, usage, tierInput, requests)
        .<Quote>map(cost -> new Priced(cost, provider, model, source))
        .orElseGet(() -> new Unpriced("usage of " + model + " does not add up (cached tokens exceed input tokens)"));
  }
}
