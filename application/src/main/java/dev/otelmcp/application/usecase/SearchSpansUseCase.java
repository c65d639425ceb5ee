package dev.otelmcp.application.usecase;

import dev.otelmcp.application.search.SpanSearchOutcome;
import dev.otelmcp.application.search.SpanSearcher;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.application.view.SpanView;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.query.Filter;
import jakarta.inject.Inject;
import java.util.List;

/** {@code search_spans}: individual spans matching every filter, newest first. */
public final class SearchSpansUseCase {

  /** Span lists are for scanning: long attribute values are cut shorter than in get_trace. */
  public static final int MAX_ATTRIBUTE_CHARS = 300;

  public record Request(TimeRange window, List<Filter> filters, int limit) {}

  public record Result(int count, List<SpanView> spans, boolean truncated, String hint, Scope scope) {}

  private final SpanSearcher searcher;

  @Inject
  public SearchSpansUseCase(SpanSearcher searcher) {
    this.searcher = searcher;
  }

  public Result execute(Request request) {
    SpanSearchOutcome outcome = searcher.search(request.window(), request.filters(), request.limit());
    List<SpanView> spans = outcome.spans().stream().map(s -> SpanView.of(s, MAX_ATTRIBUTE_CHARS)).toList();
    boolean cut = outcome.moreAvailable() || outcome.scanCapped();
    return new Result(
        spans.size(),
        spans,
        cut,
        ResultHints.forList("spans", spans.size(), request.limit(), outcome.moreAvailable(), outcome.scanCapped(),
            scanned(outcome)),
        Scope.of(request.window(), outcome.tracesScanned(), outcome.spansScanned(), cut));
  }

  /** Derived span searches read traces; native ones read spans. */
  private static String scanned(SpanSearchOutcome outcome) {
    return outcome.tracesScanned() > 0 ? outcome.tracesScanned() + " traces" : outcome.spansScanned() + " spans";
  }
}
