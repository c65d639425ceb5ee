package dev.otelmcp.domain.port;

import dev.otelmcp.domain.call.StopReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backend's answer lacks, when it could not search everything asked: the search stopped (the call's stop
 * time, a cancellation) after covering only the newest part of the window, or some of its sub-requests failed even
 * after retries. The application turns it into {@code partial: true} and a {@code coverage} the assistant reads.
 *
 * @param stoppedBy why the search stopped early, or {@code null} when it was not stopped
 * @param searchedFrom the oldest time searched when the search stopped early (it covered searchedFrom .. the end
 *     of the window), or {@code null} when it covered the whole window (apart from failed parts)
 * @param failedParts the parts that could not be read, each in a few words with the reason, e.g. {@code "search
 *     2026-11-01T00:00:00Z .. 2026-11-08T00:00:00Z: HTTP 503"}; never secrets
 */
public record Shortfall(StopReason stoppedBy, Instant searchedFrom, List<String> failedParts) {

  public Shortfall {
    failedParts = List.copyOf(failedParts);
  }

  public static Shortfall stopped(StopReason reason, Instant searchedFrom) {
    return new Shortfall(reason, searchedFrom, List.of());
  }

  public static Shortfall failed(List<String> failedParts) {
    return new Shortfall(null, null, failedParts);
  }

  /** Both lacks together: the first's stop, the later stop time, all failed parts. */
  public Shortfall and(Shortfall other) {
    if (other == null) {
      return this;
    }
    Instant from = searchedFrom == null ? other.searchedFrom
        : other.searchedFrom == null ? searchedFrom
        : (searchedFrom.isAfter(other.searchedFrom) ? searchedFrom : other.searchedFrom);
    List<String> parts = new ArrayList<>(failedParts);
    parts.addAll(other.failedParts);
    return new Shortfall(stoppedBy != null ? stoppedBy : other.stoppedBy, from, parts);
  }
}
