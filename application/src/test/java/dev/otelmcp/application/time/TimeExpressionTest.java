package dev.otelmcp.application.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TimeExpressionTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @ParameterizedTest
  @CsvSource({
      "now, 2026-11-22T12:00:00Z",
      "-15m, 2026-11-22T11:45:00Z",
      "-2h, 2026-11-22T10:00:00Z",
      "-7d, 2026-11-15T12:00:00Z",
      "-1w, 2026-11-15T12:00:00Z",
      "-30s, 2026-11-22T11:59:30Z",
      "now-1.5h, 2026-11-22T10:30:00Z",
      "2026-11-22T08:00:00Z, 2026-11-22T08:00:00Z",
      "2026-11-22T08:00:00+02:00, 2026-11-22T06:00:00Z",
      "2026-11-22T08:00:00, 2026-11-22T08:00:00Z",
      "2026-11-22T08:00:00.123456, 2026-11-22T08:00:00.123456Z",
      "2026-11-02, 2026-11-02T00:00:00Z",
      "1763038908, 2025-11-13T13:01:48Z",
      "1763038908559, 2025-11-13T13:01:48.559Z"
  })
  void parsesEveryAcceptedForm(String text, String expected) {
    assertThat(TimeExpression.parse("start_time", text, NOW)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday-ish", "-15x", "2026-13-01", "12:00", "+2h"})
  void rejectsWhatIsNotATimeNamingTheParameter(String text) {
    assertThatThrownBy(() -> TimeExpression.parse("start_time", text, NOW))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("start_time")
        .hasMessageContaining(text)
        .satisfies(e -> assertThat(((InvalidQueryException) e).hint()).contains("-15m"));
  }

  @Test
  void theDefaultWindowIsTheLast24Hours() {
    TimeWindows windows = new TimeWindows(Clock.fixed(NOW, ZoneId.of("UTC")), ApplicationSettings.DEFAULTS);

    TimeRange range = windows.resolve(null, " ");

    assertThat(range.start()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
    assertThat(range.end()).isEqualTo(NOW);
  }

  @Test
  void aStartAfterTheEndIsAnInvalidArgument() {
    TimeWindows windows = new TimeWindows(Clock.fixed(NOW, ZoneId.of("UTC")), ApplicationSettings.DEFAULTS);

    assertThatThrownBy(() -> windows.resolve("-1h", "-2h"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("start_time")
        .hasMessageContaining("end_time");
  }

  @Test
  void onlyAnEndTimeMeansTheDayBeforeIt() {
    TimeWindows windows = new TimeWindows(Clock.fixed(NOW, ZoneId.of("UTC")), ApplicationSettings.DEFAULTS);

    TimeRange range = windows.resolve(null, "2026-11-10T00:00:00Z");

    assertThat(range.start()).isEqualTo(Instant.parse("2026-11-09T00:00:00Z"));
  }
}
