package dev.otelmcp.backend.toolkit;

import dev.otelmcp.backend.toolkit.TransportFailure;
import java.time.Duration;

/**
 * One failed attempt, as the retry policy sees it: either an answer with a status, or no answer for a transport
 * reason.
 *
 * @param status the answer's status, or {@code -1} when there was no answer
 * @param transport why there was no answer, or {@code null} when there was one
 * @param retryAfter how long the backend asked to wait ({@code Retry-After}), or {@code null}
 */
public record AttemptFailure(int status, TransportFailure transport, Duration retryAfter) {

  public static AttemptFailure answered(int status, Duration retryAfter) {
    return new AttemptFailure(status, null, retryAfter);
  }

  public static AttemptFailure unanswered(TransportFailure transport) {
    return new AttemptFailure(-1, transport, null);
  }

  boolean retryable(RetryPolicy policy) {
    return transport == null ? policy.retriesStatus(status) : policy.retriesTransport(transport);
  }

  /** {@code HTTP 503} or the transport failure's words: for logs, never with the URL. */
  public String describe() {
    return transport == null ? "HTTP " + status : transport.phrase();
  }
}
