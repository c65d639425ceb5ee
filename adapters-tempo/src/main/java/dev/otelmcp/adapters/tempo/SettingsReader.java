package dev.otelmcp.adapters.tempo;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.BackendSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads and validates generic settings; every problem is an {@link InvalidQueryException} naming the setting. */
final class SettingsReader {

  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  /** Headers the JDK HTTP client refuses to let callers set. */
  private static final Set<String> RESTRICTED_HEADERS = caseInsensitive("connection", "content-length", "expect",
      "host", "upgrade");
  private static final String URL_HINT = "Set BACKEND_URL (or --url) to Tempo's HTTP API (query frontend), e.g. "
      + TempoConfig.DEFAULT_URL + " or https://tempo-prod-04-prod-us-east-0.grafana.net/tempo.";

  private final BackendSettings settings;

  SettingsReader(BackendSettings settings) {
    this.settings = settings;
  }

  /** The base URL without a trailing slash; user info is refused (it would carry a password). */
  String url() {
    String raw = settings.getString(BackendSettings.URL, TempoConfig.DEFAULT_URL).trim();
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw new InvalidQueryException("setting 'url' is not a valid URL: " + e.getReason(), URL_HINT);
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidQueryException("setting 'url' must not contain user:password",
          "Put the user in BACKEND_USERNAME and the token in BACKEND_API_KEY (sent with HTTP Basic auth).");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidQueryException("setting 'url' must be an http:// or https:// URL, got '" + raw + "'", URL_HINT);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidQueryException("setting 'url' has no host: '" + raw + "'", URL_HINT);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidQueryException("setting 'url' must not have a query or fragment: '" + raw + "'", URL_HINT);
    }
    String url = uri.toString();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url;
  }

  /** A single-line text setting, trimmed; empty when unset. */
  Optional<String> text(String key) {
    Optional<String> value = settings.getString(key).map(String::trim).filter(v -> !v.isEmpty());
    if (value.isPresent() && value.get().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      // Do not echo the value: it may be a secret.
      throw new InvalidQueryException("setting '" + key + "' contains control characters",
          "Set it to the bare value, without line breaks.");
    }
    return value;
  }

  Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    settings.getMap(BackendSettings.HEADERS).forEach((name, value) -> {
      String trimmed = name == null ? "" : name.trim();
      if (trimmed.isEmpty() || !trimmed.chars().allMatch(SettingsReader::isTokenChar)) {
        throw new InvalidQueryException("setting 'headers' has an invalid header name '" + name + "'",
            "Header names are letters, digits and -, e.g. X-Scope-OrgID=tenant-a.");
      }
      if (RESTRICTED_HEADERS.contains(trimmed)) {
        throw new InvalidQueryException("setting 'headers' cannot set '" + trimmed + "'",
            "The HTTP client sets Host, Connection, Content-Length, Expect and Upgrade itself.");
      }
      if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
        throw new InvalidQueryException("setting 'headers' has an invalid value for '" + trimmed + "'",
            "Header values are single-line text.");
      }
      headers.put(trimmed, value.trim());
    });
    return headers;
  }

  Duration duration(String key, Duration defaultValue, Duration max, String hint) {
    Duration value;
    try {
      value = settings.getDuration(key, defaultValue);
    } catch (RuntimeException e) {
      throw new InvalidQueryException("setting '" + key + "' is not a duration: " + e.getMessage(), hint);
    }
    if (value.isNegative() || value.toMillis() < 1 || value.compareTo(max) > 0) {
      throw new InvalidQueryException("setting '" + key + "' must be between 1ms and " + max.toHours() + "h, got "
          + value, hint);
    }
    return value;
  }

  Duration timeout() {
    return duration(BackendSettings.TIMEOUT, TempoConfig.DEFAULT_TIMEOUT, MAX_TIMEOUT,
        "Use seconds (30) or a unit (500ms, 10s, 1m).");
  }

  int integer(String key, int defaultValue, int min, int max, String hint) {
    int value;
    try {
      value = settings.getInt(key, defaultValue);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("setting '" + key + "' must be an integer: " + e.getMessage(), hint);
    }
    if (value < min || value > max) {
      throw new InvalidQueryException("setting '" + key + "' must be between " + min + " and " + max + ", got "
          + value, hint);
    }
    return value;
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return set;
  }
}
