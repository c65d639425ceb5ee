package dev.otelmcp.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * What went wrong in a span, gathered from where OpenTelemetry instrumentations put it: {@code exception}
 * events ({@code exception.type/message/stacktrace}, the standard place), then the span status message,
 * then the same keys or {@code error.type}/{@code error.message} as span attributes.
 *
 * @param type the exception or error type, or {@code null}
 * @param message the error message, or {@code null} when the span says nothing (never a made-up text)
 * @param stackTrace the stack trace of the last exception, or {@code null}
 * @param exceptionCount how many exception events the span recorded
 */
public record ErrorDetails(String type, String message, String stackTrace, int exceptionCount) {

  public static final String EXCEPTION_TYPE = "exception.type";
  public static final String EXCEPTION_MESSAGE = "exception.message";
  public static final String EXCEPTION_STACKTRACE = "exception.stacktrace";
  public static final String ERROR_TYPE = "error.type";
  public static final String ERROR_MESSAGE = "error.message";
  private static final List<String> HTTP_STATUS_KEYS = List.of("http.response.status_code", "http.status_code");

  /** The span attributes that say a span failed and of what type (what an error's type is read from). */
  public static final List<String> FAILURE_KEYS = List.of(EXCEPTION_TYPE, ERROR_TYPE, HTTP_STATUS_KEYS.get(0),
      HTTP_STATUS_KEYS.get(1));

  /** Details of a failed span; empty when the span shows no sign of failure. */
  public static Optional<ErrorDetails> of(Span span) {
    // Asked of every span an LLM view reads: a healthy span without events costs no allocation.
    if (!span.isError() && span.events().isEmpty() && !span.attributes().containsKey(ERROR_TYPE)) {
      return Optional.empty();
    }
    List<SpanEvent> exceptions =
        span.events().stream().filter(e -> SpanEvent.EXCEPTION.equals(e.name())).toList();
    boolean failed = span.isError() || !exceptions.isEmpty() || span.attributes().containsKey(ERROR_TYPE);
    if (!failed) {
      return Optional.empty();
    }
    Attributes last = exceptions.isEmpty() ? Attributes.empty() : exceptions.get(exceptions.size() - 1).attributes();
    String type = first(last.getText(EXCEPTION_TYPE), span.attributes().getText(EXCEPTION_TYPE),
        span.attributes().getText(ERROR_TYPE), httpErrorStatus(span));
    String message = first(last.getText(EXCEPTION_MESSAGE), nonEmpty(span.status().message()),
        span.attributes().getText(EXCEPTION_MESSAGE), span.attributes().getText(ERROR_MESSAGE));
    String stack = first(last.getText(EXCEPTION_STACKTRACE), span.attributes().getText(EXCEPTION_STACKTRACE));
    return Optional.of(new ErrorDetails(type, message, stack, exceptions.size()));
  }

  /**
   * OTel HTTP conventions set {@code error.type} to the status code of a failed request; older
   * instrumentations only record the status code itself, so it stands in for the type.
   */
  private static Optional<String> httpErrorStatus(Span span) {
    for (String key : HTTP_STATUS_KEYS) {
      java.util.OptionalDouble status = span.attributes().getNumber(key);
      if (status.isPresent() && status.getAsDouble() >= 400) {
        return Optional.of(Long.toString((long) status.getAsDouble()));
      }
    }
    return Optional.empty();
  }

  @SafeVarargs
  private static String first(Optional<String>... candidates) {
    for (Optional<String> candidate : candidates) {
      if (candidate.isPresent() && !candidate.get().isBlank()) {
        return candidate.get();
      }
    }
    return null;
  }

  private static Optional<String> nonEmpty(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
