package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.CallPricing;
import dev.otelmcp.application.page.After;
import dev.otelmcp.application.search.TraceHydrator;
import dev.otelmcp.application.search.TraceSearchOutcome;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.view.Coverage;
import dev.otelmcp.application.view.Projection;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.application.view.TraceSummaryView;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceSummary;
import dev.otelmcp.domain.query.Filter;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code search_traces}: matching traces, newest first, one compact row each with its LLM figures. The page's
 * traces are read whole (in parallel where the backend returns summaries), so every backend reports calls
 * and tokens alike.
 */
public final class SearchTracesUseCase {

  /** @param after where the previous page stopped, or {@code null} */
  public record Request(TimeRange window, List<Filter> filters, int limit, After after, Projection projection) {}

  public record Result(int count, List<TraceSummaryView> traces, boolean truncated, String hint, Scope scope) {}

  private final TraceSearcher searcher;
  private final TraceHydrator hydrator;
  private final CallPricing pricing;

  @Inject
  public SearchTracesUseCase(TraceSearcher searcher, TraceHydrator hydrator, CallPricing pricing) {
    this.searcher = searcher;
    this.hydrator = hydrator;
    this.pricing = pricing;
  }

  private TraceSummaryView row(Trace trace, Projection projection) {
    return TraceSummaryView.of(trace, pricing.callsOf(trace)).with(trace, projection);
  }

  public Result execute(Request request) {
    TraceSearchOutcome outcome = searcher.search(request.window(), request.filters(), request.limit(), false, request.after());
    Map<String, Trace> whole = new HashMap<>();
    TraceHydrator.Hydration hydration = hydrator.hydrate(outcome.hits());
    hydration.traces().forEach(trace -> whole.put(trace.traceId(), trace));
    // A trace the backend listed but can no longer return keeps its summary row, without LLM figures.
    List<TraceSummaryView> traces = outcome.hits().stream()
        .map(hit -> whole.containsKey(hit.traceId())
            ? row(whole.get(hit.traceId()), request.projection())
            : hit instanceof TraceSummary summary ? TraceSummaryView.of(summary) : row((Trace) hit, request.projection()))
        .toList();
    int spans = whole.values().stream().mapToInt(Trace::spanCount).sum();
    boolean cut = outcome.moreAvailable() || outcome.scanCapped();
    return new Result(
        traces.size(),
        traces,
        cut,
        ResultHints.forList("traces", traces.size(), outcome.scanCapped(), outcome.tracesScanned() + " traces"),
        Scope.of(request.window(), outcome.tracesScanned(), spans, cut).covering(Coverage.of(request.window(),
            hydration.shortfall() == null ? outcome.shortfall() : hydration.shortfall().and(outcome.shortfall()),
            outcome.scanCapped(), outcome.tracesScanned())));
  }
}
