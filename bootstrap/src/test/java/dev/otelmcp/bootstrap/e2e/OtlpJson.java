package dev.otelmcp.bootstrap.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Domain spans back to OTLP/JSON, test side: as the spec and an OTLP exporter write it (hex ids, enum numbers,
 * {@code resourceSpans}), or as Tempo's gogo-jsonpb answers trace-by-id (base64 ids, enum names).
 */
final class OtlpJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final boolean tempo;

  private OtlpJson(boolean tempo) {
    this.tempo = tempo;
  }

  static OtlpJson spec() {
    return new OtlpJson(false);
  }

  static OtlpJson tempo() {
    return new OtlpJson(true);
  }

  /** {@code {"resourceSpans":[…]}}: one resource per service, one scope per scope name. */
  ObjectNode request(List<Span> spans) {
    ObjectNode root = JSON.objectNode();
    root.set("resourceSpans", resourceSpans(spans));
    return root;
  }

  ArrayNode resourceSpans(List<Span> spans) {
    Map<String, Map<String, List<Span>>> byResource = new LinkedHashMap<>();
    Map<String, Span> firstOf = new LinkedHashMap<>();
    for (Span span : spans) {
      String resource = span.serviceName() + "\u0000" + span.resource();
      firstOf.putIfAbsent(resource, span);
      byResource.computeIfAbsent(resource, k -> new LinkedHashMap<>())
          .computeIfAbsent(span.scopeName(), k -> new java.util.ArrayList<>()).add(span);
    }
    ArrayNode out = JSON.arrayNode();
    byResource.forEach((key, scopes) -> {
      Span first = firstOf.get(key);
      ObjectNode resourceSpans = out.addObject();
      Attributes.Builder resource = Attributes.builder().putAll(first.resource());
      if (!resource.containsKey("service.name")) {
        resource.put("service.name", first.serviceName());
      }
      resourceSpans.putObject("resource").set("attributes", attributes(resource.build()));
      ArrayNode scopeSpans = resourceSpans.putArray("scopeSpans");
      scopes.forEach((scope, list) -> {
        ObjectNode scopeNode = scopeSpans.addObject();
        scopeNode.putObject("scope").put("name", scope);
        ArrayNode spanNodes = scopeNode.putArray("spans");
        list.forEach(s -> spanNodes.add(span(s)));
      });
    });
    return out;
  }

  private ObjectNode span(Span span) {
    ObjectNode node = JSON.objectNode();
    node.put("traceId", id(span.traceId()));
    node.put("spanId", id(span.spanId()));
    if (span.parentSpanId() != null) {
      node.put("parentSpanId", id(span.parentSpanId()));
    }
    node.put("name", span.name());
    if (tempo) {
      node.put("kind", "SPAN_KIND_" + span.kind().name());
    } else {
      node.put("kind", span.kind().ordinal());
    }
    node.put("startTimeUnixNano", nanos(span.startTime()));
    node.put("endTimeUnixNano", nanos(span.endTime()));
    node.set("attributes", attributes(span.attributes()));
    ArrayNode events = node.putArray("events");
    for (SpanEvent event : span.events()) {
      ObjectNode e = events.addObject();
      e.put("timeUnixNano", nanos(event.time()));
      e.put("name", event.name());
      e.set("attributes", attributes(event.attributes()));
    }
    ObjectNode status = node.putObject("status");
    if (span.status().code() != StatusCode.UNSET) {
      if (tempo) {
        status.put("code", "STATUS_CODE_" + span.status().code().name());
      } else {
        status.put("code", span.status().code() == StatusCode.OK ? 1 : 2);
      }
    }
    if (!span.status().message().isEmpty()) {
      status.put("message", span.status().message());
    }
    return node;
  }

  /** Hex as the spec writes ids, base64 of the bytes as Tempo does. */
  private String id(String hex) {
    return tempo ? Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)) : hex;
  }

  static String nanos(Instant time) {
    return java.math.BigInteger.valueOf(time.getEpochSecond()).multiply(java.math.BigInteger.valueOf(1_000_000_000L))
        .add(java.math.BigInteger.valueOf(time.getNano())).toString();
  }

  static ArrayNode attributes(Attributes attributes) {
    ArrayNode out = JSON.arrayNode();
    attributes.asMap().forEach((key, value) -> {
      ObjectNode kv = out.addObject();
      kv.put("key", key);
      kv.set("value", anyValue(value));
    });
    return out;
  }

  static ObjectNode anyValue(AttributeValue value) {
    ObjectNode node = JSON.objectNode();
    if (value instanceof AttributeValue.StringValue s) {
      node.put("stringValue", s.value());
    } else if (value instanceof AttributeValue.LongValue l) {
      node.put("intValue", Long.toString(l.value()));
    } else if (value instanceof AttributeValue.DoubleValue d) {
      node.put("doubleValue", d.value());
    } else if (value instanceof AttributeValue.BooleanValue b) {
      node.put("boolValue", b.value());
    } else if (value instanceof AttributeValue.BytesValue b) {
      node.put("bytesValue", b.base64());
    } else if (value instanceof AttributeValue.ArrayValue a) {
      ArrayNode values = node.putObject("arrayValue").putArray("values");
      a.values().forEach(v -> values.add(anyValue(v)));
    } else if (value instanceof AttributeValue.MapValue m) {
      ArrayNode values = node.putObject("kvlistValue").putArray("values");
      m.values().forEach((k, v) -> values.addObject().put("key", k).set("value", anyValue(v)));
    }
    return node;
  }

}
