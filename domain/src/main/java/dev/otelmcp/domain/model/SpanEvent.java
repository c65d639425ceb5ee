package dev.otelmcp.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A timestamped event on a span, such as an {@code exception} event (Jaeger calls these logs). */
public record SpanEvent(String name, Instant time, Attributes attributes) {

  public static final String EXCEPTION = "exception";

  public SpanEvent {
    name = name == null ? "" : name;
    Objects.requireNonNull(time, "time");
    attributes = attributes == null ? Attributes.empty() : attributes;
  }
}
