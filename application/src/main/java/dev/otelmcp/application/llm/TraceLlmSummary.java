package dev.otelmcp.application.llm;

import dev.otelmcp.application.trace.Intervals;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.model.Trace;
import java.util.List;
import java.util.TreeSet;

/**
 * The LLM side of one trace: its calls, their token totals, the models used, and how much of the
 * trace's wall-clock time was spent waiting for models (overlapping calls counted once).
 */
public record TraceLlmSummary(Trace trace, List<LlmCall> calls, TokenTotals tokens, List<String> models, double llmTimeMs) {

  public static TraceLlmSummary of(Trace trace, List<LlmCall> calls) {
    TreeSet<String> models = new TreeSet<>();
    calls.forEach(c -> models.add(c.model()));
    return new TraceLlmSummary(trace, List.copyOf(calls), TokenTotals.of(calls), List.copyOf(models), busyMs(calls));
  }

  /** The share of the trace's duration spent in LLM calls, 0–1. */
  public double llmTimeShare() {
    double traceMs = trace.durationMs();
    return traceMs <= 0 ? 0 : Math.min(1, Math.round(llmTimeMs / traceMs * 10_000) / 10_000.0);
  }

  /** Length of the union of the calls' intervals. */
  private static double busyMs(List<LlmCall> calls) {
    long nanos = Intervals.union(calls.stream()
        .map(c -> new Intervals.Interval(c.span().startTime(), c.span().endTime())).toList()).toNanos();
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}
