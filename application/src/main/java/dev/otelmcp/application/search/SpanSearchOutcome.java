package dev.otelmcp.application.search;

import dev.otelmcp.application.view.Coverage;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.Shortfall;
import java.util.List;

/**
 * What a span search found and what it covered.
 *
 * @param spans matching spans, newest first, at most the limit
 * @param tracesScanned traces read to find them (0 when the backend searched spans itself)
 * @param spansScanned spans examined
 * @param moreAvailable whether more matching spans exist beyond the limit
 * @param scanCapped whether the search stopped at {@code MAX_TRACES_PER_QUERY} before reaching the limit
 * @param shortfall what the search lacked (stopped early, failed parts); {@code null} when nothing
 */
public record SpanSearchOutcome(List<Span> spans, int tracesScanned, int spansScanned, boolean moreAvailable,
    boolean scanCapped, Shortfall shortfall) {

  public SpanSearchOutcome {
    spans = List.copyOf(spans);
  }

  /**
   * What the search read when it was partial ({@code null} when it was not).
   *
   * @param capped whether the caller counts this search as stopped by the safety cap
   */
  public Coverage coverage(TimeRange window, boolean capped) {
    return tracesScanned > 0 || spansScanned == 0 ? Coverage.of(window, shortfall, capped, tracesScanned)
        : Coverage.ofSpans(window, shortfall, capped, spansScanned);
  }
}
