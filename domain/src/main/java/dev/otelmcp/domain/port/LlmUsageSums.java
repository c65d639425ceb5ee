package dev.otelmcp.domain.port;

import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.domain.query.Filter;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * An optional ability of a store ({@link TraceStore#llmUsageSums()}): it sums the LLM calls of a whole window where
 * they are kept — a database's {@code GROUP BY} — and hands on groups instead of traces, so that a usage answer over
 * millions of spans moves a few rows.
 *
 * <p>The calls summed are exactly those the domain's LLM view counts ({@code LlmCalls.of(trace)}: wrappers of calls
 * with usage left out) in every trace that starts in the window and matches the filters (the newest
 * {@code traceLimit} of them). Calls share a group only when they share the requested and the answering model, the
 * provider, the service, and everything their price depends on besides their tokens: the tier segment of their billable input ({@link PriceBreaks#tierOf}), the dated
 * period and the part of the day they started in ({@link PriceBreaks#dates}, {@link PriceBreaks#timesOfDayNanos}),
 * whether their billable input covers their cache reads, their cache writes and both (whether a price adds up), and,
 * when a series step is asked for, the bucket {@code floor(startMillis / step)} they started in. Priced group by
 * group, the sums then give every call's price summed (the TCK compares them with the calls of the whole traces).
 */
public interface LlmUsageSums {

  /**
   * @param traceLimit sum the calls of the newest {@code traceLimit} traces only (a sample the caller asked for)
   * @param breaks where prices change
   * @param seriesStep the width of the series' buckets, or {@code null} for none
   */
  record Request(TimeRange window, List<Filter> traceFilters, int traceLimit, PriceBreaks breaks,
      Duration seriesStep) {

    public Request {
      traceFilters = List.copyOf(traceFilters);
    }
  }

  /**
   * What was summed: the traces of the window that matched, and their spans.
   *
   * @param moreAvailable whether matching traces were left out at {@code traceLimit}
   */
  record Report(int tracesRead, long spansRead, boolean moreAvailable) {}

  /**
   * Sums the window's calls and hands on each group. Runs in the calling thread and honours its {@code CallContext}:
   * a sum stopped early has no meaning, so a store that cannot finish in time fails with {@code CallStoppedException}
   * rather than hand on part of the groups. A store that finds it cannot sum this request after all (a server too
   * old for the statement) throws {@code UnsupportedQueryException} before handing on any group: the calls are then
   * read instead.
   *
   * @param request the window, the trace filters (only ones the store's {@link StoreCapabilities#evaluatesTraceFilter}
   *     accepts), the price breaks and the series step
   */
  Report sum(Request request, Consumer<CallGroup> groups);
}
