package dev.otelmcp.domain.error;

/** The closed set of error codes every tool result uses (see TOOL-CONVENTIONS). */
public enum ErrorCode {
  /** The caller's input is wrong; the message names the parameter. */
  INVALID_ARGUMENT,
  /** The trace, service or model asked for does not exist (in the window searched). */
  NOT_FOUND,
  /** The backend could not be reached, timed out, or failed with a 5xx. */
  BACKEND_UNAVAILABLE,
  /** The backend refused the request with a 4xx other than 404/429. */
  BACKEND_REJECTED,
  /** The backend answered 429. */
  RATE_LIMITED,
  /** The configured backend cannot do what was asked. */
  UNSUPPORTED,
  /** A bug in otel-mcp. */
  INTERNAL
}
