package dev.otelmcp.backend.toolkit;

import dev.otelmcp.backend.toolkit.TransportFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Which failures of an idempotent backend read are worth another attempt, and how long to wait before it.
 *
 * <p>Retried: 429 and the 5xx a healthy backend answers while it is briefly overloaded or restarting (500, 502,
 * 503, 504), and connections refused, reset or closed before the answer was complete (a restarting backend, a proxy
 * that dropped a pooled connection). Not retried: other 4xx (the same request fails the same way), timeouts (the
 * request already waited the whole per-request timeout; another attempt would multiply the wait), unknown hosts,
 * TLS and protocol errors (configuration, not luck), and anything once the thread is interrupted.
 *
 * <p>Waits grow exponentially with full jitter (a random wait between zero and {@code min(cap, base * 2^(n-1))}
 * before retry n), so that many stores retrying at once do not arrive together. A {@code Retry-After} the backend
 * sends is honoured instead, up to {@link #maxRetryAfter()}: a backend asking for a longer pause gets it, and the
 * caller gets the failure at once (for 429, a RATE_LIMITED error carrying retry_after).
 *
 * @param maxAttempts attempts in total, the first included
 * @param base the ceiling of the first retry's wait
 * @param cap the largest ceiling of any backoff wait
 * @param maxRetryAfter the longest {@code Retry-After} waited for
 * @param maxTotalWait the most one request waits between its attempts, all retries together
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, Duration maxRetryAfter, Duration maxTotalWait) {

  /**
   * What every backend adapter uses: 8 attempts, 100 ms doubling to at most 2 s, Retry-After up to 10 s, 15 s in all.
   * Eight, so that a read survives a backend failing 30% of requests with a chance of 1 in 15,000 of still failing
   * (with six, 1 in 1,400: a trace read of ten requests failed one time in 140).
   */
  public static final RetryPolicy STANDARD = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(2),
      Duration.ofSeconds(10), Duration.ofSeconds(15));

  private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 500, 502, 503, 504);
  private static final Set<TransportFailure> RETRIED_TRANSPORT_FAILURES =
      Set.of(TransportFailure.REFUSED, TransportFailure.RESET, TransportFailure.CLOSED_EARLY);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(maxTotalWait, "maxTotalWait");
  }

  /** Whether an answer with this status may be worth another attempt. */
  public boolean retriesStatus(int status) {
    return RETRIED_STATUSES.contains(status);
  }

  /** Whether a request that got no answer for this reason may be worth another attempt. */
  public boolean retriesTransport(TransportFailure failure) {
    return RETRIED_TRANSPORT_FAILURES.contains(failure);
  }

  /** The largest wait before retry {@code retry} (1 for the first retry): {@code min(cap, base * 2^(retry-1))}. */
  public Duration backoffCeiling(int retry) {
    int doublings = Math.min(Math.max(retry - 1, 0), 30);
    long nanos = base.toNanos();
    for (int i = 0; i < doublings && nanos < cap.toNanos(); i++) {
      nanos *= 2;
    }
    return Duration.ofNanos(Math.min(nanos, cap.toNanos()));
  }
}
