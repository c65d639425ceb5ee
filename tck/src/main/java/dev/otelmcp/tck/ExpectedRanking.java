package dev.otelmcp.tck;

import dev.otelmcp.domain.llm.BillableTokens;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.pricing.BillableUsage;
import dev.otelmcp.domain.pricing.CallCost;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.domain.pricing.PriceUnit;
import dev.otelmcp.domain.pricing.RateLookup;
import dev.otelmcp.domain.pricing.UnitRates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ranking {@code LlmTraceRanking} must make, worked out in Java from whole traces: each trace's counted calls
 * ({@link LlmCalls#of}), priced through the request's rates ({@link UnitRates#cost}), qualified and ordered as the
 * SPI says.
 */
public final class ExpectedRanking {

  /** One ranked trace: its tokens, its cost in billionths of a dollar (rounded), its counted calls. */
  public record Ranked(Trace trace, long tokens, long costNanoUsd, int calls) {}

  /** The whole ranking and the report of the traces read. */
  public record Outcome(List<Ranked> ranking, LlmTraceRanking.Report report) {

    /** The traces of the page the request asks for, in rank order. */
    public List<Trace> page(LlmTraceRanking.Request request) {
      int from = Math.min(request.offset(), ranking.size());
      int to = (int) Math.min(ranking.size(), (long) from + request.size());
      return ranking.subList(from, to).stream().map(Ranked::trace).toList();
    }
  }

  private ExpectedRanking() {}

  /**
   * @param read the traces the store reads for the request (newest first, at most its limit)
   * @param more whether matching traces were left out at the limit
   */
  public static Outcome of(List<Trace> read, boolean more, LlmTraceRanking.Request request) {
    List<Ranked> ranking = new ArrayList<>();
    long spans = 0;
    long warnings = 0;
    long calls = 0;
    for (Trace trace : read) {
      spans += trace.spanCount();
      List<LlmCall> counted = LlmCalls.of(trace);
      warnings += counted.stream().mapToLong(LlmCall::warnings).sum();
      if (counted.stream().noneMatch(call -> qualifies(call, request.qualifying()))) {
        continue;
      }
      Ranked ranked = ranked(trace, counted, request);
      if (ranked.tokens() >= request.minTokens() && (request.minCostUsd() == null
          || ranked.costNanoUsd() / 1e9 >= request.minCostUsd())) {
        ranking.add(ranked);
        calls += counted.size();
      }
    }
    ranking.sort(order(request.measure()));
    return new Outcome(ranking, new LlmTraceRanking.Report(ranking.size(), calls, read.size(), spans, warnings, more));
  }

  /** Whether a call makes its trace qualify. */
  public static boolean qualifies(LlmCall call, LlmTraceRanking.Qualifying q) {
    return (q.serviceName() == null || q.serviceName().equals(call.span().serviceName()))
        && (q.provider() == null || q.provider().equalsIgnoreCase(call.provider()))
        && (q.requestModel() == null || q.requestModel().equals(call.requestModel()))
        && (q.responseModel() == null || q.responseModel().equals(call.responseModel()));
  }

  /**
   * Rates made up to tell every group of calls apart: they differ by provider and model, by tier, dated period and
   * part of the day of {@code breaks}, some models price cache reads or reasoning and some have no price at all —
   * so a store that prices a call with another call's rates, or misses a unit's flag, ranks differently.
   */
  public static RateLookup varied(PriceBreaks breaks) {
    return (provider, model, at, tierInput) -> {
      if (model == null) {
        return Optional.empty();
      }
      int kind = Math.floorMod((provider + "/" + model).hashCode(), 7);
      if (kind == 0) {
        return Optional.empty();
      }
      long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
      long datesPassed = breaks.dates().stream().filter(date -> !at.isBefore(date)).count();
      long timesPassed = breaks.timesOfDayNanos().stream().filter(t -> Math.floorMod(nanos, 86_400_000_000_000L) >= t)
          .count();
      double input = 0.15 * kind * (1 + breaks.tierOf(tierInput)) * (1 + datesPassed) * (1 + 0.5 * timesPassed);
      Map<PriceUnit, Double> prices = new EnumMap<>(PriceUnit.class);
      prices.put(PriceUnit.INPUT_MTOK, input);
      prices.put(PriceUnit.OUTPUT_MTOK, input * 4 + 0.1);
      if (kind % 2 == 0) {
        prices.put(PriceUnit.CACHE_READ_MTOK, input / 10);
        prices.put(PriceUnit.CACHE_WRITE_MTOK, input * 1.25);
      }
      if (kind % 3 == 0) {
        prices.put(PriceUnit.OUTPUT_REASONING_MTOK, input * 3);
        prices.put(PriceUnit.REQUESTS_KCOUNT, 0.7);
      }
      return Optional.of(new UnitRates(prices));
    };
  }

  private static Ranked ranked(Trace trace, List<LlmCall> counted, LlmTraceRanking.Request request) {
    long tokens = 0;
    double cost = 0;
    for (LlmCall call : counted) {
      tokens += call.usage().total();
      BillableUsage usage = BillableTokens.of(call);
      String model = LlmCall.UNKNOWN_MODEL.equals(call.model()) ? null : call.model();
      cost += request.rates().rates(call.provider(), model, call.span().startTime(), usage.input())
          .flatMap(rates -> rates.cost(usage, 1)).map(CallCost::totalUsd).orElse(0.0);
    }
    return new Ranked(trace, tokens, Math.round(cost * 1e9), counted.size());
  }

  private static Comparator<Ranked> order(LlmTraceRanking.Measure measure) {
    Comparator<Ranked> byTokens = Comparator.comparingLong(Ranked::tokens);
    Comparator<Ranked> byCost = Comparator.comparingLong(Ranked::costNanoUsd);
    Comparator<Ranked> order = switch (measure) {
      case COST -> byCost.thenComparing(byTokens);
      case TOKENS -> byTokens.thenComparing(byCost);
      case DURATION -> Comparator.comparingLong(r -> r.trace().duration().toNanos());
    };
    return order.reversed().thenComparing(r -> r.trace().traceId());
  }
}
