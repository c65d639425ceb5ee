package dev.otelmcp.domain.error;

/** Input that cannot be a valid query: a bad parameter value, an unknown operator, an impossible time window. */
public final class InvalidQueryException extends OtelMcpException {

  public InvalidQueryException(String message, String hint) {
    super(message, hint, null);
  }

  public InvalidQueryException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  @Override
  public ErrorCode code() {
    return ErrorCode.INVALID_ARGUMENT;
  }
}
