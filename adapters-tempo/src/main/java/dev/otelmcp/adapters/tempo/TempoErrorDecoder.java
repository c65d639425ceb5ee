package dev.otelmcp.adapters.tempo;

import dev.otelmcp.backend.toolkit.TransientStatus;
import dev.otelmcp.backend.toolkit.HttpFailures;
import feign.Request;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.util.Locale;

/**
 * Turns a non-2xx answer into the exception the application reports; the status mapping is every HTTP
 * backend's ({@link HttpFailures}), the hints are Tempo's. Tempo writes its errors as plain text
 * ({@code http.Error}): a TraceQL parse error, {@code invalid start: …}, {@code range specified by start and
 * end exceeds 168h0m0s…}, {@code no org id}. That text is kept (cut and scrubbed) because it is the best
 * explanation there is, and it picks the hint. A 404 stays a {@link TempoNotFoundException}: only the caller
 * knows what it means.
 */
final class TempoErrorDecoder implements ErrorDecoder {

  private final HttpFailures failures;

  TempoErrorDecoder(TempoConfig config) {
    this.failures = config.failures();
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    int status = response.status();
    Request request = response.request();
    String what = request == null ? HttpFailures.request(null, null)
        : HttpFailures.request(request.httpMethod().name(), request.url());
    String text = failures.quote(HttpFailures.firstLine(
        HttpFailures.errorBody(response.body() == null ? null : response.body()::asInputStream)));
    if (status == 404) {
      return new TempoNotFoundException(failures.at() + " answered 404 for " + what + failures.detail(text), text);
    }
    // 429 and 5xx travel as retryable, the domain exception inside (TempoCalls finds it after the last attempt).
    return TransientStatus.wrap(failures.forStatus(status, what, text, response.headers(), hints(text)), response);
  }

  /** Tempo's words say which setting to check: the tenant, or the longest window Tempo allows. */
  private static HttpFailures.StatusHints hints(String text) {
    return new HttpFailures.StatusHints(
        text.contains("org id")
            ? "This Tempo is multi-tenant: set BACKEND_TENANT (sent as X-Scope-OrgID)."
            : "Check BACKEND_API_KEY (bearer token, or user:token / BACKEND_USERNAME for basic auth, as Grafana "
                + "Cloud wants) and BACKEND_TENANT for multi-tenant Tempo.",
        text.toLowerCase(Locale.ROOT).contains("exceeds")
            ? "Tempo limits how long a search window may be; set BACKEND_MAX_SEARCH_DURATION to Tempo's "
                + "query_frontend.search.max_duration so otel-mcp splits longer windows, or narrow start_time/end_time."
            : "Tempo's message says what it did not accept; adjust the filters or the time window.",
        "Tempo or its storage is failing; retry later and check Tempo's logs.",
        "Tempo answered with an unexpected status; check that BACKEND_URL points at Tempo's HTTP API (port 3200).");
  }
}
