package dev.otelmcp.application.llm;

import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Ranks the traces of a scan that hold matching LLM calls (expensive and slow traces). */
public final class TraceRanking {

  /**
   * Every qualifying trace of the scan, in rank order (the tool pages through them, {@code limit} at a time),
   * and what was scanned.
   */
  public record Result(int count, List<RankedTraceView> traces, boolean truncated, Scope scope) {}

  private TraceRanking() {}

  public static Result rank(LlmScan.Result read, CallFilter filter, Predicate<TraceLlmSummary> qualifies,
      Comparator<TraceLlmSummary> order) {
    Map<String, List<LlmCall>> callsByTrace = new LinkedHashMap<>();
    for (LlmCall call : read.calls()) {
      callsByTrace.computeIfAbsent(call.span().traceId(), k -> new ArrayList<>()).add(call);
    }
    List<TraceLlmSummary> candidates = new ArrayList<>();
    int callsCounted = 0;
    for (Trace trace : read.traces()) {
      List<LlmCall> calls = callsByTrace.getOrDefault(trace.traceId(), List.of());
      if (calls.stream().noneMatch(filter::matches)) {
        continue;
      }
      TraceLlmSummary summary = TraceLlmSummary.of(trace, calls);
      if (qualifies.test(summary)) {
        candidates.add(summary);
        callsCounted += calls.size();
      }
    }
    candidates.sort(order.thenComparing(s -> s.trace().traceId()));
    List<RankedTraceView> ranked = candidates.stream().map(RankedTraceView::of).toList();
    return new Result(ranked.size(), ranked, false, read.scope(callsCounted));
  }
}
