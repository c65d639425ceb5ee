package dev.otelmcp.backend.toolkit;

import dev.otelmcp.domain.port.BackendSettings;

import dev.otelmcp.domain.error.InvalidQueryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to reach an HTTP trace backend, read and validated from {@link BackendSettings}: the settings every
 * HTTP backend has ({@code url}, {@code api_key}, {@code headers}, {@code timeout}), judged by the same rules
 * whichever backend reads them. A backend's own config composes this record and adds its own settings.
 *
 * <p>The API key and header values are secrets: {@link #toString()} hides them and {@link #scrub(String)}
 * removes them from any text that could reach a log or an error message.
 *
 * @param url the base URL without a trailing slash; may carry a base path ({@code /jaeger}); never user info
 * @param apiKey the API key, trimmed; {@code null} when not configured
 * @param headers extra headers sent with every request (names validated, values single-line and trimmed)
 * @param timeout connect timeout and per-request timeout, between 1 ms and 1 h
 */
public record ConnectionSettings(String url, String apiKey, Map<String, String> headers, Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** Headers the JDK HTTP client refuses to let callers set. */
  private static final Set<String> RESTRICTED_HEADERS = caseInsensitive("connection", "content-length", "expect",
      "host", "upgrade");
  /** Values this short are too common to scrub from text (and too short to be credentials). */
  private static final int MIN_SECRET_HEADER_LENGTH = 4;
  private static final String TIMEOUT_HINT = "Use seconds (30) or a unit (500ms, 10s, 1m).";

  /**
   * How one backend explains its connection settings.
   *
   * @param defaultUrl the URL used when {@code url} is not set
   * @param urlHint said when the URL is malformed: what it should look like for this backend
   * @param credentialsHint said when the URL carries {@code user:password}: where this backend takes credentials
   * @param ownedHeaders headers the backend sets itself from other settings and refuses in {@code headers}
   *     (name to the setting it comes from, e.g. {@code Authorization -> BACKEND_API_KEY})
   */
  public record Spec(String defaultUrl, String urlHint, String credentialsHint, Map<String, String> ownedHeaders) {

    public Spec {
      Objects.requireNonNull(defaultUrl, "defaultUrl");
      Objects.requireNonNull(urlHint, "urlHint");
      Objects.requireNonNull(credentialsHint, "credentialsHint");
      // Insertion order kept: the hint names them in the order the backend gave.
      ownedHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(ownedHeaders));
    }

    /** A backend that lets users set any header the HTTP client allows. */
    public Spec(String defaultUrl, String urlHint, String credentialsHint) {
      this(defaultUrl, urlHint, credentialsHint, Map.of());
    }
  }

  public ConnectionSettings {
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Reads and validates the connection settings; every problem is an {@link InvalidQueryException} naming the
   * setting. Never contacts the backend.
   */
  public static ConnectionSettings from(BackendSettings settings, Spec spec) {
    SettingsReader reader = new SettingsReader(settings);
    String url = url(settings.getString(BackendSettings.URL, spec.defaultUrl()), spec);
    String apiKey = reader.text(BackendSettings.API_KEY).orElse(null);
    Map<String, String> headers = headers(settings, spec);
    Duration timeout = reader.duration(BackendSettings.TIMEOUT, DEFAULT_TIMEOUT, MAX_TIMEOUT, TIMEOUT_HINT);
    return new ConnectionSettings(url, apiKey, headers, timeout);
  }

  /** The same settings at another URL: for a backend that normalises the URL further (e.g. drops a version path). */
  public ConnectionSettings withUrl(String newUrl) {
    return new ConnectionSettings(newUrl, apiKey, headers, timeout);
  }

  /** The URL as shown in logs and messages (it never carries credentials: {@link #from} refuses user info). */
  public String displayUrl() {
    return url;
  }

  /** Values that must never appear in logs or error messages: the API key and header values. */
  public List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    if (apiKey != null) {
      secrets.add(apiKey);
    }
    headers.values().stream().filter(v -> v.length() >= MIN_SECRET_HEADER_LENGTH).forEach(secrets::add);
    return secrets;
  }

  /** Replaces every {@linkplain #secrets() secret} in the text by {@code ***}; {@code null} stays {@code null}. */
  public String scrub(String text) {
    return scrub(text, secrets());
  }

  /**
   * Replaces every secret in the text by {@code ***}, longest first: a secret that contains another (a
   * {@code user:token} key and its token) is hidden whole, not left as {@code user:***}.
   */
  public static String scrub(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String scrubbed = text;
    List<String> longestFirst = secrets.stream().filter(s -> s != null && !s.isEmpty())
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    for (String secret : longestFirst) {
      scrubbed = scrubbed.replace(secret, "***");
    }
    return scrubbed;
  }

  /** A short human form of the timeout for messages: {@code 30s}, {@code 500ms}. */
  public String timeoutText() {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
  }

  @Override
  public String toString() {
    return "ConnectionSettings[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***") + ", headers="
        + headers.keySet() + ", timeout=" + timeoutText() + "]";
  }

  private static String url(String raw, Spec spec) {
    String trimmed = raw.trim();
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      // The reason, not the message: the message quotes the input, which may hold a password.
      throw new InvalidQueryException("setting 'url' is not a valid URL: " + e.getReason(), spec.urlHint());
    }
    if (uri.getRawUserInfo() != null) {
      // Do not echo the value: it holds a password.
      throw new InvalidQueryException("setting 'url' must not contain user:password", spec.credentialsHint());
    }
    String shown = withoutUserInfo(trimmed);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidQueryException("setting 'url' must be an http:// or https:// URL, got '" + shown + "'",
          spec.urlHint());
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidQueryException("setting 'url' has no host: '" + shown + "'", spec.urlHint());
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      // Not echoed: a query is where people put tokens (?token=…, ?api_key=…).
      String base = shown.replaceFirst("[?#].*$", "");
      throw new InvalidQueryException("setting 'url' must not have a query or fragment: '" + base + "?…' (not shown: "
          + "it may hold a token; a token goes in BACKEND_API_KEY or a --header)", spec.urlHint());
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return scheme + "://" + uri.getRawAuthority() + path;
  }

  /**
   * The URL with anything before an {@code @} in its authority replaced by {@code ***}. {@link URI} sees user
   * info only in a server-based authority; {@code http://user:pw@} (no host) slips past that check, and its
   * password must not be echoed either.
   */
  static String withoutUserInfo(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return url;
    }
    start += 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    return at < start ? url : url.substring(0, start) + "***" + url.substring(at);
  }

  private static Map<String, String> headers(BackendSettings settings, Spec spec) {
    Set<String> owned = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    owned.addAll(spec.ownedHeaders().keySet());
    Map<String, String> headers = new LinkedHashMap<>();
    settings.getMap(BackendSettings.HEADERS).forEach((name, value) -> {
      String trimmed = name == null ? "" : name.trim();
      if (trimmed.isEmpty() || !trimmed.chars().allMatch(ConnectionSettings::isTokenChar)) {
        throw new InvalidQueryException("setting 'headers' has an invalid header name '" + name + "'",
            "Header names are letters, digits and -, e.g. X-Scope-OrgID=tenant-a.");
      }
      if (RESTRICTED_HEADERS.contains(trimmed) || owned.contains(trimmed)) {
        throw new InvalidQueryException("setting 'headers' cannot set '" + trimmed + "'", setByOthersHint(spec));
      }
      if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
        throw new InvalidQueryException("setting 'headers' has an invalid value for '" + trimmed + "'",
            "Header values are single-line text.");
      }
      headers.put(trimmed, value.trim());
    });
    return headers;
  }

  private static String setByOthersHint(Spec spec) {
    StringBuilder hint = new StringBuilder("The HTTP client sets Host, Connection, Content-Length, Expect and Upgrade"
        + " itself");
    spec.ownedHeaders().forEach((name, source) -> hint.append(", and ").append(name).append(" comes from ")
        .append(source));
    return hint.append('.').toString();
  }

  /** An HTTP token character (RFC 9110): what a header name may consist of. */
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
