package dev.otelmcp.domain.error;

import java.time.Duration;
import java.util.Optional;

/** The backend answered 429; {@link #retryAfter()} holds its Retry-After when it sent one. */
public final class RateLimitedException extends OtelMcpException {

  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message, retryAfter == null
        ? "The backend is rate limiting requests; wait a little and retry, or narrow the query."
        : "The backend is rate limiting requests; retry after " + retryAfter.toSeconds() + " s.", null);
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public ErrorCode code() {
    return ErrorCode.RATE_LIMITED;
  }
}
