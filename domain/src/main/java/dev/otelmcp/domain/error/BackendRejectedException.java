package dev.otelmcp.domain.error;

/** The backend refused the request (4xx); the message carries the backend's own explanation. */
public final class BackendRejectedException extends OtelMcpException {

  public BackendRejectedException(String message, String hint) {
    super(message, hint, null);
  }

  public BackendRejectedException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  @Override
  public ErrorCode code() {
    return ErrorCode.BACKEND_REJECTED;
  }
}
