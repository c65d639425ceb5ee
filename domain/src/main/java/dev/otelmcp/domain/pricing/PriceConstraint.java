package dev.otelmcp.domain.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** When a model's prices apply: from a date on, or during a daily window (UTC). */
public sealed interface PriceConstraint {

  boolean appliesAt(Instant time);

  /** From the start of {@code date} (UTC) on. */
  record StartDate(LocalDate date) implements PriceConstraint {
    @Override
    public boolean appliesAt(Instant time) {
      return !time.isBefore(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
  }

  /** Every day from {@code start} (inclusive) to {@code end} (exclusive), UTC; a window may wrap midnight. */
  record TimeOfDay(LocalTime start, LocalTime end) implements PriceConstraint {
    @Override
    public boolean appliesAt(Instant time) {
      LocalTime t = LocalTime.ofInstant(time, ZoneOffset.UTC);
      return start.isBefore(end)
          ? !t.isBefore(start) && t.isBefore(end)
          : !t.isBefore(start) || t.isBefore(end);
    }
  }
}
