package dev.otelmcp.application.view;

import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Span;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A span in a search result: compact by default — identity, timing, status, role and, for an LLM call, its
 * model and tokens — plus what the caller's {@link Projection} asks for.
 */
public record SpanRow(
    String traceId,
    String spanId,
    String parentSpanId,
    String operationName,
    String serviceName,
    String spanKind,
    Instant startTime,
    double durationMs,
    String status,
    String statusMessage,
    String role,
    String model,
    Long inputTokens,
    Long outputTokens,
    Map<String, Object> attributes,
    Map<String, Object> untrustedContent,
    Map<String, Object> resource,
    List<EventView> events,
    List<LinkView> links) {

  /** Search rows are for scanning: long values are cut at this many characters. */
  public static final int MAX_VALUE_CHARS = 300;

  public static SpanRow of(Span span, Projection projection) {
    Optional<LlmCall> call = LlmCalls.read(span);
    String message = span.status().message();
    return new SpanRow(
        span.traceId(),
        span.spanId(),
        span.parentSpanId(),
        span.name(),
        span.serviceName(),
        span.kind().wireName(),
        span.startTime(),
        Views.millis(span.duration()),
        span.status().code().wireName(),
        message.isEmpty() ? null : Views.truncate(message, MAX_VALUE_CHARS),
        SpanRoles.of(span),
        call.map(LlmCall::model).orElse(null),
        call.map(c -> c.usage().input()).orElse(null),
        call.map(c -> c.usage().output()).orElse(null),
        projection.attributes(span.attributes(), MAX_VALUE_CHARS),
        projection.content(span.attributes(), MAX_VALUE_CHARS),
        projection.includes(Projection.RESOURCE) ? Views.attributes(span.resource(), MAX_VALUE_CHARS) : null,
        projection.includes(Projection.EVENTS)
            ? span.events().stream().map(e -> EventView.of(e, MAX_VALUE_CHARS)).toList() : null,
        projection.includes(Projection.LINKS) ? span.links().stream().map(LinkView::of).toList() : null);
  }
}
