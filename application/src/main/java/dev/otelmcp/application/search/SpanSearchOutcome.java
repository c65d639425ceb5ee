package dev.otelmcp.application.search;

import dev.otelmcp.domain.model.Span;
import java.util.List;

/**
 * What a span search found and what it covered.
 *
 * @param spans matching spans, newest first, at most the limit
 * @param tracesScanned traces read to find them (0 when the backend searched spans itself)
 * @param spansScanned spans examined
 * @param moreAvailable whether more matching spans exist beyond the limit
 * @param scanCapped whether the search stopped at {@code MAX_TRACES_PER_QUERY} before reaching the limit
 */
public record SpanSearchOutcome(
    List<Span> spans, int tracesScanned, int spansScanned, boolean moreAvailable, boolean scanCapped) {

  public SpanSearchOutcome {
    spans = List.copyOf(spans);
  }
}
