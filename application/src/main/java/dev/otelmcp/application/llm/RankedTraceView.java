package dev.otelmcp.application.llm;

import dev.otelmcp.application.view.TraceSummaryView;
import java.util.List;

/**
 * A trace in an LLM ranking: its summary, its token usage, the models it used, and the time spent in
 * LLM calls.
 */
public record RankedTraceView(
    TraceSummaryView trace,
    TokenTotals tokens,
    List<String> models,
    double llmTimeMs,
    double llmTimeShare) {

  public static RankedTraceView of(TraceLlmSummary summary) {
    return new RankedTraceView(TraceSummaryView.of(summary.trace(), summary.calls()), summary.tokens(),
        summary.models(), summary.llmTimeMs(), summary.llmTimeShare());
  }
}
