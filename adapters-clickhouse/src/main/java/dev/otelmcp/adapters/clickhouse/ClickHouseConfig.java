package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.backend.toolkit.ConnectionSettings;
import dev.otelmcp.backend.toolkit.HttpBackendConfig;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.backend.toolkit.SettingsReader;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.BackendSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated settings of one ClickHouse backend: its HTTP interface (URL, headers, timeout, validated as for
 * every HTTP backend), the user and password sent with HTTP Basic auth, and where the Collector's
 * {@code clickhouseexporter} writes spans.
 *
 * @param connection ClickHouse's HTTP interface ({@code http://host:8123} or {@code https://host:8443}), extra
 *     headers, and the timeout used as connect timeout and per-request timeout
 * @param user the ClickHouse user ({@code default} unless set)
 * @param password the user's password (empty when unset); a secret
 * @param database the database holding the spans table (an identifier, checked)
 * @param table the spans table (an identifier, checked); the trace-id lookup table is {@code <table>_trace_id_ts}
 * @param maxTraceDuration how long a trace may last: a search reads spans this far before and after its window to
 *     see whole traces (a trace longer than this is judged on its spans within that reach)
 */
public record ClickHouseConfig(
    ConnectionSettings connection,
    String user,
    String password,
    String database,
    String table,
    Duration maxTraceDuration) implements HttpBackendConfig {

  public static final String DEFAULT_URL = "http://localhost:8123";
  public static final String USER = "user";
  public static final String PASSWORD = "password";
  public static final String DATABASE = "database";
  public static final String TABLE = "table";
  public static final String MAX_TRACE_DURATION = "max_trace_duration";
  public static final String DEFAULT_USER = "default";
  public static final String DEFAULT_DATABASE = "otel";
  public static final String DEFAULT_TABLE = "otel_traces";
  public static final Duration DEFAULT_MAX_TRACE_DURATION = Duration.ofHours(1);

  private static final ConnectionSettings.Spec CONNECTION = new ConnectionSettings.Spec(DEFAULT_URL,
      "Set BACKEND_URL (or --url) to ClickHouse's HTTP interface, e.g. " + DEFAULT_URL
          + " or https://abc123.eu-west-1.aws.clickhouse.cloud:8443.",
      "Put the user in BACKEND_USER and the password in BACKEND_PASSWORD (sent with HTTP Basic auth).",
      Map.of("Authorization", "BACKEND_USER and BACKEND_PASSWORD"));

  public ClickHouseConfig {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
    Identifiers.check(DATABASE, database);
    Identifiers.check(TABLE, table);
    Objects.requireNonNull(maxTraceDuration, "maxTraceDuration");
  }

  /** Reads and validates the settings; never contacts ClickHouse. */
  public static ClickHouseConfig from(BackendSettings settings) {
    SettingsReader reader = new SettingsReader(settings);
    ConnectionSettings connection = ConnectionSettings.from(settings, CONNECTION);
    // BACKEND_API_KEY is taken as the password when BACKEND_PASSWORD is not set: it is where users put secrets.
    Optional<String> password = reader.text(PASSWORD).or(() -> Optional.ofNullable(connection.apiKey()));
    String user = reader.text(USER).orElse(DEFAULT_USER);
    if (user.indexOf(':') >= 0) {
      throw new InvalidQueryException("setting 'user' must not contain ':'",
          "Set BACKEND_USER to the ClickHouse user name alone and the password in BACKEND_PASSWORD.");
    }
    return new ClickHouseConfig(connection, user, password.orElse(""),
        reader.text(DATABASE).orElse(DEFAULT_DATABASE),
        reader.text(TABLE).orElse(DEFAULT_TABLE),
        reader.duration(MAX_TRACE_DURATION, DEFAULT_MAX_TRACE_DURATION, Duration.ofDays(7),
            "How long your longest traces last, e.g. 1h (the default) or 30m; searches read this far around "
                + "their window to see whole traces."));
  }

  /** The {@code Authorization} header: HTTP Basic with the user and password, as ClickHouse's HTTP interface takes. */
  String authorization() {
    return "Basic " + encodedCredentials();
  }

  /** The database and table, checked and quoted: {@code `otel`.`otel_traces`}. */
  String spansTable() {
    return Identifiers.quote(database) + "." + Identifiers.quote(table);
  }

  /** The exporter's trace-id lookup table, {@code `otel`.`otel_traces_trace_id_ts`}. */
  String lookupTable() {
    return Identifiers.quote(database) + "." + Identifiers.quote(table + "_trace_id_ts");
  }

  @Override
  public List<String> secrets() {
    List<String> secrets = new ArrayList<>(connection.secrets());
    if (!password.isEmpty()) {
      secrets.add(password);
      secrets.add(encodedCredentials());
    }
    return secrets;
  }

  HttpFailures failures() {
    return failures("ClickHouse");
  }

  private String encodedCredentials() {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ClickHouseConfig[url=" + url() + ", user=" + user + ", password=" + (password.isEmpty() ? "none" : "***")
        + ", database=" + database + ", table=" + table + ", headers=" + headers().keySet() + ", timeout="
        + connection.timeoutText() + ", maxTraceDuration=" + maxTraceDuration + "]";
  }
}
