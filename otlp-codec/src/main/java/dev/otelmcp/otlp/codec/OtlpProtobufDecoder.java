package dev.otelmcp.otlp.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanLink;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.StatusCode;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Decodes OTLP protobuf trace payloads — {@code ExportTraceServiceRequest} as OTLP/HTTP exporters send it, or
 * {@code TracesData}, which has the same wire format — into domain {@link Span}s.
 *
 * <p>It skips and counts what it cannot use exactly as {@link OtlpJsonDecoder} does: a span whose trace or
 * span id is not 16/8 bytes, or whose parent id is present but not 8 bytes, is left out; an attribute with an
 * empty key or no value is dropped. Stateless and thread-safe.
 */
public final class OtlpProtobufDecoder {

  private static final String SERVICE_NAME = "service.name";

  private final UnaryOperator<Attributes> resources;

  public OtlpProtobufDecoder() {
    this(UnaryOperator.identity());
  }

  /**
   * @param resources maps each decoded resource to the instance spans should share (a store interns them, so
   *     that the thousands of spans of one process hold one resource); must be thread-safe
   */
  public OtlpProtobufDecoder(UnaryOperator<Attributes> resources) {
    this.resources = Objects.requireNonNull(resources, "resources");
  }

  /**
   * Decodes one protobuf message.
   *
   * @throws OtlpDecodingException when the bytes are not a valid protobuf message of that type
   */
  public OtlpDecodeResult decode(byte[] protobuf) {
    Objects.requireNonNull(protobuf, "protobuf");
    TracesData data;
    try {
      data = TracesData.parseFrom(protobuf);
    } catch (InvalidProtocolBufferException e) {
      throw new OtlpDecodingException("payload is not a valid OTLP protobuf ExportTraceServiceRequest: "
          + e.getMessage(), e);
    }
    return decode(data);
  }

  /** Decodes an already parsed message. */
  public OtlpDecodeResult decode(TracesData data) {
    DecodeStats stats = new DecodeStats();
    List<Span> spans = new ArrayList<>();
    for (ResourceSpans resourceSpans : data.getResourceSpansList()) {
      Resource resource = resourceSpans.getResource();
      Attributes resourceAttributes = resources.apply(attributes(resource.getAttributesList(), stats));
      String serviceName = resourceAttributes.get(SERVICE_NAME).map(AttributeValue::asText).orElse(null);
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        String scopeName = scopeSpans.getScope().getName();
        for (io.opentelemetry.proto.trace.v1.Span span : scopeSpans.getSpansList()) {
          Span decoded = span(span, serviceName, resourceAttributes, scopeName, stats);
          if (decoded == null) {
            stats.skippedSpans++;
          } else {
            spans.add(decoded);
          }
        }
      }
    }
    return new OtlpDecodeResult(spans, stats.skippedSpans, stats.skippedAttributes, stats.skippedEventsAndLinks);
  }

  private static Span span(io.opentelemetry.proto.trace.v1.Span span, String serviceName, Attributes resource,
      String scopeName, DecodeStats stats) {
    ByteString traceId = span.getTraceId();
    ByteString spanId = span.getSpanId();
    ByteString parent = span.getParentSpanId();
    if (!parent.isEmpty() && parent.size() == WireIds.SPAN_ID_BYTES && !WireIds.valid(parent, WireIds.SPAN_ID_BYTES)) {
      parent = ByteString.EMPTY; // eight zero bytes: how some exporters say "no parent"
    }
    if (!WireIds.valid(traceId, WireIds.TRACE_ID_BYTES) || !WireIds.valid(spanId, WireIds.SPAN_ID_BYTES)
        || (!parent.isEmpty() && parent.size() != WireIds.SPAN_ID_BYTES)) {
      return null;
    }
    long start = span.getStartTimeUnixNano();
    long end = span.getEndTimeUnixNano();
    Duration duration = start != 0 && end != 0 ? Duration.ofNanos(Math.max(0L, end - start)) : Duration.ZERO;
    return Span.builder()
        .traceId(hex(traceId, Ids.TRACE_ID_HEX_LENGTH))
        .spanId(hex(spanId, Ids.SPAN_ID_HEX_LENGTH))
        .parentSpanId(parent.isEmpty() ? null : hex(parent, Ids.SPAN_ID_HEX_LENGTH))
        .name(span.getName())
        .serviceName(serviceName)
        .kind(kind(span.getKindValue()))
        .startTime(JsonScalars.instantOfNanos(start))
        .duration(duration)
        .status(status(span.getStatus()))
        .attributes(attributes(span.getAttributesList(), stats))
        .resource(resource)
        .events(events(span.getEventsList(), stats))
        .links(links(span.getLinksList(), stats))
        .scopeName(scopeName)
        .build();
  }

  private static SpanKind kind(int value) {
    return value >= 0 && value < SpanKind.values().length ? SpanKind.values()[value] : SpanKind.UNSPECIFIED;
  }

  private static SpanStatus status(Status status) {
    StatusCode code = switch (status.getCodeValue()) {
      case 1 -> StatusCode.OK;
      case 2 -> StatusCode.ERROR;
      default -> StatusCode.UNSET;
    };
    return code == StatusCode.UNSET && status.getMessage().isEmpty() ? SpanStatus.UNSET
        : new SpanStatus(code, status.getMessage());
  }

  private static List<SpanEvent> events(List<io.opentelemetry.proto.trace.v1.Span.Event> events, DecodeStats stats) {
    if (events.isEmpty()) {
      return List.of();
    }
    List<SpanEvent> out = new ArrayList<>(events.size());
    for (io.opentelemetry.proto.trace.v1.Span.Event event : events) {
      out.add(new SpanEvent(event.getName(), JsonScalars.instantOfNanos(event.getTimeUnixNano()),
          attributes(event.getAttributesList(), stats)));
    }
    return out;
  }

  private static List<SpanLink> links(List<io.opentelemetry.proto.trace.v1.Span.Link> links, DecodeStats stats) {
    if (links.isEmpty()) {
      return List.of();
    }
    List<SpanLink> out = new ArrayList<>(links.size());
    for (io.opentelemetry.proto.trace.v1.Span.Link link : links) {
      if (!WireIds.valid(link.getTraceId(), WireIds.TRACE_ID_BYTES)
          || !WireIds.valid(link.getSpanId(), WireIds.SPAN_ID_BYTES)) {
        stats.skippedEventsAndLinks++;
        continue;
      }
      out.add(new SpanLink(hex(link.getTraceId(), Ids.TRACE_ID_HEX_LENGTH), hex(link.getSpanId(), Ids.SPAN_ID_HEX_LENGTH),
          attributes(link.getAttributesList(), stats)));
    }
    return out;
  }

  private static Attributes attributes(List<KeyValue> keyValues, DecodeStats stats) {
    if (keyValues.isEmpty()) {
      return Attributes.empty();
    }
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (KeyValue keyValue : keyValues) {
      if (keyValue.getKey().isEmpty()) {
        stats.skippedAttributes++;
        continue;
      }
      AttributeValue value = value(keyValue.getValue());
      if (value != null) {
        values.put(keyValue.getKey(), value);
      }
    }
    return Attributes.of(values);
  }

  /** One {@code AnyValue}; {@code null} when unset (legal OTLP, dropped quietly as the JSON codec does). */
  private static AttributeValue value(AnyValue any) {
    switch (any.getValueCase()) {
      case STRING_VALUE:
        return AttributeValue.of(any.getStringValue());
      case BOOL_VALUE:
        return AttributeValue.of(any.getBoolValue());
      case INT_VALUE:
        return AttributeValue.of(any.getIntValue());
      case DOUBLE_VALUE:
        return AttributeValue.of(any.getDoubleValue());
      case BYTES_VALUE:
        return new AttributeValue.BytesValue(Base64.getEncoder().encodeToString(any.getBytesValue().toByteArray()));
      case ARRAY_VALUE: {
        List<AttributeValue> elements = new ArrayList<>(any.getArrayValue().getValuesCount());
        for (AnyValue element : any.getArrayValue().getValuesList()) {
          AttributeValue converted = value(element);
          if (converted != null) {
            elements.add(converted);
          }
        }
        return AttributeValue.ofList(elements);
      }
      case KVLIST_VALUE: {
        Map<String, AttributeValue> entries = new LinkedHashMap<>();
        for (KeyValue entry : any.getKvlistValue().getValuesList()) {
          AttributeValue converted = value(entry.getValue());
          if (converted != null) {
            entries.put(entry.getKey(), converted);
          }
        }
        return new AttributeValue.MapValue(entries);
      }
      default:
        return null;
    }
  }

  private static String hex(ByteString id, int hexLength) {
    return Ids.fromBytes(id.toByteArray(), hexLength);
  }
}
