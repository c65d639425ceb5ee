package dev.otelmcp.application.view;

import dev.otelmcp.domain.model.SpanLink;

/** A link from a span to another span. */
public record LinkView(String traceId, String spanId) {

  public static LinkView of(SpanLink link) {
    return new LinkView(link.traceId(), link.spanId());
  }
}
