package dev.otelmcp.domain.error;

/** The backend could not be reached, did not answer within the timeout, answered 5xx, or sent a body that cannot be parsed. */
public final class BackendUnavailableException extends OtelMcpException {

  public BackendUnavailableException(String message, String hint) {
    super(message, hint, null);
  }

  public BackendUnavailableException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  @Override
  public ErrorCode code() {
    return ErrorCode.BACKEND_UNAVAILABLE;
  }
}
