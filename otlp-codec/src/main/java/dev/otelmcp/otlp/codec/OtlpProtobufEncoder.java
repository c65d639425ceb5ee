package dev.otelmcp.otlp.codec;

import com.google.protobuf.ByteString;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanLink;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Domain {@link Span}s back to OTLP protobuf {@code TracesData}, grouped by resource and scope: what
 * {@link OtlpProtobufDecoder} reads back to equal spans. The store's persistence log is written with it, and
 * tests and benchmarks use it to play an OTLP exporter.
 */
public final class OtlpProtobufEncoder {

  private static final String SERVICE_NAME = "service.name";
  private static final HexFormat HEX = HexFormat.of();

  private OtlpProtobufEncoder() {}

  public static TracesData encode(Collection<Span> spans) {
    Map<Attributes, Map<String, ScopeSpans.Builder>> grouped = new LinkedHashMap<>();
    for (Span span : spans) {
      grouped.computeIfAbsent(resourceOf(span), r -> new LinkedHashMap<>())
          .computeIfAbsent(span.scopeName(), name -> ScopeSpans.newBuilder()
              .setScope(InstrumentationScope.newBuilder().setName(name)))
          .addSpans(span(span));
    }
    TracesData.Builder data = TracesData.newBuilder();
    grouped.forEach((resource, scopes) -> {
      ResourceSpans.Builder resourceSpans = ResourceSpans.newBuilder()
          .setResource(Resource.newBuilder().addAllAttributes(keyValues(resource).values()));
      scopes.values().forEach(resourceSpans::addScopeSpans);
      data.addResourceSpans(resourceSpans);
    });
    return data.build();
  }

  /** The span's resource, with {@code service.name} added when the span knows a service its resource lacks. */
  private static Attributes resourceOf(Span span) {
    if (span.resource().containsKey(SERVICE_NAME) || Span.UNKNOWN_SERVICE.equals(span.serviceName())) {
      return span.resource();
    }
    return Attributes.builder().putAll(span.resource()).put(SERVICE_NAME, span.serviceName()).build();
  }

  private static io.opentelemetry.proto.trace.v1.Span.Builder span(Span span) {
    long start = nanos(span.startTime());
    io.opentelemetry.proto.trace.v1.Span.Builder out = io.opentelemetry.proto.trace.v1.Span.newBuilder()
        .setTraceId(id(span.traceId()))
        .setSpanId(id(span.spanId()))
        .setName(span.name())
        .setKindValue(span.kind().ordinal())
        .setStartTimeUnixNano(start)
        .setEndTimeUnixNano(start + span.duration().toNanos())
        .setStatus(Status.newBuilder().setCodeValue(span.status().code().ordinal()).setMessage(span.status().message()))
        .addAllAttributes(keyValues(span.attributes()).values());
    span.parent().ifPresent(p -> out.setParentSpanId(id(p)));
    for (SpanEvent event : span.events()) {
      out.addEvents(io.opentelemetry.proto.trace.v1.Span.Event.newBuilder()
          .setName(event.name())
          .setTimeUnixNano(nanos(event.time()))
          .addAllAttributes(keyValues(event.attributes()).values()));
    }
    for (SpanLink link : span.links()) {
      out.addLinks(io.opentelemetry.proto.trace.v1.Span.Link.newBuilder()
          .setTraceId(id(link.traceId()))
          .setSpanId(id(link.spanId()))
          .addAllAttributes(keyValues(link.attributes()).values()));
    }
    return out;
  }

  private static Map<String, KeyValue> keyValues(Attributes attributes) {
    Map<String, KeyValue> out = new LinkedHashMap<>();
    attributes.asMap().forEach((key, value) ->
        out.put(key, KeyValue.newBuilder().setKey(key).setValue(value(value)).build()));
    return out;
  }

  private static AnyValue value(AttributeValue value) {
    AnyValue.Builder any = AnyValue.newBuilder();
    if (value instanceof AttributeValue.StringValue s) {
      any.setStringValue(s.value());
    } else if (value instanceof AttributeValue.LongValue l) {
      any.setIntValue(l.value());
    } else if (value instanceof AttributeValue.DoubleValue d) {
      any.setDoubleValue(d.value());
    } else if (value instanceof AttributeValue.BooleanValue b) {
      any.setBoolValue(b.value());
    } else if (value instanceof AttributeValue.BytesValue bytes) {
      any.setBytesValue(ByteString.copyFrom(decodeBase64(bytes.base64())));
    } else if (value instanceof AttributeValue.ArrayValue array) {
      ArrayValue.Builder elements = ArrayValue.newBuilder();
      array.values().forEach(v -> elements.addValues(value(v)));
      any.setArrayValue(elements);
    } else if (value instanceof AttributeValue.MapValue map) {
      KeyValueList.Builder entries = KeyValueList.newBuilder();
      map.values().forEach((k, v) -> entries.addValues(KeyValue.newBuilder().setKey(k).setValue(value(v))));
      any.setKvlistValue(entries);
    }
    return any.build();
  }

  private static byte[] decodeBase64(String base64) {
    return base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
        ? Base64.getUrlDecoder().decode(base64)
        : Base64.getDecoder().decode(base64);
  }

  private static ByteString id(String hex) {
    return ByteString.copyFrom(HEX.parseHex(hex));
  }

  private static long nanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }
}
