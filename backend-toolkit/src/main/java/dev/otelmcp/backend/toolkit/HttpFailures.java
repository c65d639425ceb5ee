package dev.otelmcp.backend.toolkit;

import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.error.RateLimitedException;

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
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The domain exception for each way an HTTP backend can fail, worded the same for every backend: a status
 * answer (429, 401/403, other 4xx, 5xx), a transport failure (timeout, refused connection, unknown host, other
 * I/O), a body that is not JSON. Each backend supplies its name, its URL, its timeout and its secrets, plus
 * hints that say what to do about its own failures; the Feign glue that reads responses and finds the backend's
 * message in its body is {@code toolkit.feign}'s.
 *
 * <p>Text from outside (the backend's message, an exception's message) is scrubbed of secrets before it is put
 * in a message, and cut to {@value #MAX_MESSAGE_CHARS} characters: a proxy's HTML page is not an explanation.
 *
 * <p>A 404 is not mapped here: what it means differs per backend (an unknown trace, an API this version does
 * not have, a wrong URL), so each backend says what it means ({@code StatusErrorDecoder.NotFound}).
 */
public final class HttpFailures {

  public static final int MAX_MESSAGE_CHARS = 300;
  /** Enough for any backend's error message; the rest of a proxy's HTML page is not read. */
  public static final int MAX_ERROR_BODY_BYTES = 16 * 1024;

  private final String backend;
  private final String displayUrl;
  private final String timeoutText;
  private final UnaryOperator<String> scrubber;

  /**
   * What a backend advises for each kind of status failure.
   *
   * @param refusedWhat what a 401/403 refused, in the message: {@code access}, or {@code the API key} where the
   *     key is all there is to refuse
   * @param refused the hint for 401/403 (which credentials to check)
   * @param rejected the hint for other 4xx (what to change in the request)
   * @param failing the hint for 5xx
   * @param unexpected the hint for any other status (the URL is probably not the backend's API)
   */
  public record StatusHints(String refusedWhat, String refused, String rejected, String failing, String unexpected) {

    public StatusHints {
      Objects.requireNonNull(refusedWhat, "refusedWhat");
    }

    /** Hints for a backend whose 401/403 means "access refused". */
    public StatusHints(String refused, String rejected, String failing, String unexpected) {
      this("access", refused, rejected, failing, unexpected);
    }
  }

  /**
   * @param backend the backend's name as users know it, e.g. {@code Jaeger}
   * @param displayUrl its URL, without credentials
   * @param timeoutText its timeout for messages, e.g. {@code 30s}
   * @param scrubber removes the backend's secrets from a text (and returns {@code null} for {@code null})
   */
  public HttpFailures(String backend, String displayUrl, String timeoutText, UnaryOperator<String> scrubber) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.displayUrl = Objects.requireNonNull(displayUrl, "displayUrl");
    this.timeoutText = Objects.requireNonNull(timeoutText, "timeoutText");
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
  }

  /** {@code Jaeger at http://localhost:16686}: how every message names the backend. */
  public String at() {
    return backend + " at " + displayUrl;
  }

  /** The text with the backend's secrets replaced by {@code ***}. */
  public String scrub(String text) {
    return scrubber.apply(text);
  }

  /**
   * The exception for a non-2xx status other than 404.
   *
   * @param request the request, e.g. {@code GET /api/traces} (see {@link #request})
   * @param message the backend's own words, unscrubbed; {@code null} or blank when it said nothing usable
   * @param headers the response headers (for Retry-After), names in any case
   */
  public OtelMcpException forStatus(int status, String request, String message,
      Map<String, ? extends Collection<String>> headers, StatusHints hints) {
    String detail = detail(message);
    if (status == 429) {
      return new RateLimitedException(at() + " is rate limiting requests (HTTP 429 for " + request + ")" + detail,
          retryAfter(headers));
    }
    if (status == 401 || status == 403) {
      return new BackendRejectedException(at() + " refused " + hints.refusedWhat() + " (HTTP " + status + " for "
          + request + ")" + detail, hints.refused());
    }
    if (status >= 400 && status < 500) {
      return new BackendRejectedException(at() + " rejected " + request + " (HTTP " + status + ")" + detail,
          hints.rejected());
    }
    return new BackendUnavailableException(at() + " failed with HTTP " + status + " for " + request + detail,
        status >= 500 ? hints.failing() : hints.unexpected());
  }

  /**
   * The backend's words as they may be shown: scrubbed, stripped, cut; empty when there are none. Scrubbed
   * before cut, so that a secret across the cut is still hidden whole.
   */
  public String quote(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    return truncate(String.valueOf(scrubber.apply(message.strip())));
  }

  /** {@code ": <quote>"}, or empty when the backend said nothing: the tail of a status message. */
  public String detail(String message) {
    String quoted = quote(message);
    return quoted.isEmpty() ? "" : ": " + quoted;
  }

  /** The exception for a successful answer whose body is not the JSON the backend should send. */
  public BackendUnavailableException notJson(String request, String parserMessage, String hint, Throwable cause) {
    return new BackendUnavailableException(at() + " sent a response that is not valid JSON for " + request + ": "
        + scrubber.apply(String.valueOf(parserMessage)), hint, cause);
  }

  /**
   * The exception for a successful answer whose body could not be parsed. A body that begins like JSON was cut off
   * or garbled on the way (a proxy, a backend dying mid-answer): worth a retry, nothing wrong with the settings. A
   * body that is no JSON at all (a login page, a UI's index.html) means the URL points at the wrong thing: that is
   * {@link #notJson}, with the backend's hint about its URL.
   *
   * @param startsLikeJson whether the body began like a JSON object or array
   * @param notJsonHint the hint for a body that is no JSON at all
   */
  public BackendUnavailableException unreadable(String request, boolean startsLikeJson, String parserMessage,
      String notJsonHint, Throwable cause) {
    if (!startsLikeJson) {
      return notJson(request, parserMessage, notJsonHint, cause);
    }
    return new BackendUnavailableException(at() + " sent a malformed or truncated JSON answer for " + request + ": "
        + scrubber.apply(String.valueOf(parserMessage)), "The answer was cut off or garbled on the way; retry the call,"
        + " and if it keeps happening check " + backend + "'s logs and any proxy in between.", cause);
  }

  /**
   * The exception for a call that failed without a status: a domain exception already in the cause chain (one
   * an error decoder threw) is returned as it is; an I/O cause is {@linkplain #unreachable unreachable}; anything
   * else is named by its class. The failure itself is never kept as a cause: an HTTP library's exception may hold
   * the request, and so the credentials.
   *
   * @param failure what the HTTP library threw; its cause is the transport's exception
   */
  public RuntimeException transport(String request, Throwable failure, String hint) {
    Throwable cause = failure.getCause();
    Optional<Throwable> known = CauseChain.first(cause, OtelMcpException.class::isInstance);
    if (known.isPresent()) {
      return (OtelMcpException) known.get();
    }
    if (cause instanceof IOException) {
      return unreachable(request, cause, hint);
    }
    return new BackendUnavailableException(at() + " failed for " + request + ": "
        + scrubber.apply(failure.getClass().getSimpleName()), hint);
  }

  /**
   * The exception for a request that got no answer, worded by what happened: only a timeout names the timeout (a
   * refused or reset connection fails in milliseconds, and "within 30s" would send the reader after the wrong
   * setting).
   */
  public BackendUnavailableException unreachable(String request, Throwable cause, String hint) {
    TransportFailure kind = TransportFailure.of(cause);
    String message = switch (kind) {
      case TIMEOUT -> at() + " did not answer within " + timeoutText + " (" + request + ")";
      case CONNECT_TIMEOUT -> "could not reach " + at() + " (" + request + "): no connection within " + timeoutText;
      case REFUSED, UNKNOWN_HOST -> "could not reach " + at() + " (" + request + "): " + kind.phrase();
      case RESET, CLOSED_EARLY, INTERRUPTED -> at() + " failed for " + request + ": " + kind.phrase();
      case OTHER -> at() + " failed for " + request + ": " + (cause.getMessage() == null
          ? cause.getClass().getSimpleName() : scrubber.apply(cause.getMessage()));
    };
    return new BackendUnavailableException(message, hint, cause);
  }

  /**
   * {@code GET /api/traces}: the method and the path, without the query string (it may carry user input; keep
   * messages short). {@code the request} when either is unknown.
   */
  public static String request(String method, String url) {
    if (method == null || url == null) {
      return "the request";
    }
    String path;
    try {
      path = URI.create(url).getRawPath();
    } catch (IllegalArgumentException e) {
      path = null;
    }
    return method + " " + (path == null ? "?" : path);
  }

  /** The first non-blank line of a body, stripped: the message of a plain-text error or the title of a page. */
  public static String firstLine(String body) {
    return body == null ? "" : body.strip().lines().findFirst().orElse("").strip();
  }

  /** The text cut to {@value #MAX_MESSAGE_CHARS} characters, with {@code …} where it was cut. */
  public static String truncate(String text) {
    return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "…" : text;
  }

  /** The Retry-After header (any case) as a wait; {@code null} when absent or unreadable. */
  public static Duration retryAfter(Map<String, ? extends Collection<String>> headers) {
    String value = headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("Retry-After"))
        .flatMap(e -> e.getValue().stream())
        .findFirst().orElse(null);
    return retryAfter(value, Instant.now());
  }

  /** An error response's body, as the HTTP library hands it over: opened once, closed by the reader. */
  @FunctionalInterface
  public interface ErrorBody {
    InputStream open() throws IOException;
  }

  /**
   * The first {@value #MAX_ERROR_BODY_BYTES} bytes of an error response's body as UTF-8; empty when there is no
   * body ({@code null}) or it cannot be read: the status alone still says what happened.
   */
  public static String errorBody(ErrorBody body) {
    if (body == null) {
      return "";
    }
    try (InputStream in = body.open()) {
      return in == null ? "" : new String(in.readNBytes(MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The backend's message: the first candidate that says something. Backends put it under different keys
   * ({@code errors[0].msg}, {@code error.message}, {@code detail}); the adapter lists its own, in its order.
   */
  public static String firstMessage(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * What an unhealthy backend's health says about the failure: a domain exception's message as it is, anything
   * else (a bug, a library's surprise) named with the backend and scrubbed.
   */
  public String healthDetail(RuntimeException failure) {
    if (failure instanceof OtelMcpException) {
      return failure.getMessage();
    }
    return at() + " could not be checked: " + scrubber.apply(String.valueOf(failure.getMessage()));
  }

  /**
   * A Retry-After value (RFC 9110: delta-seconds or an HTTP date) as a wait from {@code now}; {@code null} when
   * absent or unreadable. A date already past means "now" (zero), a negative number means nothing.
   */
  public static Duration retryAfter(String value, Instant now) {
    String trimmed = value == null ? "" : value.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
