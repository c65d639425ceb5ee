package dev.otelmcp.backend.toolkit;

import dev.otelmcp.domain.port.BackendSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Backend-specific settings read with the same rules and words as the shared ones. */
class SettingsReaderTest {

  private static SettingsReader reader(TestBackendSettings settings) {
    return new SettingsReader(settings);
  }

  @Test
  void textIsTrimmedAndBlankIsUnset() {
    SettingsReader reader = reader(new TestBackendSettings().with("tenant", " team-a ").with("username", "  "));

    assertThat(reader.text("tenant")).contains("team-a");
    assertThat(reader.text("username")).isEmpty();
    assertThat(reader.text("missing")).isEmpty();
  }

  @Test
  void textWithControlCharactersIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> reader(new TestBackendSettings().with("tenant", "team\u0000a")).text("tenant"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("setting 'tenant' contains control characters")
        .satisfies(e -> assertThat(((InvalidQueryException) e).hint()).contains("BACKEND_TENANT"));
  }

  @Test
  void integersAreBounded() {
    assertThat(reader(new TestBackendSettings()).integer("fanout_concurrency", 8, 1, 64, "hint")).isEqualTo(8);
    assertThat(reader(new TestBackendSettings().with("fanout_concurrency", " 3 "))
        .integer("fanout_concurrency", 8, 1, 64, "hint")).isEqualTo(3);
    assertThatThrownBy(() -> reader(new TestBackendSettings().with("fanout_concurrency", "0"))
        .integer("fanout_concurrency", 8, 1, 64, "How many at once."))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("setting 'fanout_concurrency' must be between 1 and 64, got 0")
        .satisfies(e -> assertThat(((InvalidQueryException) e).hint()).isEqualTo("How many at once."));
    assertThatThrownBy(() -> reader(new TestBackendSettings().with("fanout_concurrency", "many"))
        .integer("fanout_concurrency", 8, 1, 64, "hint"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("setting 'fanout_concurrency' must be an integer: ");
  }

  @Test
  void durationsAreBoundedByTheirMaximum() {
    Duration week = Duration.ofHours(168);
    assertThat(reader(new TestBackendSettings().with("max_search_duration", "720h"))
        .duration("max_search_duration", week, Duration.ofDays(3650), "hint")).isEqualTo(Duration.ofHours(720));
    assertThat(reader(new TestBackendSettings()).duration("max_search_duration", week, Duration.ofDays(3650), "hint"))
        .isEqualTo(week);
    assertThatThrownBy(() -> reader(new TestBackendSettings().with("timeout", "2h"))
        .duration("timeout", Duration.ofSeconds(30), Duration.ofHours(1), "hint"))
        .isInstanceOf(InvalidQueryException.class).hasMessage("setting 'timeout' must be between 1ms and 1h, got PT2H");
  }

  @Test
  void anyFailureOfTheSettingsToParseADurationNamesTheSetting() {
    BackendSettings strict = new BackendSettings() {
      @Override
      public Optional<String> getString(String key) {
        return Optional.of("soon");
      }

      @Override
      public Duration getDuration(String key, Duration defaultValue) {
        throw new IllegalStateException("timeout must be a duration such as 30, got 'soon'");
      }

      @Override
      public Map<String, String> getMap(String key) {
        return Map.of();
      }
    };

    assertThatThrownBy(() -> new SettingsReader(strict).duration("timeout", Duration.ofSeconds(30),
        Duration.ofHours(1), "Use seconds."))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("setting 'timeout' is not a duration: timeout must be a duration such as 30, got 'soon'");
  }
}
