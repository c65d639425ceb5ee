package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.llm.TraceRanking;
import dev.otelmcp.domain.port.LlmTraceRanking.Measure;
import jakarta.inject.Inject;

/**
 * {@code get_llm_expensive_traces}: the traces that used the most tokens (all LLM calls of the trace;
 * the model and service filters choose which traces qualify), with the input/output/cache breakdown.
 */
public final class GetLlmExpensiveTracesUseCase {

  /** What "expensive" means: dollars (prices differ 10-50x between models), or tokens. */
  public enum RankBy { COST, TOKENS }

  private final LlmScan scan;

  @Inject
  public GetLlmExpensiveTracesUseCase(LlmScan scan) {
    this.scan = scan;
  }

  /**
   * @param request the window and calls; the scan reads up to {@code MAX_TRACES_PER_QUERY} traces and every
   *     qualifying one is ranked; only the page's traces become views (the tool returns a page at a time)
   * @param minTokens only traces with at least this many tokens (traces without any are never listed)
   * @param minCostUsd only traces that cost at least this much, or {@code null}
   * @param page the part of the ranking to show
   */
  public TraceRanking.Result execute(LlmRequest request, long minTokens, Double minCostUsd, RankBy rankBy,
      TraceRanking.Page page) {
    // Traces without any tokens are never listed.
    TraceRanking.Criteria criteria = new TraceRanking.Criteria(rankBy == RankBy.COST ? Measure.COST : Measure.TOKENS,
        Math.max(1, minTokens), minCostUsd, null);
    return TraceRanking.rank(scan, request.window(), request.calls().traceFilters(), request.calls(), criteria, page);
  }
}
