package dev.otelmcp.application.usecase;

import dev.otelmcp.application.search.TraceSearchOutcome;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.application.view.TraceSummaryView;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.query.Filter;
import jakarta.inject.Inject;
import java.util.List;

/** {@code search_traces}: traces in a window matching every filter, newest first. */
public final class SearchTracesUseCase {

  public record Request(TimeRange window, List<Filter> filters, int limit) {}

  public record Result(int count, List<TraceSummaryView> traces, boolean truncated, String hint, Scope scope) {}

  private final TraceSearcher searcher;

  @Inject
  public SearchTracesUseCase(TraceSearcher searcher) {
    this.searcher = searcher;
  }

  public Result execute(Request request) {
    TraceSearchOutcome outcome = searcher.search(request.window(), request.filters(), request.limit(), false);
    List<TraceSummaryView> traces = outcome.hits().stream().map(TraceSummaryView::of).toList();
    int spans = outcome.hits().stream().mapToInt(h -> h instanceof Trace t ? t.spanCount() : 0).sum();
    boolean cut = outcome.moreAvailable() || outcome.scanCapped();
    return new Result(
        traces.size(),
        traces,
        cut,
        ResultHints.forList("traces", traces.size(), request.limit(), outcome.moreAvailable(), outcome.scanCapped(),
            outcome.tracesScanned() + " traces"),
        Scope.of(request.window(), outcome.tracesScanned(), spans, cut));
  }
}
