package dev.otelmcp.adapters.tempo;

import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.backend.toolkit.ConnectionSettings;
import dev.otelmcp.backend.toolkit.HttpBackendConfig;
import dev.otelmcp.backend.toolkit.SettingsReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated settings of one Tempo backend: how to reach it (URL, API key, headers, timeout, validated as for
 * every HTTP backend) and Tempo's own settings. Secrets (the API key, the Basic credentials, header values)
 * are hidden by {@link #toString()} and scrubbed from any text by {@link #scrub(String)}.
 *
 * @param connection Tempo's HTTP API (query frontend or monolith; may carry a base path), the API key, extra
 *     headers, and the timeout used as connect timeout and per-request timeout
 * @param auth how requests authenticate (from the API key and the user name)
 * @param tenant sent as {@code X-Scope-OrgID} for multi-tenant Tempo; {@code null} when not configured
 * @param apiVersion which trace-by-id endpoint to use
 * @param maxSearchLimit the most traces one search may ask for: Tempo's {@code max_result_limit}, which it
 *     applies silently
 * @param maxSearchDuration the longest window one search may span: Tempo's {@code max_duration} (default 168h);
 *     longer windows are searched in pieces
 * @param hydrationConcurrency how many requests the store runs at once for one answer's parts: window pieces of a
 *     long search, whole traces (span search, re-checks); the bound is the store's, across tool calls
 */
public record TempoConfig(
    ConnectionSettings connection,
    TempoAuth auth,
    String tenant,
    ApiVersion apiVersion,
    int maxSearchLimit,
    Duration maxSearchDuration,
    int hydrationConcurrency) implements HttpBackendConfig {

  public static final String DEFAULT_URL = "http://localhost:3200";
  public static final Duration DEFAULT_TIMEOUT = ConnectionSettings.DEFAULT_TIMEOUT;
  public static final String USERNAME = "username";
  public static final String TENANT = "tenant";
  public static final String API_VERSION = "api_version";
  public static final String MAX_SEARCH_LIMIT = "max_search_limit";
  public static final String MAX_SEARCH_DURATION = "max_search_duration";
  /** Tempo's default {@code query_frontend.search.max_result_limit}. */
  public static final int DEFAULT_MAX_SEARCH_LIMIT = 262_144;
  /** Tempo's default {@code query_frontend.search.max_duration}. */
  public static final Duration DEFAULT_MAX_SEARCH_DURATION = Duration.ofHours(168);
  public static final int DEFAULT_HYDRATION_CONCURRENCY = 8;
  static final String TENANT_HEADER = "X-Scope-OrgID";
  private static final ConnectionSettings.Spec CONNECTION = new ConnectionSettings.Spec(DEFAULT_URL,
      "Set BACKEND_URL (or --url) to Tempo's HTTP API (query frontend), e.g. " + DEFAULT_URL
          + " or https://tempo-prod-04-prod-us-east-0.grafana.net/tempo.",
      "Put the user in BACKEND_USERNAME and the token in BACKEND_API_KEY (sent with HTTP Basic auth).");

  /** Which trace-by-id endpoint to call. */
  public enum ApiVersion {
    /** {@code /api/v2/traces/{id}} first; on a 404 of that route (Tempo before 2.6), {@code /api/traces/{id}} from then on. */
    AUTO,
    /** {@code /api/traces/{id}} ({@code batches}): every Tempo version, but a trace over the size limit is silently cut. */
    V1,
    /** {@code /api/v2/traces/{id}} ({@code trace.resourceSpans}, Tempo 2.6+): says when the trace is partial. */
    V2
  }

  public TempoConfig {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(maxSearchDuration, "maxSearchDuration");
  }

  /** Reads and validates the settings; never contacts Tempo. */
  public static TempoConfig from(BackendSettings settings) {
    SettingsReader reader = new SettingsReader(settings);
    ConnectionSettings connection = ConnectionSettings.from(settings, CONNECTION);
    return new TempoConfig(
        connection,
        auth(reader, Optional.ofNullable(connection.apiKey())),
        reader.text(TENANT).orElse(null),
        apiVersion(reader),
        reader.integer(MAX_SEARCH_LIMIT, DEFAULT_MAX_SEARCH_LIMIT, 1, Integer.MAX_VALUE,
            "Set it to Tempo's query_frontend.search.max_result_limit (default " + DEFAULT_MAX_SEARCH_LIMIT + ")."),
        reader.duration(MAX_SEARCH_DURATION, DEFAULT_MAX_SEARCH_DURATION, Duration.ofDays(3650),
            "Set it to Tempo's query_frontend.search.max_duration, e.g. 168h (the default) or 720h."),
        reader.integer(BackendSettings.HYDRATION_CONCURRENCY, DEFAULT_HYDRATION_CONCURRENCY, 1, 64,
            "How many traces are fetched in parallel; default " + DEFAULT_HYDRATION_CONCURRENCY + "."));
  }

  /**
   * Basic auth when a user name is set ({@code username} + {@code api_key}, as Grafana Cloud wants) or when
   * the key itself is {@code user:token}; otherwise a bearer token; no header without a key.
   */
  private static TempoAuth auth(SettingsReader reader, Optional<String> key) {
    Optional<String> user = reader.text(USERNAME);
    if (user.isPresent()) {
      if (key.isEmpty()) {
        throw new InvalidQueryException("setting 'username' needs 'api_key' too",
            "For Grafana Cloud set BACKEND_USERNAME to the stack's Tempo user id and BACKEND_API_KEY to an access "
                + "policy token with traces:read.");
      }
      return new TempoAuth.Basic(user.get(), key.get());
    }
    if (key.isEmpty()) {
      return new TempoAuth.None();
    }
    int colon = key.get().indexOf(':');
    if (colon > 0 && colon < key.get().length() - 1) {
      return new TempoAuth.Basic(key.get().substring(0, colon), key.get().substring(colon + 1));
    }
    return new TempoAuth.Bearer(key.get());
  }

  private static ApiVersion apiVersion(SettingsReader reader) {
    String raw = reader.text(API_VERSION).orElse("auto").toLowerCase(Locale.ROOT);
    switch (raw) {
      case "auto":
        return ApiVersion.AUTO;
      case "v1":
        return ApiVersion.V1;
      case "v2":
        return ApiVersion.V2;
      default:
        throw new InvalidQueryException("setting 'api_version' must be auto, v1 or v2, got '" + raw + "'",
            "Leave it at auto: /api/v2/traces is used where Tempo has it (2.6+), /api/traces otherwise.");
    }
  }

  /** The connection's secrets and the Basic credentials derived from the key. */
  @Override
  public List<String> secrets() {
    List<String> secrets = new ArrayList<>(connection.secrets());
    secrets.addAll(auth.secrets());
    return secrets;
  }

  /** The failures of this Tempo, worded as for every HTTP backend. */
  HttpFailures failures() {
    return failures("Tempo");
  }

  @Override
  public String toString() {
    return "TempoConfig[url=" + url() + ", auth=" + auth.describe() + ", tenant=" + (tenant == null ? "none" : tenant)
        + ", headers=" + headers().keySet() + ", timeout=" + connection.timeoutText() + ", apiVersion=" + apiVersion
        + ", maxSearchLimit=" + maxSearchLimit + ", maxSearchDuration=" + maxSearchDuration.toHours() + "h"
        + ", hydrationConcurrency=" + hydrationConcurrency + "]";
  }
}
