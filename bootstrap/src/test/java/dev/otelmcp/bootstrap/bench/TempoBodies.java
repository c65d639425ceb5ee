package dev.otelmcp.bootstrap.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.otelmcp.otlp.codec.OtlpProtobufEncoder;
import dev.otelmcp.bootstrap.e2e.TempoSearchHit;
import dev.otelmcp.domain.model.Trace;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * Tempo's JSON answers for generated traces, in the shapes Tempo 2.6+ writes (gogo jsonpb, as the adapter's recorded
 * cassettes show): {@code /api/v2/traces/{id}} is {@code {"trace":{"resourceSpans":[…]}}} with base64 ids, enum names
 * and 64-bit integers as strings, zero values left out; a search hit is a trace summary with three matched spans and
 * {@code serviceStats}. Made once, before anything is timed, so the fake backend only copies bytes.
 */
final class TempoBodies {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private TempoBodies() {}

  /** The body of {@code GET /api/v2/traces/{id}} for this trace. */
  static byte[] traceV2(Trace trace) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("trace").set("resourceSpans", resourceSpans(OtlpProtobufEncoder.encode(trace.spans())));
    return bytes(body);
  }

  /** The body of the older {@code GET /api/traces/{id}}: the same resource spans under {@code batches}. */
  static byte[] traceV1(Trace trace) {
    ObjectNode body = JSON.createObjectNode();
    body.set("batches", resourceSpans(OtlpProtobufEncoder.encode(trace.spans())));
    return bytes(body);
  }

  /** One hit of {@code GET /api/search} for this trace, as Tempo summarises it. */
  static byte[] searchHit(Trace trace) {
    return bytes(TempoSearchHit.of(trace, trace.spans(), 3));
  }

  /** A search answer made of hits already written by {@link #searchHit}, in the order given. */
  static byte[] searchAnswer(List<byte[]> hits, int inspected) {
    return Concat.join("{\"traces\":[", hits,
        "],\"metrics\":{\"inspectedTraces\":" + inspected + ",\"completedJobs\":1,\"totalJobs\":1}}");
  }

  private static ArrayNode resourceSpans(TracesData data) {
    ArrayNode out = JSON.createArrayNode();
    for (ResourceSpans resourceSpans : data.getResourceSpansList()) {
      ObjectNode rs = out.addObject();
      Resource resource = resourceSpans.getResource();
      rs.putObject("resource").set("attributes", attributes(resource.getAttributesList()));
      ArrayNode scopes = rs.putArray("scopeSpans");
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        ObjectNode scope = scopes.addObject();
        if (!scopeSpans.getScope().getName().isEmpty()) {
          scope.putObject("scope").put("name", scopeSpans.getScope().getName());
        }
        ArrayNode spans = scope.putArray("spans");
        scopeSpans.getSpansList().forEach(span -> spans.add(span(span)));
      }
    }
    return out;
  }

  private static ObjectNode span(io.opentelemetry.proto.trace.v1.Span span) {
    ObjectNode out = JSON.createObjectNode();
    out.put("traceId", base64(span.getTraceId()));
    out.put("spanId", base64(span.getSpanId()));
    if (!span.getParentSpanId().isEmpty()) {
      out.put("parentSpanId", base64(span.getParentSpanId()));
    }
    out.put("name", span.getName());
    if (span.getKindValue() != 0) {
      out.put("kind", span.getKind().name());
    }
    out.put("startTimeUnixNano", Long.toUnsignedString(span.getStartTimeUnixNano()));
    out.put("endTimeUnixNano", Long.toUnsignedString(span.getEndTimeUnixNano()));
    if (span.getAttributesCount() > 0) {
      out.set("attributes", attributes(span.getAttributesList()));
    }
    if (span.getEventsCount() > 0) {
      ArrayNode events = out.putArray("events");
      for (var event : span.getEventsList()) {
        ObjectNode e = events.addObject().put("timeUnixNano", Long.toUnsignedString(event.getTimeUnixNano()))
            .put("name", event.getName());
        if (event.getAttributesCount() > 0) {
          e.set("attributes", attributes(event.getAttributesList()));
        }
      }
    }
    if (span.getLinksCount() > 0) {
      ArrayNode links = out.putArray("links");
      for (var link : span.getLinksList()) {
        links.addObject().put("traceId", base64(link.getTraceId())).put("spanId", base64(link.getSpanId()))
            .set("attributes", attributes(link.getAttributesList()));
      }
    }
    ObjectNode status = out.putObject("status");
    if (span.getStatus().getCodeValue() != 0) {
      status.put("code", span.getStatus().getCode().name());
    }
    if (!span.getStatus().getMessage().isEmpty()) {
      status.put("message", span.getStatus().getMessage());
    }
    return out;
  }

  private static ArrayNode attributes(List<KeyValue> keyValues) {
    ArrayNode out = JSON.createArrayNode();
    for (KeyValue kv : keyValues) {
      ObjectNode attribute = out.addObject().put("key", kv.getKey());
      attribute.set("value", value(kv.getValue()));
    }
    return out;
  }

  private static ObjectNode value(AnyValue value) {
    ObjectNode out = JSON.createObjectNode();
    switch (value.getValueCase()) {
      case STRING_VALUE -> out.put("stringValue", value.getStringValue());
      case BOOL_VALUE -> out.put("boolValue", value.getBoolValue());
      case INT_VALUE -> out.put("intValue", Long.toString(value.getIntValue()));
      case DOUBLE_VALUE -> out.put("doubleValue", value.getDoubleValue());
      case BYTES_VALUE -> out.put("bytesValue", base64(value.getBytesValue()));
      case ARRAY_VALUE -> {
        ArrayNode values = out.putObject("arrayValue").putArray("values");
        value.getArrayValue().getValuesList().forEach(v -> values.add(value(v)));
      }
      case KVLIST_VALUE -> out.putObject("kvlistValue").set("values", attributes(value.getKvlistValue().getValuesList()));
      default -> { }
    }
    return out;
  }

  private static String base64(ByteString bytes) {
    return BASE64.encodeToString(bytes.toByteArray());
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
