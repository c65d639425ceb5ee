package dev.otelmcp.application.view;

import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.Shortfall;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a partial answer did read, so that an assistant can say "of the last 7 days, the newest 2 were read" rather
 * than mistake a part for the whole. Present only on partial answers.
 *
 * @param stoppedBy why reading stopped early: {@code deadline} (the call's time limit), {@code cancelled}, {@code
 *     scan_cap} ({@code MAX_TRACES_PER_QUERY}); {@code null} when only some parts failed
 * @param startTime the oldest time read: the window's start unless reading stopped early
 * @param endTime the end of the window read
 * @param tracesRead traces read ({@code null} when the backend searched spans itself)
 * @param tracesKnown traces the backend had listed as matching when reading stopped, read or not: at least this many
 *     match ({@code null} when it could not say)
 * @param spansRead spans read, when the backend searched spans itself ({@code null} otherwise)
 * @param failedParts parts that could not be read even after retries, each with its reason
 */
public record Coverage(String stoppedBy, Instant startTime, Instant endTime, Integer tracesRead, Integer tracesKnown,
    Integer spansRead, List<String> failedParts) {

  public static final String SCAN_CAP = "scan_cap";
  /** At most this many failed parts are named; the rest are counted. */
  static final int MAX_NAMED_PARTS = 5;

  public Coverage {
    failedParts = failedParts == null ? null : List.copyOf(failedParts);
  }

  /**
   * The coverage of a read, or {@code null} when it read everything.
   *
   * @param shortfall what the backends or the scan lacked, or {@code null}
   * @param capped whether the scan stopped at its cap while more was there
   */
  public static Coverage of(TimeRange window, Shortfall shortfall, boolean capped, int tracesRead) {
    return make(window, shortfall, capped, tracesRead, null, null);
  }

  /**
   * The coverage of a read of {@code tracesRead} traces of the {@code tracesKnown} the backend listed ({@code null}
   * when it could not say), or {@code null} when it read everything.
   */
  public static Coverage of(TimeRange window, Shortfall shortfall, boolean capped, int tracesRead,
      Integer tracesKnown) {
    return make(window, shortfall, capped, tracesRead, tracesKnown, null);
  }

  /** The coverage of a span search the backend ran itself, counted in spans. */
  public static Coverage ofSpans(TimeRange window, Shortfall shortfall, boolean capped, int spansRead) {
    return make(window, shortfall, capped, null, null, spansRead);
  }

  private static Coverage make(TimeRange window, Shortfall shortfall, boolean capped, Integer tracesRead,
      Integer tracesKnown, Integer spansRead) {
    if (shortfall == null && !capped) {
      return null;
    }
    String stoppedBy = shortfall != null && shortfall.stoppedBy() != null ? name(shortfall.stoppedBy())
        : capped ? SCAN_CAP : null;
    Instant from = shortfall != null && shortfall.searchedFrom() != null && shortfall.searchedFrom().isAfter(window.start())
        ? shortfall.searchedFrom() : window.start();
    List<String> failed = shortfall == null || shortfall.failedParts().isEmpty() ? null : named(shortfall.failedParts());
    Integer known = tracesKnown == null || tracesRead == null ? tracesKnown
        : Integer.valueOf(Math.max(tracesKnown, tracesRead));
    return new Coverage(stoppedBy, from, window.end(), tracesRead, known, spansRead, failed);
  }

  /** This coverage, starting no earlier than {@code oldest} (a read that stopped there covered from it on). */
  public Coverage readFrom(Instant oldest) {
    Instant from = oldest.isAfter(startTime) ? oldest : startTime;
    return new Coverage(stoppedBy, from, endTime, tracesRead, tracesKnown, spansRead, failedParts);
  }

  private static String name(StopReason reason) {
    return reason.name().toLowerCase(Locale.ROOT);
  }

  private static List<String> named(List<String> parts) {
    if (parts.size() <= MAX_NAMED_PARTS) {
      return parts;
    }
    List<String> named = new java.util.ArrayList<>(parts.subList(0, MAX_NAMED_PARTS));
    named.add("… and " + (parts.size() - MAX_NAMED_PARTS) + " more parts");
    return named;
  }
}
