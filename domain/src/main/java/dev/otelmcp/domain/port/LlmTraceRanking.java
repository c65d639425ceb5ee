package dev.otelmcp.domain.port;

import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.domain.pricing.RateLookup;
import dev.otelmcp.domain.query.Filter;
import java.util.List;
import java.util.function.Consumer;

/**
 * An optional ability of a store ({@link TraceStore#llmTraceRanking()}): it ranks the traces of a whole window by
 * what their LLM calls cost, how many tokens they used, or how long they took, where the spans are kept, and hands on
 * only the page of traces asked for — so that "the most expensive traces today" over millions of spans moves a page.
 *
 * <p>The traces ranked are those that start in the window and match the filters (the newest {@code traceLimit}),
 * holding at least one counted LLM call ({@code LlmCalls.of}) that matches {@link Qualifying}. A trace's tokens and
 * cost are those of all its counted calls; each call is priced with the rates {@code rates} gives for its provider,
 * model ({@code LlmCall.model()}), start and billable input ({@code BillableTokens.of}), through
 * {@code UnitRates.cost}; a call without rates, or whose usage does not add up, adds no cost.
 *
 * <p>Order, highest first: {@link Measure#COST} by the cost rounded to a billionth of a dollar, then tokens;
 * {@link Measure#TOKENS} by tokens, then that cost; {@link Measure#DURATION} by the trace's duration (its first start
 * to its last end); ties by trace id, ascending.
 */
public interface LlmTraceRanking {

  /** What traces are ranked by, highest first. */
  enum Measure { COST, TOKENS, DURATION }

  /**
   * The calls that make a trace qualify: of this service (exact), provider (ignoring case), requested and answering
   * model (exact); {@code null} for any.
   */
  record Qualifying(String serviceName, String provider, String requestModel, String responseModel) {

    public static final Qualifying ANY = new Qualifying(null, null, null, null);
  }

  /**
   * @param traceLimit rank the newest {@code traceLimit} traces only
   * @param minTokens only traces whose calls used at least this many tokens in all (0: any)
   * @param minCostUsd only traces whose cost, rounded to a billionth of a dollar, is at least this, or {@code null}
   * @param breaks where rates can change: calls of a provider and model between the same breaks are charged at the
   *     same rates, so a store asks {@code rates} once per such group
   * @param offset the rank (0-based) the page starts at
   * @param size how many traces the page holds at most
   */
  record Request(TimeRange window, List<Filter> traceFilters, int traceLimit, Qualifying qualifying, Measure measure,
      long minTokens, Double minCostUsd, PriceBreaks breaks, RateLookup rates, int offset, int size) {

    public Request {
      traceFilters = List.copyOf(traceFilters);
      if (offset < 0 || size < 0) {
        throw new IllegalArgumentException("page " + offset + "+" + size);
      }
    }
  }

  /**
   * What was ranked and read.
   *
   * @param ranked how many traces qualify (the whole ranking's length)
   * @param rankedCalls the counted LLM calls of those traces
   * @param tracesRead the traces of the window that matched the filters (up to the limit), qualifying or not
   * @param spansRead their spans
   * @param warnings the unreadable token figures of their counted calls
   * @param moreAvailable whether matching traces were left out at {@code traceLimit}
   */
  record Report(long ranked, long rankedCalls, int tracesRead, long spansRead, long warnings, boolean moreAvailable) {}

  /**
   * Ranks the window's traces and hands on the page's traces, whole, in rank order. Runs in the calling thread and
   * honours its {@code CallContext}: a ranking stopped early has no meaning, so a store that cannot finish in time
   * fails with {@code CallStoppedException}. A store that finds it cannot rank this request after all throws
   * {@code UnsupportedQueryException} before handing on any trace: the traces are then read instead.
   *
   * @param request the window, the trace filters (only ones the store's {@link StoreCapabilities#evaluatesTraceFilter}
   *     accepts), which calls qualify a trace, the order, and the page
   */
  Report rank(Request request, Consumer<Trace> page);
}
