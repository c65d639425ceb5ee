package dev.otelmcp.adapters.tempo;

import dev.otelmcp.domain.port.BackendSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Backend settings from a map, as bootstrap would hand them over. */
final class TestSettings implements BackendSettings {

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  static TestSettings url(String url) {
    return new TestSettings().with(URL, url);
  }

  TestSettings with(String key, String value) {
    values.put(key, value);
    return this;
  }

  TestSettings header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  @Override
  public Optional<String> getString(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  /** Seconds, or a number with ms/s/m/h. */
  @Override
  public Duration getDuration(String key, Duration defaultValue) {
    Optional<String> raw = getString(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    String v = raw.get().trim();
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      if (v.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
      }
      if (v.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
      }
      if (v.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting '" + key + "' is not a duration: '" + v + "'");
    }
  }

  @Override
  public Map<String, String> getMap(String key) {
    return HEADERS.equals(key) ? Map.copyOf(headers) : Map.of();
  }
}
