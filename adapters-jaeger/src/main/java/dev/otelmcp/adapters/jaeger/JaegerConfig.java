package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.backend.toolkit.ConnectionSettings;
import dev.otelmcp.backend.toolkit.HttpBackendConfig;
import dev.otelmcp.backend.toolkit.SettingsReader;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The validated settings of one Jaeger backend: how to reach it (URL, API key, headers, timeout, validated as
 * for every HTTP backend) and Jaeger's own settings.
 *
 * <p>The API key is a secret: {@link #toString()} hides it, and {@link #scrub(String)} removes it (and header
 * values) from any text that could reach a log or an error message.
 *
 * @param connection the query service's base URL (may carry a base path, {@code /jaeger}), the API key sent as
 *     {@code Authorization: Bearer …} ({@code null} when not configured), extra headers, and the timeout used
 *     as connect timeout and per-request timeout
 * @param apiVersion which query API to use
 * @param fanoutConcurrency how many per-service searches run at once when a search names no service
 */
public record JaegerConfig(ConnectionSettings connection, ApiVersion apiVersion, int fanoutConcurrency)
    implements HttpBackendConfig {

  public static final String API_VERSION = "api_version";
  public static final String FANOUT_CONCURRENCY = "fanout_concurrency";
  public static final String DEFAULT_URL = "http://localhost:16686";
  public static final Duration DEFAULT_TIMEOUT = ConnectionSettings.DEFAULT_TIMEOUT;
  public static final int DEFAULT_FANOUT_CONCURRENCY = 8;

  private static final int MAX_FANOUT_CONCURRENCY = 64;
  private static final ConnectionSettings.Spec CONNECTION = new ConnectionSettings.Spec(DEFAULT_URL,
      "Set BACKEND_URL (or --url) to Jaeger's query endpoint, e.g. " + DEFAULT_URL + " or https://host/jaeger.",
      "Put the token in BACKEND_API_KEY (sent as a bearer token) or in the headers setting.");

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
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(apiVersion, "apiVersion");
  }

  /**
   * Reads and validates the settings; every problem is an {@link InvalidQueryException} naming the setting.
   * Never contacts Jaeger.
   */
  public static JaegerConfig from(BackendSettings settings) {
    ConnectionSettings connection = ConnectionSettings.from(settings, CONNECTION);
    return new JaegerConfig(connection, apiVersion(settings), new SettingsReader(settings).integer(FANOUT_CONCURRENCY,
        DEFAULT_FANOUT_CONCURRENCY, 1, MAX_FANOUT_CONCURRENCY, "It bounds how many per-service searches run at once:"
            + " between 1 and " + MAX_FANOUT_CONCURRENCY + ", default " + DEFAULT_FANOUT_CONCURRENCY + "."));
  }

  /** The failures of this Jaeger, worded as for every HTTP backend. */
  HttpFailures failures() {
    return failures("Jaeger");
  }

  @Override
  public String toString() {
    return "JaegerConfig[url=" + url() + ", apiKey=" + (apiKey() == null ? "none" : "***") + ", headers="
        + headers().keySet() + ", timeout=" + connection.timeoutText() + ", apiVersion=" + apiVersion
        + ", fanoutConcurrency=" + fanoutConcurrency + "]";
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
}
