package dev.otelmcp.application.llm;

import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.query.Filter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Ranks the traces of a scan that hold matching LLM calls (expensive and slow traces). */
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

  private TraceRanking() {}

  /**
   * Reads the window through the scan and ranks the traces with matching calls that qualify. Only those are kept
   * (as they are read), not every trace of the window.
   */
  public static Result rank(LlmScan scan, TimeRange window, List<Filter> traceFilters, CallFilter filter,
      Predicate<TraceLlmSummary> qualifies, Comparator<TraceLlmSummary> order, Page page) {
    List<TraceLlmSummary> candidates = new ArrayList<>();
    int[] callsCounted = {0};
    LlmScan.Reading reading = scan.visit(window, traceFilters, Integer.MAX_VALUE, (trace, calls) -> {
      if (calls.stream().noneMatch(filter::matches)) {
        return;
      }
      TraceLlmSummary summary = TraceLlmSummary.of(trace, calls);
      if (qualifies.test(summary)) {
        candidates.add(summary);
        callsCounted[0] += calls.size();
      }
    });
    candidates.sort(order.thenComparing(s -> s.trace().traceId()));
    int from = Math.min(page.offset(), candidates.size());
    int to = (int) Math.min(candidates.size(), (long) from + page.size());
    List<RankedTraceView> shown = candidates.subList(from, to).stream().map(RankedTraceView::of).toList();
    return new Result(candidates.size(), shown, false, reading.scope(callsCounted[0]));
  }
}
