package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;

/**
 * Turns a non-2xx answer into the domain exception the application reports. The API's own message is
 * quoted when the body has one ({@code error}, {@code message}, {@code error.message}, {@code detail}), after
 * scrubbing secrets. A 404 is not "unknown trace" (the API answers 200 {@code {"spans":null}} for that) but a
 * wrong URL, so it is reported as a rejection naming the path.
 */
final class TraceloopErrorDecoder implements ErrorDecoder {

  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final int MAX_MESSAGE_CHARS = 300;

  private final TraceloopConfig config;
  private final ObjectMapper mapper;

  TraceloopErrorDecoder(TraceloopConfig config, ObjectMapper mapper) {
    this.config = config;
    this.mapper = mapper;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    int status = response.status();
    String what = describeRequest(response);
    String detail = config.scrub(message(response));
    String at = "Traceloop at " + config.displayUrl();
    if (status == 429) {
      return new RateLimitedException(at + " is rate limiting requests (HTTP 429 for " + what + ")" + detail,
          retryAfter(response.headers()));
    }
    if (status == 401 || status == 403) {
      return new BackendRejectedException(at + " refused the API key (HTTP " + status + " for " + what + ")" + detail,
          "Check BACKEND_API_KEY (or --api-key): it must be a valid Traceloop API key of the project to read.");
    }
    if (status == 404) {
      return new BackendRejectedException(at + " has no " + what + " (HTTP 404)" + detail,
          "Check BACKEND_URL (or --url): it should be the API root, e.g. " + TraceloopConfig.DEFAULT_URL + ".");
    }
    if (status >= 400 && status < 500) {
      return new BackendRejectedException(at + " rejected " + what + " (HTTP " + status + ")" + detail,
          "Traceloop's message says what it did not accept; adjust the query (time window, filters, limit).");
    }
    return new BackendUnavailableException(at + " failed with HTTP " + status + " for " + what + detail,
        status >= 500
            ? "The Traceloop API is failing; retry later."
            : "Traceloop answered with an unexpected status; check BACKEND_URL (or --url).");
  }

  /** {@code POST /v2/projects/default/spans}, without the query string. */
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

  /** ": <the API's message>", or empty when the body says nothing usable. */
  private String message(Response response) {
    String body = body(response);
    if (body.isBlank()) {
      return "";
    }
    String text;
    try {
      JsonNode json = mapper.readTree(body);
      text = firstText(json.path("error").path("message"), json.path("error"), json.path("message"),
          json.path("detail"), json.path("errors").path(0).path("message"));
      if (text == null && json.isTextual()) {
        text = json.textValue();
      }
    } catch (IOException notJson) {
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
