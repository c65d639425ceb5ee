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
   * Every qualifying trace of the scan, in rank order (the tool pages through them, {@code limit} at a time),
   * and what was scanned.
   */
  public record Result(int count, List<RankedTraceView> traces, boolean truncated, Scope scope) {}

  private TraceRanking() {}

  /**
   * Reads the window through the scan and ranks the traces with matching calls that qualify. Only those are kept
   * (as they are read), not every trace of the window.
   */
  public static Result rank(LlmScan scan, TimeRange window, List<Filter> traceFilters, CallFilter filter,
      Predicate<TraceLlmSummary> qualifies, Comparator<TraceLlmSummary> order) {
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
    List<RankedTraceView> ranked = candidates.stream().map(RankedTraceView::of).toList();
    return new Result(ranked.size(), ranked, false, reading.scope(callsCounted[0]));
  }
}
