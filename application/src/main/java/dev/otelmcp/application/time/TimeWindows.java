package dev.otelmcp.application.time;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.TimeRange;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Turns the optional {@code start_time}/{@code end_time} arguments of a tool into the window actually
 * searched: end defaults to now, start to end minus the default window (24 h). Every result echoes it.
 */
public final class TimeWindows {

  private final Clock clock;
  private final ApplicationSettings settings;

  @Inject
  public TimeWindows(Clock clock, ApplicationSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  public TimeRange resolve(String startTime, String endTime) {
    Instant now = now();
    Instant end = isBlank(endTime) ? now : TimeExpression.parse("end_time", endTime, now);
    Instant start = isBlank(startTime) ? end.minus(settings.defaultWindow()) : TimeExpression.parse("start_time", startTime, now);
    if (!start.isBefore(end)) {
      throw new InvalidQueryException(
          "start_time " + start + " must be before end_time " + end,
          "Swap the two, or leave end_time out to search up to now.");
    }
    return new TimeRange(start, end);
  }

  /** Now, to the millisecond: windows echoed to users need no nanoseconds. */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
