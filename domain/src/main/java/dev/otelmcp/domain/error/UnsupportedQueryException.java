package dev.otelmcp.domain.error;

/** The configured backend cannot do what was asked. */
public final class UnsupportedQueryException extends OtelMcpException {

  public UnsupportedQueryException(String message, String hint) {
    super(message, hint, null);
  }

  public UnsupportedQueryException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  @Override
  public ErrorCode code() {
    return ErrorCode.UNSUPPORTED;
  }
}
