package dev.otelmcp.application.view;

import dev.otelmcp.domain.model.TimeRange;
import java.time.Instant;

/** The time window a result was computed over, echoed back to the caller. */
public record Window(Instant startTime, Instant endTime) {

  public static Window of(TimeRange range) {
    return new Window(range.start(), range.end());
  }
}
