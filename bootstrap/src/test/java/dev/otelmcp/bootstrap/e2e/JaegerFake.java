package dev.otelmcp.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Jaeger query service (classic {@code /api}) answering from a span list, as Jaeger v2 does over its OTLP
 * translator: services, a service's operations, trace search (service, operation, tags on one span, span start in
 * {@code start..end} µs, newest traces first, at most {@code limit}) and trace by id, every trace whole in the UI
 * model — typed tags, a process per service, {@code CHILD_OF} references, times in microseconds.
 */
final class JaegerFake implements ResponseDefinitionTransformerV2 {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Trace> traces;

  JaegerFake(List<Trace> traces) {
    this.traces = traces.stream().sorted(Comparator.comparing(Trace::startTime).reversed()).toList();
  }

  @Override
  public String getName() {
    return "jaeger-fake";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String path = URLDecoder.decode(request.getUrl().replaceFirst("\\?.*", ""), StandardCharsets.UTF_8);
    if (path.equals("/api/services")) {
      TreeSet<String> services = new TreeSet<>();
      traces.forEach(t -> t.spans().forEach(s -> services.add(s.serviceName())));
      return envelope(JSON.valueToTree(services), services.size());
    }
    if (path.equals("/api/operations")) {
      String service = request.queryParameter("service").firstValue();
      TreeMap<String, String> kinds = new TreeMap<>();
      traces.forEach(t -> t.spans().stream().filter(s -> s.serviceName().equals(service))
          .forEach(s -> kinds.putIfAbsent(s.name(), s.kind() == SpanKind.UNSPECIFIED ? "" : s.kind().name().toLowerCase(Locale.ROOT))));
      ArrayNode data = JSON.createArrayNode();
      kinds.forEach((name, kind) -> data.addObject().put("name", name).put("spanKind", kind));
      return envelope(data, kinds.size());
    }
    if (path.startsWith("/api/services/") && path.endsWith("/operations")) {
      String service = path.substring("/api/services/".length(), path.length() - "/operations".length());
      TreeSet<String> names = new TreeSet<>();
      traces.forEach(t -> t.spans().stream().filter(s -> s.serviceName().equals(service)).forEach(s -> names.add(s.name())));
      return envelope(JSON.valueToTree(names), names.size());
    }
    if (path.equals("/api/traces")) {
      return search(request);
    }
    if (path.startsWith("/api/traces/")) {
      String id = path.substring("/api/traces/".length());
      for (Trace trace : traces) {
        if (trace.traceId().equals(id)) {
          ArrayNode data = JSON.createArrayNode().add(trace(trace));
          return envelope(data, 0);
        }
      }
      return ResponseDefinitionBuilder.responseDefinition().withStatus(404)
          .withHeader("Content-Type", "text/plain; charset=utf-8")
          .withBody("{\"data\":null,\"total\":0,\"limit\":0,\"offset\":0,\"errors\":[{\"code\":404,\"msg\":\"trace not found\"}]}\n")
          .build();
    }
    return ResponseDefinitionBuilder.responseDefinition().withStatus(404).withBody("404 page not found\n").build();
  }

  private ResponseDefinition search(Request request) {
    String service = param(request, "service");
    String operation = param(request, "operation");
    long start = Long.parseLong(param(request, "start"));
    long end = Long.parseLong(param(request, "end"));
    int limit = param(request, "limit") == null ? 100 : Integer.parseInt(param(request, "limit"));
    Map<String, String> tags = new LinkedHashMap<>();
    String tagsJson = param(request, "tags");
    if (tagsJson != null) {
      try {
        JSON.readTree(tagsJson).fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(e);
      }
    }
    if (param(request, "minDuration") != null || param(request, "maxDuration") != null) {
      throw new IllegalStateException("this fake does not filter durations: " + request.getUrl());
    }
    ArrayNode data = JSON.createArrayNode();
    for (Trace trace : traces) {
      if (data.size() >= limit) {
        break;
      }
      boolean hit = trace.spans().stream().anyMatch(s -> s.serviceName().equals(service)
          && (operation == null || operation.equals(s.name()))
          && micros(s.startTime()) >= start && micros(s.startTime()) <= end
          && tags.entrySet().stream().allMatch(t -> tagText(s, t.getKey()).equals(t.getValue())));
      if (hit) {
        data.add(trace(trace));
      }
    }
    return envelope(data, 0);
  }

  /** A tag's value as Jaeger compares it: the text of the typed tag (span tags, then the process's). */
  private static String tagText(Span span, String key) {
    for (JsonNode tag : spanTags(span)) {
      if (tag.path("key").asText().equals(key)) {
        return tag.path("value").asText();
      }
    }
    return span.resource().get(key).map(AttributeValue::asText).orElse("\u0000absent");
  }

  private static String param(Request request, String name) {
    QueryParameter p = request.queryParameter(name);
    return p == null || !p.isPresent() ? null : p.firstValue();
  }

  private static ResponseDefinition envelope(JsonNode data, int total) {
    ObjectNode body = JSON.createObjectNode();
    body.set("data", data);
    body.put("total", total).put("limit", 0).put("offset", 0).putNull("errors");
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
  }

  static ObjectNode trace(Trace trace) {
    ObjectNode node = JSON.createObjectNode();
    node.put("traceID", trace.traceId());
    ArrayNode spans = node.putArray("spans");
    ObjectNode processes = node.putObject("processes");
    Map<String, String> processIds = new LinkedHashMap<>();
    for (Span span : trace.spans()) {
      String key = span.serviceName() + "\u0000" + span.resource();
      String processId = processIds.computeIfAbsent(key, k -> "p" + (processIds.size() + 1));
      if (!processes.has(processId)) {
        ObjectNode process = processes.putObject(processId);
        process.put("serviceName", span.serviceName());
        ArrayNode tags = process.putArray("tags");
        span.resource().asMap().forEach((k, v) -> {
          if (!k.equals("service.name")) {
            tags.add(JaegerTags.tag(k, v));
          }
        });
      }
      spans.add(span(span, processId));
    }
    node.putNull("warnings");
    return node;
  }

  private static ObjectNode span(Span span, String processId) {
    ObjectNode node = JSON.createObjectNode();
    node.put("traceID", span.traceId());
    node.put("spanID", span.spanId());
    node.put("operationName", span.name());
    ArrayNode references = node.putArray("references");
    if (span.parentSpanId() != null) {
      references.addObject().put("refType", "CHILD_OF").put("traceID", span.traceId()).put("spanID", span.parentSpanId());
    }
    node.put("startTime", micros(span.startTime()));
    node.put("duration", span.duration().toNanos() / 1000);
    node.set("tags", spanTags(span));
    ArrayNode logs = node.putArray("logs");
    for (SpanEvent event : span.events()) {
      ObjectNode log = logs.addObject();
      log.put("timestamp", micros(event.time()));
      ArrayNode fields = log.putArray("fields");
      fields.add(JaegerTags.tag("event", AttributeValue.of(event.name())));
      event.attributes().asMap().forEach((k, v) -> fields.add(JaegerTags.tag(k, v)));
    }
    node.put("processID", processId);
    node.putNull("warnings");
    return node;
  }

  /** The span's attributes plus the tags the OTLP translator adds for scope, kind and status. */
  static ArrayNode spanTags(Span span) {
    ArrayNode tags = JSON.createArrayNode();
    if (!span.scopeName().isEmpty()) {
      tags.add(JaegerTags.tag("otel.scope.name", AttributeValue.of(span.scopeName())));
    }
    span.attributes().asMap().forEach((k, v) -> tags.add(JaegerTags.tag(k, v)));
    if (span.kind() != SpanKind.UNSPECIFIED) {
      tags.add(JaegerTags.tag("span.kind", AttributeValue.of(span.kind().wireName())));
    }
    if (span.status().code() != StatusCode.UNSET) {
      tags.add(JaegerTags.tag("otel.status_code", AttributeValue.of(span.status().code().name())));
    }
    if (span.status().code() == StatusCode.ERROR) {
      tags.add(JaegerTags.tag("error", AttributeValue.of(true)));
    }
    if (!span.status().message().isEmpty()) {
      tags.add(JaegerTags.tag("otel.status_description", AttributeValue.of(span.status().message())));
    }
    return tags;
  }


  static long micros(Instant time) {
    return time.getEpochSecond() * 1_000_000L + time.getNano() / 1000;
  }

}
