package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.TransientStatus;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.domain.error.NotFoundException;
import feign.Request;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;

/**
 * Turns a non-2xx answer into the domain exception the application knows how to report; the status mapping
 * is every HTTP backend's ({@link HttpFailures}), the hints and the reading of the body are Jaeger's.
 *
 * <p>Jaeger writes its errors with Go's {@code http.Error}: a JSON body sent as {@code text/plain}. So the
 * body is parsed whatever the content type, and Jaeger's own words are used: {@code errors[0].msg} (classic
 * envelope) or {@code error.message} (api_v3). A 404 becomes a {@link NotFoundException} that callers
 * translate in context (empty result, unknown trace, or "this API does not exist here").
 */
final class JaegerErrorDecoder implements ErrorDecoder {

  private static final HttpFailures.StatusHints HINTS = new HttpFailures.StatusHints(
      "Check BACKEND_API_KEY (sent as a bearer token) and the headers setting for the proxy in front of Jaeger.",
      "Jaeger's message says what it did not accept; adjust the query (time window, filters, limit).",
      "Jaeger or its storage is failing; retry later and check Jaeger's logs.",
      "Jaeger answered with an unexpected status; check that BACKEND_URL (or --url) points at the query service.");

  private final HttpFailures failures;
  private final ObjectMapper mapper;

  JaegerErrorDecoder(JaegerConfig config, ObjectMapper mapper) {
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
      return new NotFoundException(failures.at() + " answered 404 for " + what + failures.detail(message),
          "Check the id or name; if the whole API is missing, set api_version (classic or v3).");
    }
    // 429 and 5xx travel as retryable, the domain exception inside (JaegerCalls finds it after the last attempt).
    return TransientStatus.wrap(failures.forStatus(status, what, message, response.headers(), HINTS), response);
  }

  /** Jaeger's message, or {@code null} when the body says nothing usable. */
  private String message(Response response) {
    String body = HttpFailures.errorBody(response.body() == null ? null : response.body()::asInputStream);
    try {
      JsonNode json = mapper.readTree(body);
      return HttpFailures.firstMessage(json.path("errors").path(0).path("msg").textValue(),
          json.path("error").path("message").textValue(), json.path("message").textValue(),
          json.path("error").textValue(), json.textValue());
    } catch (IOException notJson) {
      // A proxy's error page or a plain-text message: show its first line.
      return HttpFailures.firstLine(body);
    }
  }
}
