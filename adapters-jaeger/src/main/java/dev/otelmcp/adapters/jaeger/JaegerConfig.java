package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.BackendSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated settings of one Jaeger backend.
 *
 * <p>The API key is a secret: {@link #toString()} hides it, and {@link #secrets()} lists what must be
 * scrubbed from any text that could reach a log or an error message.
 *
 * @param url the query service's base URL without a trailing slash; may carry a base path ({@code /jaeger})
 * @param apiKey sent as {@code Authorization: Bearer …}; {@code null} when not configured
 * @param headers extra headers sent with every request
 * @param timeout connect timeout and per-request timeout
 * @param apiVersion which query API to use
 * @param fanoutConcurrency how many per-service searches run at once when a search names no service
 */
public record JaegerConfig(
    String url,
    String apiKey,
    Map<String, String> headers,
    Duration timeout,
    ApiVersion apiVersion,
    int fanoutConcurrency) {

  public static final String API_VERSION = "api_version";
  public static final String FANOUT_CONCURRENCY = "fanout_concurrency";
  public static final String DEFAULT_URL = "http://localhost:16686";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_FANOUT_CONCURRENCY = 8;

  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  private static final int MAX_FANOUT_CONCURRENCY = 64;
  /** Headers the JDK HTTP client refuses to let callers set. */
  private static final Set<String> RESTRICTED_HEADERS = caseInsensitive("connection", "content-length", "expect",
      "host", "upgrade");
  private static final String URL_HINT =
      "Set BACKEND_URL (or --url) to Jaeger's query endpoint, e.g. " + DEFAULT_URL + " or https://host/jaeger.";

  /** Which Jaeger query API to talk to. */
  public enum ApiVersion {
    /** Probe on first use: the classic {@code /api} when it answers, else {@code /api/v3}. */
    AUTO,
    /** The classic internal JSON API ({@code /api/services}, {@code /api/traces}), Jaeger v1 and v2 up to v2.20. */
    CLASSIC,
    /** The OTLP-based {@code /api/v3}, Jaeger v1.53+ and every v2. */
    V3
  }

  public JaegerConfig {
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(apiVersion, "apiVersion");
  }

  /**
   * Reads and validates the settings; every problem is an {@link InvalidQueryException} naming the setting.
   * Never contacts Jaeger.
   */
  public static JaegerConfig from(BackendSettings settings) {
    String url = url(settings.getString(BackendSettings.URL, DEFAULT_URL));
    String apiKey = settings.getString(BackendSettings.API_KEY).map(String::trim).filter(k -> !k.isEmpty()).orElse(null);
    if (apiKey != null && apiKey.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidQueryException("setting 'api_key' contains control characters",
          "Set BACKEND_API_KEY to the bare token, without line breaks.");
    }
    return new JaegerConfig(url, apiKey, headers(settings), timeout(settings), apiVersion(settings),
        fanoutConcurrency(settings));
  }

  /** The URL as shown in logs and messages (never carries credentials: {@link #from} refuses user info). */
  public String displayUrl() {
    return url;
  }

  /** Values that must never appear in logs or error messages. */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    if (apiKey != null) {
      secrets.add(apiKey);
    }
    headers.values().stream().filter(v -> v.length() >= 4).forEach(secrets::add);
    return secrets;
  }

  /** Replaces every secret in the text by {@code ***}. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String scrubbed = text;
    for (String secret : secrets()) {
      scrubbed = scrubbed.replace(secret, "***");
    }
    return scrubbed;
  }

  /** A short human form of the timeout for messages: {@code 30s}, {@code 500ms}. */
  String timeoutText() {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
  }

  @Override
  public String toString() {
    return "JaegerConfig[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***") + ", headers="
        + headers.keySet() + ", timeout=" + timeoutText() + ", apiVersion=" + apiVersion
        + ", fanoutConcurrency=" + fanoutConcurrency + "]";
  }

  private static String url(String raw) {
    URI uri;
    try {
      uri = new URI(raw.trim());
    } catch (URISyntaxException e) {
      throw new InvalidQueryException("setting 'url' is not a valid URL: " + e.getReason(), URL_HINT);
    }
    if (uri.getRawUserInfo() != null) {
      // Do not echo the value: it holds a password.
      throw new InvalidQueryException("setting 'url' must not contain user:password",
          "Put the token in BACKEND_API_KEY (sent as a bearer token) or in the headers setting.");
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
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return scheme + "://" + uri.getRawAuthority() + path;
  }

  private static Map<String, String> headers(BackendSettings settings) {
    Map<String, String> headers = new LinkedHashMap<>();
    settings.getMap(BackendSettings.HEADERS).forEach((name, value) -> {
      String trimmed = name == null ? "" : name.trim();
      if (trimmed.isEmpty() || !trimmed.chars().allMatch(JaegerConfig::isTokenChar)) {
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

  private static Duration timeout(BackendSettings settings) {
    Duration timeout;
    try {
      timeout = settings.getDuration(BackendSettings.TIMEOUT, DEFAULT_TIMEOUT);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("setting 'timeout' is not a duration: " + e.getMessage(),
          "Use seconds (30) or a unit (500ms, 10s, 1m).");
    }
    if (timeout.isNegative() || timeout.toMillis() < 1 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new InvalidQueryException("setting 'timeout' must be between 1ms and 1h, got " + timeout,
          "Use seconds (30) or a unit (500ms, 10s, 1m).");
    }
    return timeout;
  }

  private static ApiVersion apiVersion(BackendSettings settings) {
    String raw = settings.getString(API_VERSION, "auto").trim().toLowerCase(Locale.ROOT);
    switch (raw) {
      case "auto":
        return ApiVersion.AUTO;
      case "classic":
      case "v1":
      case "api":
        return ApiVersion.CLASSIC;
      case "v3":
      case "api_v3":
        return ApiVersion.V3;
      default:
        throw new InvalidQueryException("setting 'api_version' must be auto, classic or v3, got '" + raw + "'",
            "Leave it at auto to probe Jaeger, or force classic (/api) or v3 (/api/v3).");
    }
  }

  private static int fanoutConcurrency(BackendSettings settings) {
    int value;
    try {
      value = settings.getInt(FANOUT_CONCURRENCY, DEFAULT_FANOUT_CONCURRENCY);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("setting 'fanout_concurrency' must be an integer: " + e.getMessage(),
          "Use a number of parallel searches between 1 and " + MAX_FANOUT_CONCURRENCY + ", default "
              + DEFAULT_FANOUT_CONCURRENCY + ".");
    }
    if (value < 1 || value > MAX_FANOUT_CONCURRENCY) {
      throw new InvalidQueryException("setting 'fanout_concurrency' must be between 1 and " + MAX_FANOUT_CONCURRENCY
          + ", got " + value, "It bounds how many per-service searches run at once; default "
          + DEFAULT_FANOUT_CONCURRENCY + ".");
    }
    return value;
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return set;
  }
}
