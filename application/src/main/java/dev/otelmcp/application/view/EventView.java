package dev.otelmcp.application.view;

import dev.otelmcp.domain.model.SpanEvent;
import java.time.Instant;
import java.util.Map;

/**
 * A span event (an exception, a log line, a message), its text values cut at a length; message content apart, as
 * untrusted (see {@link Views#content}).
 */
public record EventView(String name, Instant time, Map<String, Object> attributes, Map<String, Object> untrustedContent) {

  public static EventView of(SpanEvent event, int maxChars) {
    return new EventView(event.name(), event.time(), Views.attributes(event.attributes(), maxChars),
        Views.content(event.attributes(), maxChars));
  }
}
