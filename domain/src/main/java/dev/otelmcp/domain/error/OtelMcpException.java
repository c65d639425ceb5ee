package dev.otelmcp.domain.error;

import java.util.Objects;

/**
 * A failure the caller can act on: every subclass carries a stable {@link ErrorCode}, a message naming the
 * field or cause, and a hint saying what to do next. Messages never contain credentials.
 */
public abstract sealed class OtelMcpException extends RuntimeException
    permits InvalidQueryException,
        NotFoundException,
        BackendUnavailableException,
        BackendRejectedException,
        RateLimitedException,
        UnsupportedQueryException,
        CallStoppedException {

  private final String hint;

  protected OtelMcpException(String message, String hint, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.hint = hint == null ? "" : hint;
  }

  public abstract ErrorCode code();

  public String hint() {
    return hint;
  }
}
