package dev.otelmcp.domain.model;

import java.util.Objects;

/** A span's status: its code and, for errors, the optional description the instrumentation recorded. */
public record SpanStatus(StatusCode code, String message) {

  public static final SpanStatus UNSET = new SpanStatus(StatusCode.UNSET, "");
  public static final SpanStatus OK = new SpanStatus(StatusCode.OK, "");

  public SpanStatus {
    Objects.requireNonNull(code, "code");
    message = message == null ? "" : message;
  }

  public static SpanStatus error(String message) {
    return new SpanStatus(StatusCode.ERROR, message);
  }

  public boolean isError() {
    return code == StatusCode.ERROR;
  }
}
