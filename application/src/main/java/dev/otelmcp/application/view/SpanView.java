package dev.otelmcp.application.view;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanLink;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A span as tools return it: identity, timing, status, attributes (long strings truncated) and, when
 * present, events and links. Resource attributes are reported once per service by the trace view.
 */
public record SpanView(
    String traceId,
    String spanId,
    String parentSpanId,
    String operationName,
    String serviceName,
    String kind,
    Instant startTime,
    double durationMs,
    String status,
    String statusMessage,
    Map<String, Object> attributes,
    List<EventView> events,
    List<LinkView> links) {

  /** A span event. */
  public record EventView(String name, Instant time, Map<String, Object> attributes) {}

  /** A link to another span. */
  public record LinkView(String traceId, String spanId) {}

  public static SpanView of(Span span, int maxAttributeChars) {
    return new SpanView(
        span.traceId(),
        span.spanId(),
        span.parentSpanId(),
        span.name(),
        span.serviceName(),
        span.kind().name(),
        span.startTime(),
        Views.millis(span.duration()),
        span.status().code().name(),
        span.status().message().isEmpty() ? null : span.status().message(),
        Views.attributes(span.attributes(), maxAttributeChars),
        span.events().isEmpty() ? null : span.events().stream().map(e -> event(e, maxAttributeChars)).toList(),
        span.links().isEmpty() ? null : span.links().stream().map(SpanView::link).toList());
  }

  private static EventView event(SpanEvent event, int maxChars) {
    return new EventView(event.name(), event.time(), Views.attributes(event.attributes(), maxChars));
  }

  private static LinkView link(SpanLink link) {
    return new LinkView(link.traceId(), link.spanId());
  }
}
