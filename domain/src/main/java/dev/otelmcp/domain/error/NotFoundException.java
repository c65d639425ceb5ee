package dev.otelmcp.domain.error;

/** The thing asked for does not exist in the backend (or not in the window searched). */
public final class NotFoundException extends OtelMcpException {

  public NotFoundException(String message, String hint) {
    super(message, hint, null);
  }

  public NotFoundException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  @Override
  public ErrorCode code() {
    return ErrorCode.NOT_FOUND;
  }
}
