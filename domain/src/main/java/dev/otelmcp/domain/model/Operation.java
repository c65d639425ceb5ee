package dev.otelmcp.domain.model;

import java.util.Objects;
import java.util.Optional;

/** An operation (span name) a service reports, with its span kind when the backend knows it. */
public record Operation(String name, SpanKind kind) {

  public Operation {
    Objects.requireNonNull(name, "name");
  }

  public static Operation named(String name) {
    return new Operation(name, null);
  }

  public Optional<SpanKind> spanKind() {
    return Optional.ofNullable(kind);
  }
}
