package dev.otelmcp.domain.port;

import dev.otelmcp.domain.model.Span;
import java.util.List;
import java.util.Optional;

/** One page of span search results; see {@link TraceSearchResult} for the paging fields. */
public record SpanSearchResult(List<Span> spans, boolean mayHaveMore, String nextCursor) {

  public SpanSearchResult {
    spans = List.copyOf(spans);
  }

  public Optional<String> cursor() {
    return Optional.ofNullable(nextCursor);
  }
}
