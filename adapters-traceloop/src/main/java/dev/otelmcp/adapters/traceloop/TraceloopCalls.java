package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.OtelMcpException;
import feign.FeignException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.function.Supplier;

/**
 * Runs one HTTP call and turns every way it can fail into a domain exception.
 *
 * <p>Status errors already arrive as domain exceptions (from {@link TraceloopErrorDecoder}); what is left are
 * transport failures (refused, timed out, DNS), which Feign wraps in {@link FeignException}, and bodies that
 * are not JSON. The Feign exception is never kept as a cause: it holds the request, and so the API key.
 */
final class TraceloopCalls {

  private final TraceloopConfig config;

  TraceloopCalls(TraceloopConfig config) {
    this.config = config;
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
    return new BackendUnavailableException("Traceloop at " + config.displayUrl() + " sent an unexpected answer for "
        + what + ": " + config.scrub(detail), hint());
  }

  private RuntimeException translate(String what, FeignException e) {
    Throwable cause = e.getCause();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof OtelMcpException domain) {
        return domain;
      }
      if (t instanceof JsonProcessingException json) {
        return new BackendUnavailableException("Traceloop at " + config.displayUrl()
            + " sent a response that is not valid JSON for " + what + ": " + config.scrub(json.getOriginalMessage()),
            "Check that BACKEND_URL (or --url) points at the Traceloop API (default " + TraceloopConfig.DEFAULT_URL
                + "), not at a web page or a proxy login.", json);
      }
    }
    if (cause instanceof IOException io) {
      return unreachable(what, io);
    }
    return new BackendUnavailableException("Traceloop at " + config.displayUrl() + " failed for " + what + ": "
        + e.getClass().getSimpleName(), hint());
  }

  private BackendUnavailableException unreachable(String what, IOException io) {
    String reason;
    if (io instanceof HttpConnectTimeoutException) {
      reason = "the connection timed out";
    } else if (io instanceof HttpTimeoutException) {
      reason = "no answer in time";
    } else if (io instanceof ConnectException || io.getCause() instanceof ConnectException) {
      reason = "connection refused";
    } else if (io instanceof UnknownHostException || io.getCause() instanceof UnresolvedAddressException) {
      reason = "unknown host";
    } else {
      reason = io.getMessage() == null ? io.getClass().getSimpleName() : config.scrub(io.getMessage());
    }
    return new BackendUnavailableException("could not reach Traceloop at " + config.displayUrl() + " within "
        + config.timeoutText() + " (" + what + "): " + reason, hint(), io);
  }

  private static String hint() {
    return "Check the network and BACKEND_URL (or --url; default " + TraceloopConfig.DEFAULT_URL
        + "); raise BACKEND_TIMEOUT if the API is just slow.";
  }
}
