package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.backend.toolkit.UnreadableBodyException;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.domain.error.OtelMcpException;
import feign.FeignException;
import java.util.function.Supplier;

/**
 * Runs one HTTP call and turns every way it can fail into a domain exception.
 *
 * <p>Status errors already arrive as domain exceptions (from {@link JaegerErrorDecoder}); what is left are
 * transport failures (refused, reset, timed out, DNS) and bodies that could not be parsed, which Feign wraps in
 * {@link FeignException} (after its retries). Both are worded as for every HTTP backend ({@link HttpFailures}); the Feign exception itself is
 * never kept as a cause: it holds the request headers, and so the API key.
 */
final class JaegerCalls {

  private static final String URL_HINT = "Check that BACKEND_URL (or --url) points at Jaeger's query service (port"
      + " 16686), not at a UI page or a proxy login.";

  private final HttpFailures failures;

  JaegerCalls(JaegerConfig config) {
    this.failures = config.failures();
  }

  /**
   * Runs the request.
   *
   * @param what the request for messages, e.g. {@code GET /api/services}
   */
  <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (OtelMcpException e) {
      throw e;
    } catch (FeignException e) {
      throw translate(what, e);
    }
  }

  /** The exception for a body that is not the JSON Jaeger should send. */
  BackendUnavailableException notJson(String what, String detail, Throwable cause) {
    return failures.notJson(what, detail, URL_HINT, cause);
  }

  /** The exception for a body that could not be parsed: cut-off JSON, or no JSON at all. */
  BackendUnavailableException unreadable(String what, boolean startsLikeJson, String detail, Throwable cause) {
    return failures.unreadable(what, startsLikeJson, detail, URL_HINT, cause);
  }

  /** The exception for an answer whose status was fine but whose envelope reports an error. */
  BackendRejectedException reported(String what, String message) {
    return new BackendRejectedException(failures.at() + " reported an error for " + what + ": "
        + failures.scrub(String.valueOf(message)),
        "Jaeger's message says what went wrong; adjust the query or check Jaeger's logs.");
  }

  private RuntimeException translate(String what, FeignException e) {
    // A parse failure travels as an I/O error too; a body that cannot be parsed is not an unreachable Jaeger.
    for (Throwable t = e.getCause(); t != null && !(t instanceof OtelMcpException); t = t.getCause()) {
      if (t instanceof UnreadableBodyException body) {
        // The body exception stays the cause: FlavourDetector tells a UI page from cut-off JSON by it.
        return unreadable(what, body.startsLikeJson(), body.getMessage(), body);
      }
    }
    return failures.transport(what, e, "Check that Jaeger's query service is running and that BACKEND_URL (or"
        + " --url) points at it (default " + JaegerConfig.DEFAULT_URL + "); raise BACKEND_TIMEOUT if Jaeger is just"
        + " slow.");
  }
}
