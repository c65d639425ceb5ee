package dev.otelmcp.domain.model;

/**
 * A link from a span to another span, possibly in another trace (Jaeger's FOLLOWS_FROM references arrive
 * as links too).
 */
public record SpanLink(String traceId, String spanId, Attributes attributes) {

  public SpanLink {
    traceId = Ids.traceId(traceId);
    spanId = Ids.spanId(spanId);
    attributes = attributes == null ? Attributes.empty() : attributes;
  }
}
