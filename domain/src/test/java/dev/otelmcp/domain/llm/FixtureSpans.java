package dev.otelmcp.domain.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Real spans from the fixtures, turned into domain spans the plain way (no adapter involved): flat
 * attribute maps (OpenInference / OTel GenAI samples), a Jaeger UI-model trace, a Tempo OTLP/JSON trace
 * and a Traceloop API trace whose attribute values are all strings.
 */
final class FixtureSpans {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private FixtureSpans() {}

  /** A span carrying one of the flat attribute maps in fixtures/openinference/. */
  static Span flat(String file) {
    JsonNode node = read(text("fixtures/openinference/" + file));
    Attributes.Builder attributes = Attributes.builder();
    node.properties().forEach(e -> attributes.put(e.getKey(), typed(e.getValue())));
    return Span.builder().traceId("1").spanId("1").name(file).startTime(T0).attributes(attributes.build()).build();
  }

  /** fixtures/jaeger-ui/genaiTestTrace.json: Jaeger's UI model, typed tags. */
  static Trace jaegerGenAiTrace() {
    JsonNode trace = read(text("fixtures/jaeger-ui/genaiTestTrace.json"));
    List<Span> spans = new ArrayList<>();
    for (JsonNode span : trace.path("spans")) {
      Attributes.Builder attributes = Attributes.builder();
      boolean error = false;
      for (JsonNode tag : span.path("tags")) {
        if (tag.path("key").asText().equals("error")) {
          error = tag.path("value").asBoolean();
          continue;
        }
        attributes.put(tag.path("key").asText(), typed(tag.path("value")));
      }
      JsonNode reference = span.path("references").path(0);
      spans.add(Span.builder()
          .traceId(span.path("traceID").asText())
          .spanId(span.path("spanID").asText())
          .parentSpanId(reference.isMissingNode() ? null : reference.path("spanID").asText())
          .name(span.path("operationName").asText())
          .serviceName(trace.path("processes").path(span.path("processID").asText()).path("serviceName").asText())
          .startTime(micros(span.path("startTime").asLong()))
          .duration(Duration.ofNanos(span.path("duration").asLong() * 1000))
          .status(error ? SpanStatus.error("") : SpanStatus.UNSET)
          .attributes(attributes.build())
          .build());
    }
    return new Trace(trace.path("traceID").asText(), spans);
  }

  /** The OpenLLMetry trace Tempo returned (base64 ids, OTLP typed values) in a recorded get-trace call. */
  static Trace tempoOpenLlmetryTrace() {
    JsonNode body = recordedAnswer("fixtures/cassettes/tempo/TestTempoGetTrace.test_get_trace_by_id.yaml",
        uri -> uri.contains("/api/traces/"));
    List<Span> spans = new ArrayList<>();
    for (JsonNode batch : body.path("batches")) {
      String service = "";
      for (JsonNode kv : batch.path("resource").path("attributes")) {
        if (kv.path("key").asText().equals("service.name")) {
          service = kv.path("value").path("stringValue").asText();
        }
      }
      for (JsonNode scope : batch.path("scopeSpans")) {
        for (JsonNode span : scope.path("spans")) {
          Attributes.Builder attributes = Attributes.builder();
          for (JsonNode kv : span.path("attributes")) {
            attributes.put(kv.path("key").asText(), otlp(kv.path("value")));
          }
          long start = Long.parseLong(span.path("startTimeUnixNano").asText());
          long end = Long.parseLong(span.path("endTimeUnixNano").asText());
          spans.add(Span.builder()
              .traceId(Ids.traceId(span.path("traceId").asText()))
              .spanId(Ids.spanId(span.path("spanId").asText()))
              .parentSpanId(span.path("parentSpanId").isMissingNode() ? null : Ids.spanId(span.path("parentSpanId").asText()))
              .name(span.path("name").asText())
              .serviceName(service)
              .startTime(Instant.ofEpochSecond(0, start))
              .duration(Duration.ofNanos(end - start))
              .status(StatusCode.parse(span.path("status").path("code").asText()).map(c -> new SpanStatus(c, "")).orElse(null))
              .attributes(attributes.build())
              .build());
        }
      }
    }
    return new Trace(spans.get(0).traceId(), spans);
  }

  /** The trace the Traceloop API returned: every attribute value a string ("953", "0.700000"). */
  static Trace traceloopTrace() {
    JsonNode body = recordedAnswer("fixtures/cassettes/traceloop/TestTraceloopGetTrace.test_get_trace_by_id.yaml",
        uri -> uri.replaceFirst("\\?.*", "").endsWith("/spans"));
    List<Span> spans = new ArrayList<>();
    for (JsonNode span : body.path("spans")) {
      Attributes.Builder attributes = Attributes.builder();
      span.path("span_attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
      spans.add(Span.builder()
          .traceId(span.path("trace_id").asText())
          .spanId(span.path("span_id").asText())
          .parentSpanId(span.path("parent_span_id").asText())
          .name(span.path("span_name").asText())
          .startTime(Instant.ofEpochMilli(span.path("timestamp").asLong()))
          .duration(Duration.ofMillis(span.path("duration").asLong()))
          .attributes(attributes.build())
          .build());
    }
    return new Trace(spans.get(0).traceId(), spans);
  }

  private static AttributeValue typed(JsonNode value) {
    if (value.isIntegralNumber()) {
      return AttributeValue.of(value.asLong());
    }
    if (value.isNumber()) {
      return AttributeValue.of(value.asDouble());
    }
    if (value.isBoolean()) {
      return AttributeValue.of(value.asBoolean());
    }
    if (value.isArray()) {
      List<AttributeValue> items = new ArrayList<>();
      value.forEach(item -> items.add(typed(item)));
      return AttributeValue.ofList(items);
    }
    return AttributeValue.of(value.asText());
  }

  private static AttributeValue otlp(JsonNode value) {
    if (value.has("intValue")) {
      return AttributeValue.of(Long.parseLong(value.path("intValue").asText()));
    }
    if (value.has("doubleValue")) {
      return AttributeValue.of(value.path("doubleValue").asDouble());
    }
    if (value.has("boolValue")) {
      return AttributeValue.of(value.path("boolValue").asBoolean());
    }
    if (value.has("arrayValue")) {
      List<AttributeValue> items = new ArrayList<>();
      value.path("arrayValue").path("values").forEach(item -> items.add(otlp(item)));
      return AttributeValue.ofList(items);
    }
    return AttributeValue.of(value.path("stringValue").asText());
  }

  private static Instant micros(long micros) {
    return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
  }

  /**
   * The body of the first recorded answer whose request URI passes the test, read straight from the cassette's
   * YAML (the domain cannot use the TCK's replay helpers: the TCK depends on the domain).
   */
  private static JsonNode recordedAnswer(String cassette, Predicate<String> requestUri) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(text(cassette));
      for (JsonNode interaction : root.path("interactions")) {
        if (requestUri.test(interaction.path("request").path("uri").asText())) {
          return read(interaction.path("response").path("body").path("string").asText());
        }
      }
      throw new IllegalArgumentException("no such request recorded in " + cassette);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String resource) {
    try (InputStream in = FixtureSpans.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
