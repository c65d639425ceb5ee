package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.BackendSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated settings of one Traceloop backend.
 *
 * <p>The API key is required and secret: {@link #toString()} hides it and {@link #scrub} removes it (and
 * header values) from any text that could reach a log or an error message.
 *
 * @param url the API's base URL without a trailing slash and without a trailing {@code /v2} (the request
 *     paths carry it)
 * @param apiKey sent as {@code Authorization: Bearer …}; the project is resolved from it
 * @param headers extra headers sent with every request
 * @param timeout connect timeout and per-request timeout
 * @param environments the Traceloop environments searched ({@code prd}, {@code stg}, …)
 */
public record TraceloopConfig(
    String url,
    String apiKey,
    Map<String, String> headers,
    Duration timeout,
    List<String> environments) {

  public static final String ENVIRONMENTS = "environments";
  public static final String DEFAULT_URL = "https://api.traceloop.com";
  public static final List<String> DEFAULT_ENVIRONMENTS = List.of("prd");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
  /** Headers the JDK HTTP client refuses to let callers set. */
  private static final Set<String> RESTRICTED_HEADERS = caseInsensitive("connection", "content-length", "expect",
      "host", "upgrade");
  private static final String URL_HINT =
      "Set BACKEND_URL (or --url) to the Traceloop API, e.g. " + DEFAULT_URL + " (the default).";

  public TraceloopConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(apiKey, "apiKey");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
    environments = List.copyOf(environments);
  }

  /**
   * Reads and validates the settings; every problem is an {@link InvalidQueryException} naming the setting.
   * Never contacts Traceloop.
   */
  public static TraceloopConfig from(BackendSettings settings) {
    String url = url(settings.getString(BackendSettings.URL, DEFAULT_URL));
    return new TraceloopConfig(url, apiKey(settings), headers(settings), timeout(settings), environments(settings));
  }

  /** The URL as shown in logs and messages (never carries credentials: {@link #from} refuses user info). */
  public String displayUrl() {
    return url;
  }

  /** Replaces every secret (the API key, header values) in the text by {@code ***}. */
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
    return "TraceloopConfig[url=" + url + ", apiKey=***, headers=" + headers.keySet() + ", timeout=" + timeoutText()
        + ", environments=" + environments + "]";
  }

  private List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    secrets.add(apiKey);
    headers.values().stream().filter(v -> v.length() >= 4).forEach(secrets::add);
    return secrets;
  }

  private static String apiKey(BackendSettings settings) {
    String apiKey = settings.getString(BackendSettings.API_KEY).map(String::trim).filter(k -> !k.isEmpty())
        .orElseThrow(() -> new InvalidQueryException(
            "the traceloop backend needs an API key: set BACKEND_API_KEY (or --api-key)",
            "Create an API key for the Traceloop project to read (it selects the project) and pass it in "
                + "BACKEND_API_KEY; it is sent as a bearer token and never logged."));
    if (apiKey.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidQueryException("setting 'api_key' contains control characters",
          "Set BACKEND_API_KEY to the bare key, without line breaks.");
    }
    return apiKey;
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
          "Put the key in BACKEND_API_KEY (sent as a bearer token).");
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
    String path = trimSlashes(uri.getRawPath() == null ? "" : uri.getRawPath());
    // The reference's .env.example set https://api.traceloop.com/v2; the request paths already start with /v2.
    if (path.toLowerCase(Locale.ROOT).endsWith("/v2")) {
      path = trimSlashes(path.substring(0, path.length() - 3));
    }
    return scheme + "://" + uri.getRawAuthority() + path;
  }

  private static String trimSlashes(String path) {
    String trimmed = path;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  private static Map<String, String> headers(BackendSettings settings) {
    Map<String, String> headers = new LinkedHashMap<>();
    settings.getMap(BackendSettings.HEADERS).forEach((name, value) -> {
      String trimmed = name == null ? "" : name.trim();
      if (trimmed.isEmpty() || !trimmed.chars().allMatch(TraceloopConfig::isTokenChar)) {
        throw new InvalidQueryException("setting 'headers' has an invalid header name '" + name + "'",
            "Header names are letters, digits and -, e.g. X-Request-Source=otel-mcp.");
      }
      if (RESTRICTED_HEADERS.contains(trimmed) || trimmed.equalsIgnoreCase("Authorization")) {
        throw new InvalidQueryException("setting 'headers' cannot set '" + trimmed + "'",
            "The HTTP client sets Host, Connection, Content-Length, Expect and Upgrade itself, and Authorization"
                + " comes from BACKEND_API_KEY.");
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

  private static List<String> environments(BackendSettings settings) {
    List<String> configured = settings.getList(ENVIRONMENTS);
    if (configured.isEmpty()) {
      return DEFAULT_ENVIRONMENTS;
    }
    for (String environment : configured) {
      if (environment.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
        throw new InvalidQueryException("setting 'environments' has an invalid name '" + environment + "'",
            "Give Traceloop environment slugs separated by commas, e.g. BACKEND_ENVIRONMENTS=prd,stg.");
      }
    }
    return List.copyOf(new LinkedHashSet<>(configured));
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
