package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Traceloop API spans to domain spans and trace summaries.
 *
 * <ul>
 *   <li>Attribute values are typed again ({@link AttributeTyping}); {@code llm.*} keys stay as the API names
 *       them (the LLM view reads {@code llm.usage.*}, {@code llm.vendor}, {@code llm.completions.N.finish_reason}…).
 *   <li>What the search endpoints move out of {@code span_attributes} goes back in: the {@code prompts} and
 *       {@code completions} maps (their keys are full attribute names) and {@code input}/{@code output} as
 *       {@code traceloop.entity.input}/{@code traceloop.entity.output}.
 *   <li>{@code gen_ai.operation.name}, which the API renames to {@code llm.operation.name}, is given back under its
 *       OTel name too (the API's key stays): the domain tells tool, agent and workflow spans by that key alone
 *       ({@code SpanRole}), so without it an OTel GenAI {@code execute_tool} span would be no tool call here while
 *       it is one on every other backend. A {@code gen_ai.operation.name} the span carries itself is kept.
 *   <li>{@code gen_ai.provider.name} (OTel GenAI since semconv 1.37, OpenLLMetry since 0.55), renamed by the same rule
 *       to {@code llm.provider.name}, is given back under its OTel name too: the LLM view knows the provider by
 *       {@code gen_ai.provider.name}, {@code gen_ai.system} or the API's {@code llm.vendor}, so without it those calls
 *       would count under an unknown provider here only.
 *   <li>The span's {@code cost_micro_usd} becomes {@code traceloop.llm.cost_micro_usd.total} when the span
 *       does not already carry that attribute (the recordings always carry both, with the same value).
 *   <li>Service: the top-level {@code service_name}, else the resource's {@code service.name}, else unknown.
 *       Status: {@code status_code}/{@code status_message}; UNSET when the endpoint sends none.
 *   <li>Events: {@code events_name[i]} with {@code events_attributes[i]} (a map, or its JSON text). The API
 *       sends no event times, so events carry the span's start time.
 *   <li>Times and durations are milliseconds. A span whose ids or start time cannot be read is left out.
 * </ul>
 */
final class SpanMapper {

  static final String ENTITY_INPUT = "traceloop.entity.input";
  static final String ENTITY_OUTPUT = "traceloop.entity.output";
  static final String COST_TOTAL = "traceloop.llm.cost_micro_usd.total";
  static final String OPERATION = "gen_ai.operation.name";
  static final String API_OPERATION = "llm.operation.name";
  static final String PROVIDER = "gen_ai.provider.name";
  static final String API_PROVIDER = "llm.provider.name";
  private static final String SERVICE_NAME = "service.name";

  private final ObjectMapper mapper;
  private final AttributeTyping typing;

  SpanMapper(ObjectMapper mapper) {
    this.mapper = mapper;
    this.typing = new AttributeTyping(mapper);
  }

  Optional<Span> span(Wire.WireSpan wire) {
    if (wire == null || wire.timestamp() == null) {
      return Optional.empty();
    }
    Optional<String> traceId = Ids.normalizeTraceId(wire.traceId());
    Optional<String> spanId = Ids.normalizeSpanId(wire.spanId());
    if (traceId.isEmpty() || spanId.isEmpty()) {
      return Optional.empty();
    }
    String parent = wire.parentSpanId() == null || wire.parentSpanId().isBlank()
        ? null : Ids.normalizeSpanId(wire.parentSpanId()).orElse(null);
    Instant start = Instant.ofEpochMilli(wire.timestamp());
    Attributes resource = typing.object(wire.resourceAttributes());
    return Optional.of(Span.builder()
        .traceId(traceId.get())
        .spanId(spanId.get())
        .parentSpanId(parent)
        .name(wire.spanName())
        .serviceName(serviceName(wire, resource))
        .kind(SpanKind.parse(wire.spanKind()).orElse(SpanKind.UNSPECIFIED))
        .startTime(start)
        .duration(millis(wire.duration()))
        .status(status(wire))
        .attributes(attributes(wire))
        .resource(resource)
        .events(events(wire, start))
        .scopeName(wire.scopeName())
        .build());
  }

  /** A trace search hit from a root-spans row; the counts are the API's (see the README, "Traceloop"). */
  Optional<TraceSummary> summary(Wire.WireSpan root) {
    if (root == null || root.timestamp() == null) {
      return Optional.empty();
    }
    Optional<String> traceId = Ids.normalizeTraceId(root.traceId());
    if (traceId.isEmpty()) {
      return Optional.empty();
    }
    String service = serviceName(root, typing.object(root.resourceAttributes()));
    return Optional.of(new TraceSummary(traceId.get(), service == null ? Span.UNKNOWN_SERVICE : service,
        root.spanName(), Instant.ofEpochMilli(root.timestamp()), millis(root.duration()), root.spanCount(), null,
        List.of()));
  }

  /** The service a search row names: {@code service_name}, else the resource's {@code service.name}; null if neither. */
  static String serviceName(Wire.WireSpan wire, Attributes resource) {
    if (wire.serviceName() != null && !wire.serviceName().isBlank()) {
      return wire.serviceName();
    }
    return resource.getText(SERVICE_NAME).filter(s -> !s.isBlank()).orElse(null);
  }

  static SpanStatus status(Wire.WireSpan wire) {
    return StatusCode.parse(wire.statusCode())
        .map(code -> new SpanStatus(code, wire.statusMessage()))
        .orElse(SpanStatus.UNSET);
  }

  static Duration millis(Double ms) {
    if (ms == null || !Double.isFinite(ms) || ms <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.round(ms * 1_000_000));
  }

  private Attributes attributes(Wire.WireSpan wire) {
    Attributes.Builder builder = Attributes.builder();
    typing.putAll(builder, wire.spanAttributes());
    typing.putAll(builder, wire.prompts());
    typing.putAll(builder, wire.completions());
    putText(builder, ENTITY_INPUT, wire.input());
    putText(builder, ENTITY_OUTPUT, wire.output());
    JsonNode apiOperation = wire.spanAttributes() == null ? null : wire.spanAttributes().get(API_OPERATION);
    if (!builder.containsKey(OPERATION)) {
      typing.value(API_OPERATION, apiOperation).ifPresent(v -> builder.put(OPERATION, v));
    }
    JsonNode apiProvider = wire.spanAttributes() == null ? null : wire.spanAttributes().get(API_PROVIDER);
    if (!builder.containsKey(PROVIDER)) {
      typing.value(API_PROVIDER, apiProvider).ifPresent(v -> builder.put(PROVIDER, v));
    }
    JsonNode cost = wire.costMicroUsd();
    if (cost != null && cost.isNumber() && !builder.containsKey(COST_TOTAL)) {
      builder.put(COST_TOTAL, cost.isIntegralNumber() ? AttributeValue.of(cost.longValue())
          : AttributeValue.of(cost.doubleValue()));
    }
    return builder.build();
  }

  private static void putText(Attributes.Builder builder, String key, JsonNode node) {
    if (node != null && node.isTextual() && !node.textValue().isEmpty() && !builder.containsKey(key)) {
      builder.put(key, node.textValue());
    }
  }

  private List<SpanEvent> events(Wire.WireSpan wire, Instant start) {
    JsonNode names = wire.eventsName();
    if (names == null || !names.isArray() || names.isEmpty()) {
      return List.of();
    }
    JsonNode attributes = wire.eventsAttributes();
    List<SpanEvent> events = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      JsonNode eventAttributes = attributes != null && attributes.isArray() ? attributes.path(i) : null;
      events.add(new SpanEvent(names.path(i).asText(""), start, typing.object(asObject(eventAttributes))));
    }
    return events;
  }

  /** An event's attributes: a JSON object, or a string holding one. */
  private JsonNode asObject(JsonNode node) {
    if (node != null && node.isTextual()) {
      try {
        return mapper.readTree(node.textValue());
      } catch (JsonProcessingException notJson) {
        return null;
      }
    }
    return node;
  }
}
