package dev.otelmcp.application.page;

import dev.otelmcp.domain.model.TimeRange;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a newest-first list stopped: the start time and ids of the last item returned. The next page holds
 * the items that come strictly after it in the list's order — start time descending, then trace id, then
 * span id ascending — so every item is returned exactly once, however many share a start time.
 *
 * @param spanId {@code null} for lists of traces
 */
public record After(Instant startTime, String traceId, String spanId) {

  public After {
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(traceId, "traceId");
  }

  /** Whether an item at this position was already returned (it comes before or at this point). */
  public boolean passed(Instant itemStart, String itemTraceId, String itemSpanId) {
    int byTime = itemStart.compareTo(startTime);
    if (byTime != 0) {
      return byTime > 0;
    }
    int byTrace = itemTraceId.compareTo(traceId);
    if (byTrace != 0) {
      return byTrace < 0;
    }
    return spanId == null || itemSpanId == null || itemSpanId.compareTo(spanId) <= 0;
  }

  /**
   * The window still to search: it ends just after this position's start time (later items were
   * returned), unless the position lies before the window's start (a trace can begin before the window
   * it was found in), when the window stays as it was.
   */
  public TimeRange narrow(TimeRange window) {
    Instant end = startTime.plusNanos(1);
    if (!end.isAfter(window.start()) || !end.isBefore(window.end())) {
      return window;
    }
    return new TimeRange(window.start(), end);
  }
}
