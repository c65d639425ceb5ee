package dev.otelmcp.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

  private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant END = Instant.parse("2025-03-01T11:00:00Z");

  @Test
  void endMustBeAfterStart() {
    assertThatThrownBy(() -> new TimeRange(START, START))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be after start");
    assertThatThrownBy(() -> new TimeRange(END, START)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeRange(null, END)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TimeRange(START, null)).isInstanceOf(NullPointerException.class);
    assertThat(new TimeRange(START, START.plusNanos(1)).length()).isEqualTo(Duration.ofNanos(1));
  }

  @Test
  void containsIsHalfOpen() {
    TimeRange range = new TimeRange(START, END);

    assertThat(range.contains(START)).isTrue();
    assertThat(range.contains(START.plusSeconds(1800))).isTrue();
    assertThat(range.contains(END.minusNanos(1))).isTrue();
    assertThat(range.contains(END)).isFalse();
    assertThat(range.contains(START.minusNanos(1))).isFalse();
  }

  @Test
  void lastDurationEndsNow() {
    TimeRange range = TimeRange.lastDuration(END, Duration.ofHours(1));

    assertThat(range).isEqualTo(new TimeRange(START, END));
    assertThat(range.length()).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> TimeRange.lastDuration(END, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
