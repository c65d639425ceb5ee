package dev.otelmcp.backend.toolkit;

import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.port.Shortfall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What one answer lacks, tallied over its parts on the caller's thread: parts read, parts that failed (after
 * retries), a stop. At the end it is either a {@link Shortfall} (or none), or, when parts failed and none was read,
 * the first failure: an answer made only of failures is a failure, worded as the backend's.
 *
 * <p>At most {@value #MAX_LISTED} failed parts are listed; the rest are counted in one last entry, so that a
 * backend failing everywhere does not fill the answer with the same complaint.
 */
public final class ShortfallTally {

  static final int MAX_LISTED = 10;

  private final List<String> failedParts = new ArrayList<>();
  private int unlisted;
  private OtelMcpException firstFailure;
  private boolean anyRead;
  private StopReason stoppedBy;
  private Instant searchedFrom;

  /** A part was read. */
  public void read() {
    anyRead = true;
  }

  /** A part could not be read: {@code <part>: <brief reason>}. */
  public void failed(String part, OtelMcpException failure) {
    if (firstFailure == null) {
      firstFailure = failure;
    }
    missing(part + ": " + FailureBrief.of(failure));
  }

  /** Something the answer lacks that is no failure, e.g. {@code traces not fetched: 3 of 10}. */
  public void missing(String description) {
    if (failedParts.size() < MAX_LISTED) {
      failedParts.add(description);
    } else {
      unlisted++;
    }
  }

  /** The work stopped early; what was searched is not said in time (see {@link #stopped(StopReason, Instant)}). */
  public void stopped(StopReason reason) {
    if (stoppedBy == null) {
      stoppedBy = reason;
    }
  }

  /** The search stopped early, having covered {@code searchedFrom} .. the end of its window. */
  public void stopped(StopReason reason, Instant searchedFrom) {
    stopped(reason);
    this.searchedFrom = searchedFrom;
  }

  /** Tallies the parts of a {@link PartPool} run; returns what the parts read, in their order. */
  public <P, R> List<R> collect(PartResults<P, R> results, Function<P, String> name) {
    for (PartResult<P, R> result : results.results()) {
      if (result.done()) {
        read();
      } else if (result.failed()) {
        failed(name.apply(result.part()), result.failure());
      }
    }
    results.stopped().ifPresent(this::stopped);
    return results.values();
  }

  /** Adds what a sub-answer lacked (a search's shortfall to the fetches that follow it). */
  public void include(Shortfall lack) {
    if (lack == null) {
      return;
    }
    if (lack.stoppedBy() != null) {
      stopped(lack.stoppedBy());
    }
    if (lack.searchedFrom() != null && (searchedFrom == null || lack.searchedFrom().isAfter(searchedFrom))) {
      searchedFrom = lack.searchedFrom();
    }
    lack.failedParts().forEach(this::missing);
  }

  public boolean anyRead() {
    return anyRead;
  }

  /** Throws the first failure when parts failed and none was read. */
  public void throwIfNothingRead() {
    if (!anyRead && firstFailure != null) {
      throw firstFailure;
    }
  }

  /** What the answer lacks, or {@code null} when it lacks nothing. */
  public Shortfall shortfall() {
    if (stoppedBy == null && failedParts.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>(failedParts);
    if (unlisted > 0) {
      parts.add("… and " + unlisted + " more");
    }
    return new Shortfall(stoppedBy, stoppedBy == null ? null : searchedFrom, parts);
  }
}
