package dev.otelmcp.adapters.tempo;

import dev.otelmcp.domain.model.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tempo's search window: {@code start}/{@code end} in whole unix seconds, always sent (without them Tempo
 * searches only what its live store holds, minutes of data), and never longer than Tempo's
 * {@code max_duration} (168h by default; a longer one is a 400). A longer window is cut into pieces, newest
 * first, so a search can stop as soon as it has enough.
 */
final class SearchWindows {

  /** One piece: {@code [start, end]} in unix seconds, {@code end > start}. */
  record Piece(long start, long end) {}

  private SearchWindows() {}

  /** The pieces of a window, newest first; the outer bounds round outwards to whole seconds. */
  static List<Piece> split(TimeRange window, Duration max) {
    long start = floorSeconds(window.start());
    long end = ceilSeconds(window.end());
    if (end <= start) {
      // Tempo wants end > start; a window inside one second still covers that second.
      end = start + 1;
    }
    long step = Math.max(1, max.getSeconds());
    List<Piece> pieces = new ArrayList<>();
    for (long upper = end; upper > start; upper -= step) {
      pieces.add(new Piece(Math.max(start, upper - step), upper));
    }
    return pieces;
  }

  static long floorSeconds(Instant instant) {
    return instant.getEpochSecond();
  }

  static long ceilSeconds(Instant instant) {
    return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
  }
}
