package dev.otelmcp.domain.port;

import dev.otelmcp.domain.model.Span;
import java.util.List;
import java.util.Optional;

/** One page of span search results; see {@link TraceSearchResult} for the paging fields. */
public record SpanSearchResult(List<Span> spans, boolean mayHaveMore, String nextCursor, Shortfall shortfall) {

  public SpanSearchResult {
    spans = List.copyOf(spans);
  }

  /** A result that searched everything asked. */
  public SpanSearchResult(List<Span> spans, boolean mayHaveMore, String nextCursor) {
    this(spans, mayHaveMore, nextCursor, null);
  }

  public Optional<String> cursor() {
    return Optional.ofNullable(nextCursor);
  }
}
