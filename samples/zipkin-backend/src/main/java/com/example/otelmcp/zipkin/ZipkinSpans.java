package com.example.otelmcp.zipkin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Zipkin v2 spans (a JSON array per trace) as the domain's trace. Zipkin's tags are all strings; numbers that
 * the LLM view needs (token counts) are read from strings by the domain's conventions, as for Traceloop.
 */
final class ZipkinSpans {

  private ZipkinSpans() {}

  static Trace trace(JsonNode spans) {
    List<Span> mapped = new ArrayList<>();
    for (JsonNode span : spans) {
      mapped.add(span(span));
    }
    return new Trace(mapped.get(0).traceId(), mapped);
  }

  private static Span span(JsonNode span) {
    Attributes.Builder tags = Attributes.builder();
    span.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
    String error = span.path("tags").path("error").asText(null);
    String parent = span.path("parentId").asText(null);
    long startMicros = span.path("timestamp").asLong();
    return Span.builder()
        .traceId(Ids.traceId(span.path("traceId").asText()))
        .spanId(Ids.spanId(span.path("id").asText()))
        .parentSpanId(parent == null ? null : Ids.spanId(parent))
        .name(span.path("name").asText(""))
        .serviceName(span.path("localEndpoint").path("serviceName").asText(""))
        .kind(kind(span.path("kind").asText("")))
        .startTime(Instant.ofEpochSecond(startMicros / 1_000_000, (startMicros % 1_000_000) * 1_000))
        .duration(Duration.ofNanos(span.path("duration").asLong() * 1_000))
        .status(error == null ? SpanStatus.UNSET : SpanStatus.error(error))
        .attributes(tags.build())
        .build();
  }

  private static SpanKind kind(String zipkinKind) {
    return switch (zipkinKind.toUpperCase(Locale.ROOT)) {
      case "CLIENT" -> SpanKind.CLIENT;
      case "SERVER" -> SpanKind.SERVER;
      case "PRODUCER" -> SpanKind.PRODUCER;
      case "CONSUMER" -> SpanKind.CONSUMER;
      default -> SpanKind.UNSPECIFIED;
    };
  }
}
