package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.backend.toolkit.ConnectionSettings;
import dev.otelmcp.backend.toolkit.HttpBackendConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The validated settings of one Traceloop backend: how to reach it (URL, API key, headers, timeout, validated
 * as for every HTTP backend) and the environments searched.
 *
 * <p>The API key is required and secret: {@link #toString()} hides it and {@link #scrub} removes it (and
 * header values) from any text that could reach a log or an error message.
 *
 * @param connection the API's base URL without a trailing slash and without a trailing {@code /v2} (the request
 *     paths carry it), the API key sent as {@code Authorization: Bearer …} (the project is resolved from it),
 *     extra headers, and the timeout used as connect timeout and per-request timeout
 * @param environments the Traceloop environments searched ({@code prd}, {@code stg}, …)
 */
public record TraceloopConfig(ConnectionSettings connection, List<String> environments) implements HttpBackendConfig {

  public static final String ENVIRONMENTS = "environments";
  public static final String DEFAULT_URL = "https://api.traceloop.com";
  public static final List<String> DEFAULT_ENVIRONMENTS = List.of("prd");
  public static final Duration DEFAULT_TIMEOUT = ConnectionSettings.DEFAULT_TIMEOUT;

  private static final ConnectionSettings.Spec CONNECTION = new ConnectionSettings.Spec(DEFAULT_URL,
      "Set BACKEND_URL (or --url) to the Traceloop API, e.g. " + DEFAULT_URL + " (the default).",
      "Put the key in BACKEND_API_KEY (sent as a bearer token).",
      // The key is the only credential and it selects the project: a header must not replace it.
      Map.of("Authorization", "BACKEND_API_KEY"));

  public TraceloopConfig {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(connection.apiKey(), "apiKey");
    environments = List.copyOf(environments);
  }

  /**
   * Reads and validates the settings; every problem is an {@link InvalidQueryException} naming the setting.
   * Never contacts Traceloop.
   */
  public static TraceloopConfig from(BackendSettings settings) {
    ConnectionSettings connection = ConnectionSettings.from(settings, CONNECTION);
    if (connection.apiKey() == null) {
      throw new InvalidQueryException("the traceloop backend needs an API key: set BACKEND_API_KEY (or --api-key)",
          "Create an API key for the Traceloop project to read (it selects the project) and pass it in "
              + "BACKEND_API_KEY; it is sent as a bearer token and never logged.");
    }
    return new TraceloopConfig(connection.withUrl(withoutVersion(connection.url())), environments(settings));
  }

  /** The failures of this Traceloop API, worded as for every HTTP backend. */
  HttpFailures failures() {
    return failures("Traceloop");
  }

  @Override
  public String toString() {
    return "TraceloopConfig[url=" + url() + ", apiKey=***, headers=" + headers().keySet() + ", timeout="
        + connection.timeoutText() + ", environments=" + environments + "]";
  }

  /**
   * The URL without a trailing {@code /v2}: the reference's .env.example set https://api.traceloop.com/v2, and the
   * request paths already start with /v2.
   */
  private static String withoutVersion(String url) {
    if (!URI.create(url).getRawPath().toLowerCase(Locale.ROOT).endsWith("/v2")) {
      return url;
    }
    String trimmed = url.substring(0, url.length() - "/v2".length());
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
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
}
