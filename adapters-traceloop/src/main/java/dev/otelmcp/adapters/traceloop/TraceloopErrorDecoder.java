package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.TransientStatus;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.backend.toolkit.HttpFailures;
import feign.Request;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;

/**
 * Turns a non-2xx answer into the domain exception the application reports; the status mapping is every HTTP
 * backend's ({@link HttpFailures}), the hints and the reading of the body are Traceloop's. The API's own
 * message is quoted when the body has one ({@code error}, {@code message}, {@code error.message},
 * {@code detail}), after scrubbing secrets. A 404 is not "unknown trace" (the API answers 200
 * {@code {"spans":null}} for that) but a wrong URL, so it is reported as a rejection naming the path.
 */
final class TraceloopErrorDecoder implements ErrorDecoder {

  /** The key is the only credential, so a 401/403 refused the key. */
  private static final HttpFailures.StatusHints HINTS = new HttpFailures.StatusHints("the API key",
      "Check BACKEND_API_KEY (or --api-key): it must be a valid Traceloop API key of the project to read.",
      "Traceloop's message says what it did not accept; adjust the query (time window, filters, limit).",
      "The Traceloop API is failing; retry later.",
      "Traceloop answered with an unexpected status; check BACKEND_URL (or --url).");

  private final HttpFailures failures;
  private final ObjectMapper mapper;

  TraceloopErrorDecoder(TraceloopConfig config, ObjectMapper mapper) {
    this.failures = config.failures();
    this.mapper = mapper;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    int status = response.status();
    Request request = response.request();
    String what = request == null ? HttpFailures.request(null, null)
        : HttpFailures.request(request.httpMethod().name(), request.url());
    String message = message(response);
    if (status == 404) {
      return new BackendRejectedException(failures.at() + " has no " + what + " (HTTP 404)" + failures.detail(message),
          "Check BACKEND_URL (or --url): it should be the API root, e.g. " + TraceloopConfig.DEFAULT_URL + ".");
    }
    // 429 and 5xx travel as retryable, the domain exception inside (TraceloopCalls finds it after the last attempt).
    return TransientStatus.wrap(failures.forStatus(status, what, message, response.headers(), HINTS), response);
  }

  /** The API's message, or {@code null} when the body says nothing usable. */
  private String message(Response response) {
    String body = HttpFailures.errorBody(response.body() == null ? null : response.body()::asInputStream);
    try {
      JsonNode json = mapper.readTree(body);
      return HttpFailures.firstMessage(json.path("error").path("message").textValue(), json.path("error").textValue(),
          json.path("message").textValue(), json.path("detail").textValue(),
          json.path("errors").path(0).path("message").textValue(), json.textValue());
    } catch (IOException notJson) {
      return HttpFailures.firstLine(body);
    }
  }
}
