package dev.otelmcp.backend.toolkit.feign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.backend.toolkit.TransientStatus;
import feign.Request;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a non-2xx answer into the domain exception the application reports. The status mapping (429 with its
 * Retry-After, 401/403, other 4xx, 5xx) and the scrubbing of secrets are every HTTP backend's ({@link HttpFailures});
 * a backend gives only what is its own: where its error bodies say what went wrong ({@link ErrorText}), its hints,
 * and what a 404 means to it ({@link NotFound}: an unknown trace, a route this version lacks, a wrong URL).
 *
 * <p>429 and 5xx travel as retryable ({@link TransientStatus}), the domain exception inside: {@link FeignCalls} finds
 * it after the last attempt.
 */
public final class StatusErrorDecoder implements ErrorDecoder {

  /** Where a backend's error body says what went wrong. */
  @FunctionalInterface
  public interface ErrorText {

    /**
     * @param body the error body as text (its start; empty when there was none)
     * @return the backend's own words, or {@code null} when the body says nothing usable
     */
    String of(String body);

    /** The first line of the body: for backends that write plain-text errors. */
    static ErrorText firstLine() {
      return HttpFailures::firstLine;
    }

    /**
     * The first text found at these JSON pointers (each backend keeps its message under its own keys:
     * {@code /errors/0/msg}, {@code /error/message}; {@code ""} is the whole body as a JSON string); the first line
     * when the body is no JSON at all (a proxy's error page, a plain-text message).
     */
    static ErrorText jsonFields(ObjectMapper mapper, String... pointers) {
      List<String> fields = List.copyOf(Arrays.asList(pointers));
      return body -> {
        JsonNode json;
        try {
          json = mapper.readTree(body);
        } catch (IOException notJson) {
          return HttpFailures.firstLine(body);
        }
        if (json == null) {
          return null;
        }
        return HttpFailures.firstMessage(fields.stream().map(field -> json.at(field).textValue())
            .toArray(String[]::new));
      };
    }
  }

  /** What a 404 means to a backend. */
  @FunctionalInterface
  public interface NotFound {

    /**
     * @param request the request, e.g. {@code GET /api/traces/{traceId}}
     * @param message what {@link ErrorText} found in the body
     */
    Exception of(String request, String message);
  }

  private final HttpFailures failures;
  private final ErrorText text;
  private final Function<String, HttpFailures.StatusHints> hints;
  private final NotFound notFound;

  /**
   * @param hints the backend's hints, picked by its message (e.g. a "no org id" names the tenant setting)
   */
  public StatusErrorDecoder(HttpFailures failures, ErrorText text, Function<String, HttpFailures.StatusHints> hints,
      NotFound notFound) {
    this.failures = Objects.requireNonNull(failures, "failures");
    this.text = Objects.requireNonNull(text, "text");
    this.hints = Objects.requireNonNull(hints, "hints");
    this.notFound = Objects.requireNonNull(notFound, "notFound");
  }

  /** A backend whose hints do not depend on its message. */
  public StatusErrorDecoder(HttpFailures failures, ErrorText text, HttpFailures.StatusHints hints, NotFound notFound) {
    this(failures, text, message -> hints, notFound);
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    int status = response.status();
    Request request = response.request();
    String what = request == null ? HttpFailures.request(null, null)
        : HttpFailures.request(request.httpMethod().name(), request.url());
    String message = text.of(HttpFailures.errorBody(response.body() == null ? null : response.body()::asInputStream));
    if (status == 404) {
      return notFound.of(what, message);
    }
    // A body may say nothing usable (null): the hints still get text to look at.
    HttpFailures.StatusHints statusHints = hints.apply(message == null ? "" : message);
    return TransientStatus.wrap(failures.forStatus(status, what, message, response.headers(), statusHints), response);
  }
}
