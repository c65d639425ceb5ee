package dev.otelmcp.bootstrap.config;

import dev.otelmcp.domain.port.BackendSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link BackendSettings} over the resolved configuration. {@code toString} never shows values (secrets). */
public final class MapBackendSettings implements BackendSettings {

  private static final Pattern DURATION = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?$");

  private final Map<String, String> values;
  private final Map<String, String> headers;

  public MapBackendSettings(Map<String, String> values, Map<String, String> headers) {
    this.values = Map.copyOf(values);
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  @Override
  public Optional<String> getString(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  @Override
  public Duration getDuration(String key, Duration defaultValue) {
    return getString(key).map(raw -> parseDuration(key, raw)).orElse(defaultValue);
  }

  @Override
  public Map<String, String> getMap(String key) {
    return HEADERS.equals(key) ? headers : Map.of();
  }

  /** Seconds ({@code 30}, {@code 2.5}) or with a unit ({@code 500ms}, {@code 10s}, {@code 1m}, {@code 1h}). */
  static Duration parseDuration(String name, String raw) {
    Matcher m = DURATION.matcher(raw.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new ConfigurationException(name + " must be a duration such as 30, 2.5, 500ms, 10s or 1m, got '" + raw + "'");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> amount;
      case "s" -> amount * 1_000;
      case "m" -> amount * 60_000;
      default -> amount * 3_600_000;
    };
    if (millis <= 0) {
      throw new ConfigurationException(name + " must be positive, got '" + raw + "'");
    }
    return Duration.ofMillis(Math.round(millis));
  }

  @Override
  public String toString() {
    return "BackendSettings" + values.keySet();
  }
}
