package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Where a Jaeger search page ended: Jaeger's query API has no cursor, but it answers the newest traces of a window
 * first, so the next page is the same search over the window up to the oldest start this page returned. That start
 * is searched again (traces starting at the same microsecond may straddle the pages; the reader drops the ones it
 * has seen), and traces newer than it are dropped even if a backend returns them.
 *
 * @param oldestStart the oldest start time of the previous page
 */
record TimeCursor(Instant oldestStart) {

  private static final String PREFIX = "before:";

  static TimeCursor parse(String cursor) {
    try {
      if (cursor.startsWith(PREFIX)) {
        return new TimeCursor(Instant.parse(cursor.substring(PREFIX.length())));
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new InvalidQueryException("cursor " + Quote.of(cursor) + " was not issued by the Jaeger backend",
        "Repeat the search without a cursor.");
  }

  /**
   * The cursor after a page, or empty when it cannot move on: every trace of the page started at the previous
   * cursor's instant, so a next page would return the same ones.
   */
  static Optional<TimeCursor> after(List<TraceHit> page, TimeCursor previous) {
    if (page.isEmpty()) {
      return Optional.empty();
    }
    Instant oldest = page.get(page.size() - 1).startTime();
    if (previous != null && !oldest.isBefore(previous.oldestStart)) {
      return Optional.empty();
    }
    return Optional.of(new TimeCursor(oldest));
  }

  /** The query over the window up to and including the cursor's start; empty when nothing of the window is left. */
  Optional<TraceQuery> narrow(TraceQuery query) {
    TimeRange window = query.timeRange();
    // Jaeger's times are microseconds: one past the oldest start keeps that trace in the next search.
    Instant end = oldestStart.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
    if (end.isAfter(window.end())) {
      end = window.end();
    }
    if (!end.isAfter(window.start())) {
      return Optional.empty();
    }
    return Optional.of(new TraceQuery(new TimeRange(window.start(), end), query.filters(), query.limit(), null));
  }

  /** Whether a trace may be on the page after this cursor: it starts no later than the cursor. */
  boolean admits(TraceHit trace) {
    return !trace.startTime().isAfter(oldestStart);
  }

  /**
   * Whether a trace belongs on the page after {@code after} ({@code null}: the first page) whose answers hold every
   * trace from {@code coveredFrom} on ({@code null}: all of them; see {@code SearchPage.coveredFrom}).
   */
  static boolean onPage(TraceHit trace, TimeCursor after, Instant coveredFrom) {
    return (after == null || after.admits(trace)) && (coveredFrom == null || !trace.startTime().isBefore(coveredFrom));
  }

  @Override
  public String toString() {
    return PREFIX + oldestStart;
  }
}
