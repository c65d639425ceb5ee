package dev.otelmcp.bootstrap.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelmcp.bootstrap.e2e.JaegerTags;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanLink;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Jaeger's classic {@code /api} JSON (the UI model) for generated traces, as Jaeger v2 writes it for OTLP data:
 * times in microseconds, ids in hex without leading zeros (trace ids), the OTLP fields that have no place in the model
 * as tags ({@code span.kind}, {@code otel.status_code}, {@code error}, {@code otel.scope.name}), events as logs with
 * the name in {@code event}, links as {@code FOLLOWS_FROM} references, arrays and maps as JSON text, one process per
 * resource.
 */
final class JaegerBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JaegerBodies() {}

  /** One element of {@code data}: a whole trace. */
  static byte[] trace(Trace trace) {
    ObjectNode out = JSON.createObjectNode();
    out.put("traceID", trace.traceId().replaceFirst("^0+(?=.)", ""));
    ArrayNode spans = out.putArray("spans");
    Map<Attributes, String> processes = new LinkedHashMap<>();
    for (Span span : trace.spans()) {
      String process = processes.computeIfAbsent(span.resource(), r -> "p" + (processes.size() + 1));
      spans.add(span(span, process));
    }
    ObjectNode byId = out.putObject("processes");
    processes.forEach((resource, id) -> {
      ObjectNode process = byId.putObject(id);
      process.put("serviceName", resource.getText("service.name").orElse("unknown_service"));
      Attributes.Builder rest = Attributes.builder().putAll(resource).remove("service.name");
      process.set("tags", tags(rest.build()));
    });
    out.putNull("warnings");
    return bytes(out);
  }

  /** {@code {"data":[…],"total":n,…}} around trace elements already written by {@link #trace}. */
  static byte[] envelope(List<byte[]> elements) {
    return Concat.join("{\"data\":[", elements, "],\"total\":" + elements.size()
        + ",\"limit\":0,\"offset\":0,\"errors\":null}");
  }

  /** {@code /api/services}. */
  static byte[] services(List<String> names) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode data = out.putArray("data");
    names.forEach(data::add);
    out.put("total", names.size()).put("limit", 0).put("offset", 0).putNull("errors");
    return bytes(out);
  }

  private static ObjectNode span(Span span, String process) {
    ObjectNode out = JSON.createObjectNode();
    out.put("traceID", span.traceId().replaceFirst("^0+(?=.)", ""));
    out.put("spanID", span.spanId());
    out.put("operationName", span.name());
    ArrayNode references = out.putArray("references");
    span.parent().ifPresent(parent -> references.addObject().put("refType", "CHILD_OF")
        .put("traceID", span.traceId()).put("spanID", parent));
    for (SpanLink link : span.links()) {
      references.addObject().put("refType", "FOLLOWS_FROM").put("traceID", link.traceId()).put("spanID", link.spanId());
    }
    out.put("startTime", micros(span.startTime()));
    out.put("duration", span.duration().toNanos() / 1_000);
    Attributes.Builder tags = Attributes.builder().putAll(span.attributes());
    if (span.kind() != SpanKind.UNSPECIFIED) {
      tags.put("span.kind", span.kind().name().toLowerCase(Locale.ROOT));
    }
    if (span.status().code() != StatusCode.UNSET) {
      tags.put("otel.status_code", span.status().code().name());
    }
    if (span.status().code() == StatusCode.ERROR) {
      tags.put("error", AttributeValue.of(true));
    }
    if (!span.status().message().isEmpty()) {
      tags.put("otel.status_description", span.status().message());
    }
    if (!span.scopeName().isEmpty()) {
      tags.put("otel.scope.name", span.scopeName());
    }
    out.set("tags", tags(tags.build()));
    ArrayNode logs = out.putArray("logs");
    for (SpanEvent event : span.events()) {
      ObjectNode log = logs.addObject().put("timestamp", micros(event.time()));
      ArrayNode fields = tags(event.attributes());
      fields.insertObject(0).put("key", "event").put("type", "string").put("value", event.name());
      log.set("fields", fields);
    }
    out.put("processID", process);
    out.putNull("warnings");
    return out;
  }

  private static ArrayNode tags(Attributes attributes) {
    ArrayNode out = JSON.createArrayNode();
    attributes.asMap().forEach((key, value) -> out.add(JaegerTags.tag(key, value)));
    return out;
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
