package dev.otelmcp.application.llm;

import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.port.LlmTraceRanking.Measure;
import dev.otelmcp.domain.query.Filter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Ranks the traces of a window that hold matching LLM calls (expensive and slow traces): where the spans are kept when
 * the store ranks traces itself ({@link LlmTraceRanking}), else by reading every trace. Either way only the page's
 * traces become views, and both ways rank alike ({@code LlmTraceRanking}'s order).
 */
public final class TraceRanking {

  /**
   * The page asked for of the qualifying traces in rank order, how many qualify in all, and what was scanned.
   *
   * @param count how many traces qualify (the whole ranking's length)
   * @param traces the traces of the page, from its offset on
   */
  public record Result(int count, List<RankedTraceView> traces, boolean truncated, Scope scope) {}

  /**
   * Which part of the ranking to show: {@code size} traces from rank {@code offset} (0-based) on. Only those become
   * views — a ranking of a large window holds many qualifying traces, and an answer shows a page.
   */
  public record Page(int offset, int size) {

    /** The whole ranking. */
    public static final Page ALL = new Page(0, Integer.MAX_VALUE);

    public Page {
      if (offset < 0 || size < 0) {
        throw new IllegalArgumentException("page " + offset + "+" + size);
      }
    }
  }

  /**
   * What ranks the traces and which of them qualify.
   *
   * @param minTokens only traces whose calls used at least this many tokens (0: any)
   * @param minCostUsd only traces that cost at least this much (rounded as answers show it), or {@code null}
   * @param minDurationMs only traces at least this long, or {@code null}; the trace filters must say so too (a store
   *     that ranks traces itself is told through them), this holds reading stores whose search is coarser to it
   */
  public record Criteria(Measure measure, long minTokens, Double minCostUsd, Double minDurationMs) {

    boolean qualifies(TraceLlmSummary summary) {
      return summary.tokens().totalTokens() >= minTokens
          && (minCostUsd == null || summary.tokens().costUsd() >= minCostUsd)
          && (minDurationMs == null || summary.trace().durationMs() >= minDurationMs);
    }

    /** Highest first, ties by trace id. */
    Comparator<TraceLlmSummary> order() {
      Comparator<TraceLlmSummary> byTokens = Comparator.comparingLong(s -> s.tokens().totalTokens());
      Comparator<TraceLlmSummary> byCost = Comparator.comparingDouble(s -> s.tokens().costUsd());
      Comparator<TraceLlmSummary> order = switch (measure) {
        case COST -> byCost.thenComparing(byTokens);
        case TOKENS -> byTokens.thenComparing(byCost);
        case DURATION -> Comparator.comparingLong(s -> s.trace().duration().toNanos());
      };
      return order.reversed().thenComparing(s -> s.trace().traceId());
    }
  }

  private TraceRanking() {}

  /**
   * Ranks the window's traces that match the filters and hold a call the filter matches, and makes views of the
   * page's.
   *
   * @param traceFilters the trace filters, the call filter's own included
   */
  public static Result rank(LlmScan scan, TimeRange window, List<Filter> traceFilters, CallFilter filter,
      Criteria criteria, Page page) {
    List<TraceLlmSummary> shown = new ArrayList<>();
    Optional<LlmScan.Ranked> ranked = scan.rank(new LlmTraceRanking.Request(window, traceFilters, Integer.MAX_VALUE,
        filter.qualifying(), criteria.measure(), criteria.minTokens(), criteria.minCostUsd(), scan.breaks(), scan.rates(),
        page.offset(), page.size()), (trace, calls) -> shown.add(TraceLlmSummary.of(trace, calls)));
    if (ranked.isPresent()) {
      return new Result((int) Math.min(Integer.MAX_VALUE, ranked.get().count()),
          shown.stream().map(RankedTraceView::of).toList(), false,
          ranked.get().reading().scope((int) Math.min(Integer.MAX_VALUE, ranked.get().calls())));
    }
    return read(scan, window, traceFilters, filter, criteria, page);
  }

  /** Reads every trace of the window, keeping the qualifying ones (as they are read) to rank them. */
  private static Result read(LlmScan scan, TimeRange window, List<Filter> traceFilters, CallFilter filter,
      Criteria criteria, Page page) {
    List<TraceLlmSummary> candidates = new ArrayList<>();
    int[] callsCounted = {0};
    LlmScan.Reading reading = scan.visit(window, traceFilters, Integer.MAX_VALUE, (trace, calls) -> {
      if (calls.stream().noneMatch(filter::matches)) {
        return;
      }
      TraceLlmSummary summary = TraceLlmSummary.of(trace, calls);
      if (criteria.qualifies(summary)) {
        candidates.add(summary);
        callsCounted[0] += calls.size();
      }
    });
    candidates.sort(criteria.order());
    int from = Math.min(page.offset(), candidates.size());
    int to = (int) Math.min(candidates.size(), (long) from + page.size());
    List<RankedTraceView> shown = candidates.subList(from, to).stream().map(RankedTraceView::of).toList();
    return new Result(candidates.size(), shown, false, reading.scope(callsCounted[0]));
  }
}
