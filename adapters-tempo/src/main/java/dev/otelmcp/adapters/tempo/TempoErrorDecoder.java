package dev.otelmcp.adapters.tempo;

import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.RateLimitedException;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a non-2xx answer into the exception the application reports. Tempo writes its errors as plain text
 * ({@code http.Error}): a TraceQL parse error, {@code invalid start: …}, {@code range specified by start and
 * end exceeds 168h0m0s…}, {@code no org id}. That text is kept (cut and scrubbed) because it is the best
 * explanation there is. A 404 stays a {@link TempoNotFoundException}: only the caller knows what it means.
 */
final class TempoErrorDecoder implements ErrorDecoder {

  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final int MAX_MESSAGE_CHARS = 300;

  private final TempoConfig config;

  TempoErrorDecoder(TempoConfig config) {
    this.config = config;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    int status = response.status();
    String what = describeRequest(response);
    String text = config.scrub(firstLine(response));
    String detail = text.isEmpty() ? "" : ": " + text;
    String at = "Tempo at " + config.displayUrl();
    if (status == 404) {
      return new TempoNotFoundException(at + " answered 404 for " + what + detail, text);
    }
    if (status == 429) {
      return new RateLimitedException(at + " is rate limiting requests (HTTP 429 for " + what + ")" + detail,
          retryAfter(response.headers()));
    }
    if (status == 401 || status == 403) {
      return new BackendRejectedException(at + " refused access (HTTP " + status + " for " + what + ")" + detail,
          text.contains("org id")
              ? "This Tempo is multi-tenant: set BACKEND_TENANT (sent as X-Scope-OrgID)."
              : "Check BACKEND_API_KEY (bearer token, or user:token / BACKEND_USERNAME for basic auth, as Grafana "
                  + "Cloud wants) and BACKEND_TENANT for multi-tenant Tempo.");
    }
    if (status >= 400 && status < 500) {
      return new BackendRejectedException(at + " rejected " + what + " (HTTP " + status + ")" + detail, hint400(text));
    }
    return new BackendUnavailableException(at + " failed with HTTP " + status + " for " + what + detail,
        status >= 500
            ? "Tempo or its storage is failing; retry later and check Tempo's logs."
            : "Tempo answered with an unexpected status; check that BACKEND_URL points at Tempo's HTTP API (port 3200).");
  }

  private static String hint400(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("exceeds")) {
      return "Tempo limits how long a search window may be; set BACKEND_MAX_SEARCH_DURATION to Tempo's "
          + "query_frontend.search.max_duration so otel-mcp splits longer windows, or narrow start_time/end_time.";
    }
    return "Tempo's message says what it did not accept; adjust the filters or the time window.";
  }

  /** {@code GET /api/search}, without the query string. */
  private static String describeRequest(Response response) {
    if (response.request() == null) {
      return "the request";
    }
    String path;
    try {
      path = URI.create(response.request().url()).getRawPath();
    } catch (IllegalArgumentException e) {
      path = "?";
    }
    return response.request().httpMethod() + " " + path;
  }

  private static String firstLine(Response response) {
    if (response.body() == null) {
      return "";
    }
    String body;
    try (InputStream in = response.body().asInputStream()) {
      body = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
    String line = body.strip().lines().findFirst().orElse("").strip();
    return line.length() > MAX_MESSAGE_CHARS ? line.substring(0, MAX_MESSAGE_CHARS) + "…" : line;
  }

  /** Retry-After as delta-seconds or an HTTP date; {@code null} when absent or unreadable. */
  static Duration retryAfter(Map<String, Collection<String>> headers) {
    String value = headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("Retry-After"))
        .flatMap(e -> e.getValue().stream())
        .findFirst().map(String::trim).orElse(null);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
