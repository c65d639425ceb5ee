package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.backend.toolkit.feign.FeignClients;
import dev.otelmcp.backend.toolkit.feign.StatusErrorDecoder;
import dev.otelmcp.domain.error.BackendRejectedException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the toolkit's Feign client needs to know of ClickHouse: Basic credentials, its hints, and what its 404 means.
 *
 * <p>ClickHouse answers a failed statement with a plain-text {@code Code: 60. DB::Exception: … (UNKNOWN_TABLE)
 * (version …)} and a status picked from the error code: 403 for a wrong user or password (code 516), 400 for a
 * statement it cannot parse or a value that is not of its parameter's type, 404 for an unknown database, table,
 * column or function, 500 for the rest. The text is kept (cut and scrubbed): it is the best explanation there is.
 */
final class ClickHouseHttp {

  private static final Pattern CODE = Pattern.compile("^Code: (\\d+)\\.");

  private ClickHouseHttp() {}

  static ClickHouseApi api(ClickHouseConfig config, ObjectMapper mapper) {
    return FeignClients.builder("ClickHouse", config, mapper)
        .authorization(Optional.of(config.authorization()))
        .errorDecoder(statusErrors(config))
        .build()
        .target(ClickHouseApi.class);
  }

  /** How a status error becomes the domain's exception (also for answers read as they arrive). */
  static StatusErrorDecoder statusErrors(ClickHouseConfig config) {
    HttpFailures failures = config.failures();
    return new StatusErrorDecoder(failures, ClickHouseHttp::message, ClickHouseHttp::hints,
        (what, text) -> new BackendRejectedException(failures.at() + " answered 404 for " + what
            + failures.detail(text), notFoundHint(text, config)));
  }

  /** ClickHouse's message without its version suffix. */
  static String message(String body) {
    String line = HttpFailures.firstLine(body);
    return line.replaceFirst("\\s*\\(version [^)]*\\)\\s*$", "");
  }

  /** The error code at the start of a ClickHouse message, or -1. */
  static int code(String message) {
    Matcher m = CODE.matcher(message == null ? "" : message);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static HttpFailures.StatusHints hints(String message) {
    return new HttpFailures.StatusHints(
        "Check BACKEND_USER and BACKEND_PASSWORD: ClickHouse knows no such user, or the password is wrong (code 516); "
            + "the user also needs SELECT on the spans table.",
        "ClickHouse's message says what it did not accept; if it names a column or type, check that BACKEND_TABLE "
            + "is a table of the Collector's clickhouse exporter.",
        "ClickHouse is failing or overloaded; retry later and check its logs (system.query_log).",
        "ClickHouse answered with an unexpected status; check that BACKEND_URL points at its HTTP interface "
            + "(port 8123, or 8443 with TLS).");
  }

  private static String notFoundHint(String message, ClickHouseConfig config) {
    String text = message == null ? "" : message;
    if (text.contains("UNKNOWN_DATABASE") || text.contains("UNKNOWN_TABLE")) {
      return "Set BACKEND_DATABASE and BACKEND_TABLE to where the Collector's clickhouse exporter writes spans (now "
          + config.database() + "." + config.table() + "; the exporter's defaults are otel.otel_traces).";
    }
    if (text.startsWith("Code: ")) {
      return "ClickHouse does not know a name the query uses; check that BACKEND_TABLE is a traces table of the "
          + "Collector's clickhouse exporter.";
    }
    return "Check that BACKEND_URL points at ClickHouse's HTTP interface (port 8123, or 8443 with TLS), not at "
        + "another service.";
  }
}
