package dev.otelmcp.application.usecase;

import dev.otelmcp.application.page.After;
import dev.otelmcp.application.search.SpanSearchOutcome;
import dev.otelmcp.application.search.SpanSearcher;
import dev.otelmcp.application.view.Projection;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.application.view.SpanRow;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.query.Filter;
import jakarta.inject.Inject;
import java.util.List;

/** {@code search_spans}: individual spans matching every filter, newest first, as compact rows. */
public final class SearchSpansUseCase {

  /** @param after where the previous page stopped, or {@code null} */
  public record Request(TimeRange window, List<Filter> filters, int limit, After after, Projection projection) {}

  public record Result(int count, List<SpanRow> spans, boolean truncated, String hint, Scope scope) {}

  private final SpanSearcher searcher;

  @Inject
  public SearchSpansUseCase(SpanSearcher searcher) {
    this.searcher = searcher;
  }

  public Result execute(Request request) {
    SpanSearchOutcome outcome = searcher.search(request.window(), request.filters(), request.limit(), request.after());
    List<SpanRow> spans = outcome.spans().stream().map(s -> SpanRow.of(s, request.projection())).toList();
    boolean cut = outcome.moreAvailable() || outcome.scanCapped();
    return new Result(
        spans.size(),
        spans,
        cut,
        ResultHints.forList("spans", spans.size(), outcome.scanCapped(), scanned(outcome)),
        Scope.of(request.window(), outcome.tracesScanned(), outcome.spansScanned(), cut)
            .covering(outcome.coverage(request.window(), outcome.scanCapped())));
  }

  /** Derived span searches read traces; native ones read spans. */
  private static String scanned(SpanSearchOutcome outcome) {
    return outcome.tracesScanned() > 0 ? outcome.tracesScanned() + " traces" : outcome.spansScanned() + " spans";
  }
}
