package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.llm.TraceRanking;
import dev.otelmcp.domain.port.LlmTraceRanking.Measure;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code get_llm_slow_traces}: the longest traces that made LLM calls, with the share of their time
 * spent waiting for models.
 */
public final class GetLlmSlowTracesUseCase {

  private final LlmScan scan;

  @Inject
  public GetLlmSlowTracesUseCase(LlmScan scan) {
    this.scan = scan;
  }

  /**
   * @param request the window and calls; the scan reads up to {@code MAX_TRACES_PER_QUERY} traces and every
   *     qualifying one is ranked; only the page's traces become views (the tool returns a page at a time)
   * @param minDurationMs only traces at least this long, or {@code null}
   * @param page the part of the ranking to show
   */
  public TraceRanking.Result execute(LlmRequest request, Double minDurationMs, TraceRanking.Page page) {
    List<Filter> filters = new ArrayList<>(request.calls().traceFilters());
    if (minDurationMs != null) {
      filters.add(Filter.number("duration", FilterOperator.GTE, minDurationMs));
    }
    return TraceRanking.rank(scan, request.window(), filters, request.calls(),
        new TraceRanking.Criteria(Measure.DURATION, 0, null, minDurationMs), page);
  }
}
