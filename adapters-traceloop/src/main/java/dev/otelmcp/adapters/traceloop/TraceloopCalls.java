package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.backend.toolkit.UnreadableBodyException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.domain.error.OtelMcpException;
import feign.FeignException;
import java.util.function.Supplier;

/**
 * Runs one HTTP call and turns every way it can fail into a domain exception.
 *
 * <p>Status errors already arrive as domain exceptions (from {@link TraceloopErrorDecoder}); what is left are
 * transport failures (refused, reset, timed out, DNS) and bodies that could not be parsed, which Feign wraps in
 * {@link FeignException} (after its retries). Both are worded as for every HTTP backend ({@link HttpFailures}); the Feign exception is never
 * kept as a cause: it holds the request, and so the API key.
 */
final class TraceloopCalls {

  private final HttpFailures failures;

  TraceloopCalls(TraceloopConfig config) {
    this.failures = config.failures();
  }

  /**
   * Runs the request.
   *
   * @param what the request for messages, e.g. {@code POST /v2/projects/default/spans}
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

  /** The exception for an answer that is JSON but not in the shape the API documents. */
  BackendUnavailableException malformed(String what, String detail) {
    return new BackendUnavailableException(failures.at() + " sent an unexpected answer for " + what + ": "
        + failures.scrub(detail), hint());
  }

  private RuntimeException translate(String what, FeignException e) {
    // A parse failure travels as an I/O error too; a body that cannot be parsed is not an unreachable API.
    for (Throwable t = e.getCause(); t != null && !(t instanceof OtelMcpException); t = t.getCause()) {
      if (t instanceof UnreadableBodyException body) {
        return failures.unreadable(what, body.startsLikeJson(), body.getMessage(), "Check that BACKEND_URL (or --url)"
            + " points at the Traceloop API (default " + TraceloopConfig.DEFAULT_URL + "), not at a web page or a"
            + " proxy login.", body.getCause());
      }
    }
    return failures.transport(what, e, hint());
  }

  private static String hint() {
    return "Check the network and BACKEND_URL (or --url; default " + TraceloopConfig.DEFAULT_URL
        + "); raise BACKEND_TIMEOUT if the API is just slow.";
  }
}
