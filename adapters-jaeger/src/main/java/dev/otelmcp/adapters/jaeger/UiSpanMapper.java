package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanLink;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.Traces;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Jaeger's UI trace model to domain traces: the inverse of the OTLP → Jaeger translation Jaeger v2 applies.
 *
 * <p>The tags that translation invents to carry OTLP fields ({@code span.kind}, {@code otel.status_code},
 * {@code otel.status_description}, {@code error}, {@code otel.scope.name}) become span fields again and are
 * removed from the attributes, so a span read here equals the same span read as OTLP through api_v3. Ids
 * are normalised (Jaeger drops leading zeros); a span whose ids cannot be read is left out.
 */
final class UiSpanMapper {

  private static final String SPAN_KIND = "span.kind";
  private static final String STATUS_CODE = "otel.status_code";
  private static final String STATUS_DESCRIPTION = "otel.status_description";
  private static final String ERROR = "error";
  private static final String SCOPE_NAME = "otel.scope.name";
  private static final String LEGACY_SCOPE_NAME = "otel.library.name";
  private static final String EVENT = "event";
  private static final String CHILD_OF = "CHILD_OF";
  private static final String FOLLOWS_FROM = "FOLLOWS_FROM";

  private UiSpanMapper() {}

  /** The traces in a response, grouped by normalised id (a span id seen twice in a trace is kept once). */
  static List<Trace> traces(List<UiModel.Trace> data) {
    List<Span> spans = new ArrayList<>();
    if (data != null) {
      for (UiModel.Trace trace : data) {
        if (trace == null || trace.spans() == null) {
          continue;
        }
        Map<String, UiModel.Process> processes = trace.processes() == null ? Map.of() : trace.processes();
        // Every span of a process shares its resource: read the process's tags once, not once per span.
        Map<UiModel.Process, Attributes> resources = new IdentityHashMap<>();
        for (UiModel.Span span : trace.spans()) {
          try {
            span(span, processes, resources).ifPresent(spans::add);
          } catch (ArithmeticException | IllegalArgumentException unreadable) {
            // An absurd duration or a value the domain refuses: leave this span out, keep the trace.
          }
        }
      }
    }
    return Traces.group(spans);
  }

  static Optional<Span> span(UiModel.Span span, Map<String, UiModel.Process> processes) {
    return span(span, processes, new IdentityHashMap<>());
  }

  /** @param resources the resources already read, by process (filled as new processes are met) */
  private static Optional<Span> span(UiModel.Span span, Map<String, UiModel.Process> processes,
      Map<UiModel.Process, Attributes> resources) {
    if (span == null) {
      return Optional.empty();
    }
    Optional<String> traceId = Ids.normalizeTraceId(span.traceID());
    Optional<String> spanId = Ids.normalizeSpanId(span.spanID());
    if (traceId.isEmpty() || spanId.isEmpty()) {
      return Optional.empty();
    }
    UiModel.Process process = span.process() != null ? span.process() : processes.get(span.processID());
    String serviceName = process == null ? null : process.serviceName();
    Attributes tags = typed(span.tags());
    Instant start = micros(span.startTime());
    Span.Builder builder = Span.builder()
        .traceId(traceId.get())
        .spanId(spanId.get())
        .name(span.operationName())
        .serviceName(serviceName)
        .kind(tags.get(SPAN_KIND).flatMap(v -> SpanKind.parse(v.asText())).orElse(SpanKind.UNSPECIFIED))
        .startTime(start)
        .duration(Duration.ofNanos(Math.multiplyExact(span.duration() == null ? 0L : span.duration(), 1000L)))
        .status(status(tags))
        .attributes(withoutMappingTags(tags))
        .resource(process == null ? resource(null, null)
            : resources.computeIfAbsent(process, p -> resource(p.serviceName(), p)))
        .events(events(span.logs(), start))
        .scopeName(tags.getText(SCOPE_NAME).or(() -> tags.getText(LEGACY_SCOPE_NAME)).orElse(""));
    references(span, traceId.get(), builder);
    return Optional.of(builder.build());
  }

  /** OTLP status from {@code otel.status_code}, else from the older {@code error=true} convention. */
  private static SpanStatus status(Attributes tags) {
    String description = tags.getText(STATUS_DESCRIPTION).orElse("");
    Optional<AttributeValue> code = tags.get(STATUS_CODE);
    if (code.isPresent()) {
      return new SpanStatus(StatusCode.parse(code.get().asText()).orElse(StatusCode.UNSET), description);
    }
    if (tags.get(ERROR).flatMap(AttributeValue::asBoolean).orElse(false)) {
      return SpanStatus.error(description);
    }
    return new SpanStatus(StatusCode.UNSET, description);
  }

  /** The attributes without the tags that were turned into span fields. */
  private static Attributes withoutMappingTags(Attributes tags) {
    Attributes.Builder rest = Attributes.builder().putAll(tags);
    for (String key : new String[] {SPAN_KIND, STATUS_CODE, STATUS_DESCRIPTION, SCOPE_NAME, LEGACY_SCOPE_NAME}) {
      rest.remove(key);
    }
    // Only the boolean form is the status convention; a text "error" tag is a real attribute.
    if (tags.get(ERROR).flatMap(AttributeValue::asBoolean).isPresent()) {
      rest.remove(ERROR);
    }
    return rest.build();
  }

  /**
   * The parent is the CHILD_OF reference within the same trace, else a FOLLOWS_FROM one there (Jaeger's own
   * rule for drawing the tree); every other reference is a link. The deprecated {@code parentSpanID} is the
   * last resort.
   */
  private static void references(UiModel.Span span, String traceId, Span.Builder builder) {
    List<UiModel.Reference> references = span.references() == null ? List.of() : span.references();
    UiModel.Reference parent = first(references, CHILD_OF, traceId);
    if (parent == null) {
      parent = first(references, FOLLOWS_FROM, traceId);
    }
    List<SpanLink> links = new ArrayList<>();
    for (UiModel.Reference reference : references) {
      if (reference == null || reference == parent) {
        continue;
      }
      Optional<String> linkTrace = Ids.normalizeTraceId(reference.traceID());
      Optional<String> linkSpan = Ids.normalizeSpanId(reference.spanID());
      if (linkTrace.isPresent() && linkSpan.isPresent()) {
        links.add(new SpanLink(linkTrace.get(), linkSpan.get(), Attributes.empty()));
      }
    }
    String parentId = parent != null
        ? Ids.normalizeSpanId(parent.spanID()).orElse(null)
        : Ids.normalizeSpanId(span.parentSpanID()).orElse(null);
    builder.parentSpanId(parentId).links(links);
  }

  private static UiModel.Reference first(List<UiModel.Reference> references, String type, String traceId) {
    for (UiModel.Reference reference : references) {
      if (reference != null && type.equalsIgnoreCase(reference.refType())
          && Ids.normalizeTraceId(reference.traceID()).filter(traceId::equals).isPresent()
          && Ids.normalizeSpanId(reference.spanID()).isPresent()) {
        return reference;
      }
    }
    return null;
  }

  /** Process tags are OTLP resource attributes; {@code service.name} was lifted out of them, so put it back. */
  private static Attributes resource(String serviceName, UiModel.Process process) {
    Attributes.Builder resource = Attributes.builder();
    if (serviceName != null && !serviceName.isBlank()) {
      resource.put("service.name", serviceName);
    }
    if (process != null) {
      resource.putAll(typed(process.tags()));
    }
    return resource.build();
  }

  /** Logs are OTLP events; the translator stores the event name in the field {@code event}. */
  private static List<SpanEvent> events(List<UiModel.Log> logs, Instant spanStart) {
    if (logs == null) {
      return List.of();
    }
    List<SpanEvent> events = new ArrayList<>(logs.size());
    for (UiModel.Log log : logs) {
      if (log == null) {
        continue;
      }
      Attributes fields = typed(log.fields());
      String name = fields.getText(EVENT).orElse("");
      Instant time = log.timestamp() == null ? spanStart : micros(log.timestamp());
      events.add(new SpanEvent(name, time, Attributes.builder().putAll(fields).remove(EVENT).build()));
    }
    return events;
  }

  static Attributes typed(List<UiModel.KeyValue> keyValues) {
    if (keyValues == null || keyValues.isEmpty()) {
      return Attributes.empty();
    }
    Attributes.Builder attributes = Attributes.builder();
    for (UiModel.KeyValue kv : keyValues) {
      if (kv != null && kv.key() != null && !kv.key().isEmpty()) {
        value(kv.type(), kv.value()).ifPresent(v -> attributes.put(kv.key(), v));
      }
    }
    return attributes.build();
  }

  /**
   * A typed tag value. int64 arrives as a string when beyond 2^53 (JavaScript's exact range); binary is
   * base64. A value that does not fit its declared type is left out rather than guessed.
   */
  static Optional<AttributeValue> value(String type, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return Optional.empty();
    }
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    switch (t) {
      case "string":
        return value.isValueNode() ? Optional.of(AttributeValue.of(value.asText())) : Optional.empty();
      case "bool":
        if (value.isBoolean()) {
          return Optional.of(AttributeValue.of(value.booleanValue()));
        }
        return AttributeValue.of(value.asText()).asBoolean().map(AttributeValue::of);
      case "int64":
        return int64(value);
      case "float64":
        return float64(value);
      case "binary":
        return value.isTextual() ? Optional.of(new AttributeValue.BytesValue(value.textValue())) : Optional.empty();
      default:
        return inferred(value);
    }
  }

  private static Optional<AttributeValue> int64(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Optional.of(AttributeValue.of(value.longValue()));
    }
    if (value.isTextual()) {
      try {
        return Optional.of(AttributeValue.of(Long.parseLong(value.textValue().trim())));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<AttributeValue> float64(JsonNode value) {
    if (value.isNumber()) {
      return Optional.of(AttributeValue.of(value.doubleValue()));
    }
    if (value.isTextual()) {
      String text = value.textValue().trim();
      switch (text) {
        case "NaN":
          return Optional.of(AttributeValue.of(Double.NaN));
        case "+Inf":
        case "Infinity":
          return Optional.of(AttributeValue.of(Double.POSITIVE_INFINITY));
        case "-Inf":
        case "-Infinity":
          return Optional.of(AttributeValue.of(Double.NEGATIVE_INFINITY));
        default:
          try {
            return Optional.of(AttributeValue.of(new BigDecimal(text).doubleValue()));
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
      }
    }
    return Optional.empty();
  }

  private static Optional<AttributeValue> inferred(JsonNode value) {
    if (value.isBoolean()) {
      return Optional.of(AttributeValue.of(value.booleanValue()));
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Optional.of(AttributeValue.of(value.longValue()));
    }
    if (value.isNumber()) {
      return Optional.of(AttributeValue.of(value.doubleValue()));
    }
    return value.isValueNode() ? Optional.of(AttributeValue.of(value.asText())) : Optional.of(AttributeValue.of(value.toString()));
  }

  private static Instant micros(Long micros) {
    if (micros == null) {
      return Instant.EPOCH;
    }
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }
}
