package dev.otelmcp.backend.toolkit;

import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.domain.error.OtelMcpException;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.time.Duration;

/**
 * What the error decoder ({@code feign.StatusErrorDecoder}) returns for a status answer: the domain exception itself,
 * or, when the status may be transient (429, 5xx), a {@link RetryableException} carrying it as cause, with the
 * backend's {@code Retry-After}, so that Feign hands it to {@link BackendRetryer}. Whether it is really retried is the
 * policy's decision; when it is not, or no attempt is left, {@code FeignCalls} finds the domain exception in the cause
 * chain ({@code HttpFailures.transport}) and the caller gets the same coded error as without retries.
 */
public final class TransientStatus {

  private TransientStatus() {}

  /** Whether an answer with this status may succeed when asked again. */
  public static boolean isTransient(int status) {
    return status == 429 || status >= 500;
  }

  /**
   * @param failure the domain exception for the answer ({@code HttpFailures.forStatus})
   * @param response the answer (its status, headers and request)
   */
  public static Exception wrap(OtelMcpException failure, Response response) {
    if (!isTransient(response.status()) || response.request() == null) {
      return failure;
    }
    Duration retryAfter = HttpFailures.retryAfter(response.headers());
    Long retryAt = retryAfter == null ? null : System.currentTimeMillis() + retryAfter.toMillis();
    Request request = response.request();
    // The domain message, never Feign's: that one would quote the URL with its query string.
    return new RetryableException(response.status(), failure.getMessage(), request.httpMethod(), failure, retryAt,
        request);
  }
}
