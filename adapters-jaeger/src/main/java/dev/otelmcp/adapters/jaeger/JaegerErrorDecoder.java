package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.NotFoundException;
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
import java.util.Map;

/**
 * Turns a non-2xx answer into the domain exception the application knows how to report.
 *
 * <p>Jaeger writes its errors with Go's {@code http.Error}: a JSON body sent as {@code text/plain}. So the
 * body is parsed whatever the content type, and Jaeger's own words are used: {@code errors[0].msg} (classic
 * envelope) or {@code error.message} (api_v3). A 404 becomes a {@link NotFoundException} that callers
 * translate in context (empty result, unknown trace, or "this API does not exist here").
 */
final class JaegerErrorDecoder implements ErrorDecoder {

  /** Enough for any Jaeger error; a proxy's HTML page is cut. */
  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final int MAX_MESSAGE_CHARS = 300;

  private final JaegerConfig config;
  private final ObjectMapper mapper;

  JaegerErrorDecoder(JaegerConfig config, ObjectMapper mapper) {
    this.config = config;
    this.mapper = mapper;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    int status = response.status();
    String what = describeRequest(response);
    String detail = config.scrub(message(response));
    String at = "Jaeger at " + config.displayUrl();
    if (status == 404) {
      return new NotFoundException(at + " answered 404 for " + what + detail,
          "Check the id or name; if the whole API is missing, set api_version (classic or v3).");
    }
    if (status == 429) {
      return new RateLimitedException(at + " is rate limiting requests (HTTP 429 for " + what + ")" + detail,
          retryAfter(response.headers()));
    }
    if (status == 401 || status == 403) {
      return new BackendRejectedException(at + " refused access (HTTP " + status + " for " + what + ")" + detail,
          "Check BACKEND_API_KEY (sent as a bearer token) and the headers setting for the proxy in front of Jaeger.");
    }
    if (status >= 400 && status < 500) {
      return new BackendRejectedException(at + " rejected " + what + " (HTTP " + status + ")" + detail,
          "Jaeger's message says what it did not accept; adjust the query (time window, filters, limit).");
    }
    return new BackendUnavailableException(at + " failed with HTTP " + status + " for " + what + detail,
        status >= 500
            ? "Jaeger or its storage is failing; retry later and check Jaeger's logs."
            : "Jaeger answered with an unexpected status; check that BACKEND_URL (or --url) points at the query service.");
  }

  /** {@code GET /api/traces}, without the query string (it may carry user input but no secrets; keep it short). */
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

  /** ": <Jaeger's message>", or empty when the body says nothing usable. */
  private String message(Response response) {
    String body = body(response);
    if (body.isBlank()) {
      return "";
    }
    String text;
    try {
      JsonNode json = mapper.readTree(body);
      text = firstText(json.path("errors").path(0).path("msg"), json.path("error").path("message"),
          json.path("message"), json.path("error"));
      if (text == null) {
        text = json.isTextual() ? json.textValue() : null;
      }
    } catch (IOException notJson) {
      // A proxy's error page or a plain-text message: show its first line.
      text = body.strip().lines().findFirst().orElse("");
    }
    if (text == null || text.isBlank()) {
      return "";
    }
    text = text.strip();
    return ": " + (text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "…" : text);
  }

  private static String firstText(JsonNode... candidates) {
    for (JsonNode candidate : candidates) {
      if (candidate.isTextual() && !candidate.textValue().isBlank()) {
        return candidate.textValue();
      }
    }
    return null;
  }

  private static String body(Response response) {
    if (response.body() == null) {
      return "";
    }
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
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
