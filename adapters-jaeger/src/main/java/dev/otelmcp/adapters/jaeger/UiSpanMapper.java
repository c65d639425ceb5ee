package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanLink;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.StatusCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One span of Jaeger's UI trace model to a domain span: the inverse of the OTLP → Jaeger translation Jaeger v2
 * applies.
 *
 * <p>The tags that translation invents to carry OTLP fields ({@code span.kind}, {@code otel.status_code},
 * {@code otel.status_description}, {@code error}, {@code otel.scope.name}) become span fields again and are
 * removed from the attributes, so a span read here equals the same span read as OTLP through api_v3. Ids
 * are normalised (Jaeger drops leading zeros); a span whose ids cannot be read is left out.
 *
 * <p>One mapper serves one trace: every span of a process shares its resource, made once per answer.
 */
final class UiSpanMapper {

  private static final String SPAN_KIND = "span.kind";
  private static final String STATUS_CODE = "otel.status_code";
  private static final String STATUS_DESCRIPTION = "otel.status_description";
  private static final String ERROR = "error";
  private static final String SCOPE_NAME = "otel.scope.name";
  private static final String LEGACY_SCOPE_NAME = "otel.library.name";
  /** The log field holding an event's name. */
  static final String EVENT = "event";
  /** The tags the translation invents to carry OTLP fields, which become span fields again. */
  static final List<String> MAPPING_TAGS = List.of(SPAN_KIND, STATUS_CODE, STATUS_DESCRIPTION, ERROR, SCOPE_NAME,
      LEGACY_SCOPE_NAME);
  private static final String CHILD_OF = "CHILD_OF";
  private static final String FOLLOWS_FROM = "FOLLOWS_FROM";

  private final Map<String, UiSpanFields.Process> processes;
  private final UiProcesses known;

  /**
   * @param processes the trace's processes by id
   * @param known the answer's processes, which make each resource once
   */
  UiSpanMapper(Map<String, UiSpanFields.Process> processes, UiProcesses known) {
    this.processes = processes;
    this.known = known;
  }

  /**
   * The domain span, or empty when its ids cannot be read.
   *
   * @throws ArithmeticException for a duration beyond what can be counted in nanoseconds
   * @throws IllegalArgumentException for a value the domain refuses
   */
  Optional<Span> span(UiSpanFields span) {
    Optional<String> traceId = Ids.normalizeTraceId(span.traceId);
    Optional<String> spanId = Ids.normalizeSpanId(span.spanId);
    if (traceId.isEmpty() || spanId.isEmpty()) {
      return Optional.empty();
    }
    UiSpanFields.Process process = span.process != null ? span.process : processes.get(span.processId);
    Attributes.Builder tags = span.tags == null ? Attributes.builder() : span.tags;
    Instant start = micros(span.startTime);
    Span.Builder builder = Span.builder()
        .traceId(traceId.get())
        .spanId(spanId.get())
        .name(span.operationName)
        .serviceName(process == null ? null : process.serviceName())
        .kind(text(tags, SPAN_KIND).flatMap(SpanKind::parse).orElse(SpanKind.UNSPECIFIED))
        .startTime(start)
        .duration(Duration.ofNanos(Math.multiplyExact(span.duration == null ? 0L : span.duration, 1000L)))
        .status(status(tags))
        .scopeName(text(tags, SCOPE_NAME).or(() -> text(tags, LEGACY_SCOPE_NAME)).orElse(""))
        .attributes(withoutMappingTags(tags))
        .resource(process == null ? Attributes.empty() : known.resource(process, UiSpanMapper::resource))
        .events(events(span.logs, start));
    references(span, traceId.get(), builder);
    return Optional.of(builder.build());
  }

  private static Optional<String> text(Attributes.Builder tags, String key) {
    return tags.get(key).map(AttributeValue::asText);
  }

  /** OTLP status from {@code otel.status_code}, else from the older {@code error=true} convention. */
  private static SpanStatus status(Attributes.Builder tags) {
    String description = text(tags, STATUS_DESCRIPTION).orElse("");
    Optional<AttributeValue> code = tags.get(STATUS_CODE);
    if (code.isPresent()) {
      return new SpanStatus(StatusCode.parse(code.get().asText()).orElse(StatusCode.UNSET), description);
    }
    if (tags.get(ERROR).flatMap(AttributeValue::asBoolean).orElse(false)) {
      return SpanStatus.error(description);
    }
    // The shared instance for the usual case: one object fewer held per span.
    return description.isEmpty() ? SpanStatus.UNSET : new SpanStatus(StatusCode.UNSET, description);
  }

  /** The attributes without the tags that were turned into span fields (the span's own builder is changed). */
  private static Attributes withoutMappingTags(Attributes.Builder tags) {
    for (String key : new String[] {SPAN_KIND, STATUS_CODE, STATUS_DESCRIPTION, SCOPE_NAME, LEGACY_SCOPE_NAME}) {
      tags.remove(key);
    }
    // Only the boolean form is the status convention; a text "error" tag is a real attribute.
    if (tags.get(ERROR).flatMap(AttributeValue::asBoolean).isPresent()) {
      tags.remove(ERROR);
    }
    return tags.build();
  }

  /**
   * The parent is the CHILD_OF reference within the same trace, else a FOLLOWS_FROM one there (Jaeger's own
   * rule for drawing the tree); every other reference is a link. The deprecated {@code parentSpanID} is the
   * last resort.
   */
  private static void references(UiSpanFields span, String traceId, Span.Builder builder) {
    List<UiSpanFields.Reference> references = span.references == null ? List.of() : span.references;
    UiSpanFields.Reference parent = first(references, CHILD_OF, traceId);
    if (parent == null) {
      parent = first(references, FOLLOWS_FROM, traceId);
    }
    List<SpanLink> links = new ArrayList<>();
    for (UiSpanFields.Reference reference : references) {
      if (reference == null || reference == parent) {
        continue;
      }
      Optional<String> linkTrace = Ids.normalizeTraceId(reference.traceId());
      Optional<String> linkSpan = Ids.normalizeSpanId(reference.spanId());
      if (linkTrace.isPresent() && linkSpan.isPresent()) {
        links.add(new SpanLink(linkTrace.get(), linkSpan.get(), Attributes.empty()));
      }
    }
    String parentId = parent != null
        ? Ids.normalizeSpanId(parent.spanId()).orElse(null)
        : Ids.normalizeSpanId(span.parentSpanId).orElse(null);
    builder.parentSpanId(parentId).links(links);
  }

  private static UiSpanFields.Reference first(List<UiSpanFields.Reference> references, String type, String traceId) {
    for (UiSpanFields.Reference reference : references) {
      if (reference != null && type.equalsIgnoreCase(reference.refType())
          && Ids.normalizeTraceId(reference.traceId()).filter(traceId::equals).isPresent()
          && Ids.normalizeSpanId(reference.spanId()).isPresent()) {
        return reference;
      }
    }
    return null;
  }

  /** Process tags are OTLP resource attributes; {@code service.name} was lifted out of them, so put it back. */
  private static Attributes resource(UiSpanFields.Process process) {
    Attributes.Builder resource = Attributes.builder();
    String serviceName = process.serviceName();
    if (serviceName != null && !serviceName.isBlank()) {
      resource.put("service.name", serviceName);
    }
    if (process.tags() != null) {
      resource.putAll(process.tags());
    }
    return resource.build();
  }

  /** Logs are OTLP events; the translator stores the event name in the field {@code event}. */
  private static List<SpanEvent> events(List<UiSpanFields.Log> logs, Instant spanStart) {
    if (logs == null) {
      return List.of();
    }
    List<SpanEvent> events = new ArrayList<>(logs.size());
    for (UiSpanFields.Log log : logs) {
      if (log == null) {
        continue;
      }
      Attributes.Builder fields = log.fields() == null ? Attributes.builder() : log.fields();
      String name = text(fields, EVENT).orElse("");
      Instant time = log.timestamp() == null ? spanStart : micros(log.timestamp());
      events.add(new SpanEvent(name, time, fields.remove(EVENT).build()));
    }
    return events;
  }

  private static Instant micros(Long micros) {
    if (micros == null) {
      return Instant.EPOCH;
    }
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }
}
