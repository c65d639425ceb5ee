package dev.otelmcp.application.view;

import dev.otelmcp.domain.model.SpanEvent;
import java.time.Instant;
import java.util.Map;

/** A span event (an exception, a log line), its text values cut at a length. */
public record EventView(String name, Instant time, Map<String, Object> attributes) {

  public static EventView of(SpanEvent event, int maxChars) {
    return new EventView(event.name(), event.time(), Views.attributes(event.attributes(), maxChars));
  }
}
