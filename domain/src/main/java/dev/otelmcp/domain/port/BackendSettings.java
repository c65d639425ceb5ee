package dev.otelmcp.domain.port;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration a backend is created from, independent of where it came from (command line,
 * environment, {@code .env} file). Keys are lower-case snake case ({@code url}, {@code api_key},
 * {@code timeout}); a backend may read its own keys (e.g. {@code environments}), which users set as
 * {@code BACKEND_<KEY>} environment variables or {@code --backend-option key=value}.
 *
 * <p>Modelled on OpenTelemetry's autoconfigure {@code ConfigProperties}.
 */
public interface BackendSettings {

  String URL = "url";
  String API_KEY = "api_key";
  String TIMEOUT = "timeout";
  String HEADERS = "headers";
  String HYDRATION_CONCURRENCY = "hydration_concurrency";

  /** The raw value, if set and not blank. */
  Optional<String> getString(String key);

  default String getString(String key, String defaultValue) {
    return getString(key).orElse(defaultValue);
  }

  /** An integer; a malformed value is a configuration error naming the key. */
  default int getInt(String key, int defaultValue) {
    Optional<String> raw = getString(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(raw.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting '" + key + "' must be an integer, got '" + raw.get() + "'");
    }
  }

  default boolean getBoolean(String key, boolean defaultValue) {
    return getString(key).map(v -> Boolean.parseBoolean(v.trim())).orElse(defaultValue);
  }

  /** A duration: plain seconds ({@code 30}, {@code 2.5}) or with a unit ({@code 500ms}, {@code 10s}, {@code 1m}). */
  Duration getDuration(String key, Duration defaultValue);

  /** A comma-separated list, trimmed, without empty items. */
  default List<String> getList(String key) {
    return getString(key)
        .map(v -> java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /** A map; for {@code headers}, the extra HTTP headers to send to the backend. */
  Map<String, String> getMap(String key);
}
