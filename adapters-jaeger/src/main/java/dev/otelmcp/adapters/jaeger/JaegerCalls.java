package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.otelmcp.domain.error.BackendRejectedException;
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
 * <p>Status errors already arrive as domain exceptions (from {@link JaegerErrorDecoder}); what is left are
 * transport failures (refused, timed out, DNS), which Feign wraps in {@link FeignException}, and bodies that
 * are not JSON. The Feign exception itself is never kept as a cause: it holds the request headers, and so
 * the API key.
 */
final class JaegerCalls {

  private final JaegerConfig config;

  JaegerCalls(JaegerConfig config) {
    this.config = config;
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
    return new BackendUnavailableException("Jaeger at " + config.displayUrl()
        + " sent a response that is not valid JSON for " + what + ": " + config.scrub(detail),
        "Check that BACKEND_URL (or --url) points at Jaeger's query service (port 16686), not at a UI page or a proxy"
            + " login.", cause);
  }

  /** The exception for an answer whose status was fine but whose envelope reports an error. */
  BackendRejectedException reported(String what, String message) {
    return new BackendRejectedException("Jaeger at " + config.displayUrl() + " reported an error for " + what + ": "
        + config.scrub(String.valueOf(message)),
        "Jaeger's message says what went wrong; adjust the query or check Jaeger's logs.");
  }

  private RuntimeException translate(String what, FeignException e) {
    Throwable cause = e.getCause();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof OtelMcpException domain) {
        return domain;
      }
      if (t instanceof JsonProcessingException json) {
        return notJson(what, json.getOriginalMessage(), json);
      }
    }
    if (cause instanceof IOException io) {
      return unreachable(what, io);
    }
    return new BackendUnavailableException("Jaeger at " + config.displayUrl() + " failed for " + what + ": "
        + config.scrub(e.getClass().getSimpleName()), hint());
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
    return new BackendUnavailableException("could not reach Jaeger at " + config.displayUrl() + " within "
        + config.timeoutText() + " (" + what + "): " + reason, hint(), io);
  }

  private static String hint() {
    return "Check that Jaeger's query service is running and that BACKEND_URL (or --url) points at it (default "
        + JaegerConfig.DEFAULT_URL + "); raise BACKEND_TIMEOUT if Jaeger is just slow.";
  }
}
