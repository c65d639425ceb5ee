package dev.otelmcp.tck;

import dev.otelmcp.domain.port.BackendSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backend settings from a map, as bootstrap hands them over: for backend tests, here and in third-party
 * backends. Values are given as users type them and are not trimmed, so that a backend's own trimming and
 * validation are what is tested.
 *
 * <pre>{@code
 * JaegerConfig.from(TestBackendSettings.url(wireMock.baseUrl()).with("timeout", "2s").header("X-Scope-OrgID", "a"));
 * }</pre>
 */
public final class TestBackendSettings implements BackendSettings {

  /** Seconds ({@code 30}, {@code 2.5}) or with a unit ({@code 500ms}, {@code 10s}, {@code 1m}, {@code 1h}). */
  private static final Pattern DURATION = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?$");

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  /** Settings with only the URL set. */
  public static TestBackendSettings url(String url) {
    return new TestBackendSettings().with(URL, url);
  }

  /** Sets a value ({@code null} or blank reads as unset, as with a real configuration). */
  public TestBackendSettings with(String key, String value) {
    values.put(key, value);
    return this;
  }

  /** Unsets a value. */
  public TestBackendSettings without(String key) {
    values.remove(key);
    return this;
  }

  /** Adds an extra HTTP header (the {@code headers} setting), in order. */
  public TestBackendSettings header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  @Override
  public Optional<String> getString(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  /**
   * Parsed as bootstrap parses durations, except that zero is returned rather than refused: the bounds are the
   * backend's to check, and its tests check them.
   */
  @Override
  public Duration getDuration(String key, Duration defaultValue) {
    Optional<String> raw = getString(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    Matcher m = DURATION.matcher(raw.get().strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("setting '" + key + "' is not a duration: '" + raw.get() + "'");
    }
    double amount = Double.parseDouble(m.group(1));
    double millis = switch (m.group(2) == null ? "s" : m.group(2)) {
      case "ms" -> amount;
      case "s" -> amount * 1_000;
      case "m" -> amount * 60_000;
      default -> amount * 3_600_000;
    };
    return Duration.ofMillis(Math.round(millis));
  }

  @Override
  public Map<String, String> getMap(String key) {
    return HEADERS.equals(key) ? Collections.unmodifiableMap(new LinkedHashMap<>(headers)) : Map.of();
  }

  @Override
  public String toString() {
    // Keys only: tests put made-up secrets in the values, and a failing assertion prints its subject.
    return "TestBackendSettings" + values.keySet() + ", headers " + headers.keySet();
  }
}
