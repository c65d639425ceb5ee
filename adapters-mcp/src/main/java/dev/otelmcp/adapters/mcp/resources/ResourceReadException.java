package dev.otelmcp.adapters.mcp.resources;

import java.util.Map;

/**
 * A resource could not be read. {@code errorText} is the error body every otel-mcp error has,
 * {@code {"error":{"code","message","hint"}}}, which the protocol carries as its JSON-RPC error's data; the
 * message says the same in words (clients show only the message).
 */
public final class ResourceReadException extends RuntimeException {

  /** Why: no such resource (a URI we do not serve, or a trace that does not exist), or the read failed. */
  public enum Kind { NOT_FOUND, INVALID, FAILED }

  private final Kind kind;
  private final Map<String, Object> errorBody;

  public ResourceReadException(Kind kind, String message, Map<String, Object> errorBody) {
    super(message, null, false, false);
    this.kind = kind;
    this.errorBody = errorBody;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * What the protocol's error carries as data: the {@code uri} (as the SDKs' own "resource not found" errors do, so
   * that clients recognise them), and otel-mcp's error body when a read failed.
   */
  public Map<String, Object> errorBody() {
    return errorBody;
  }
}
