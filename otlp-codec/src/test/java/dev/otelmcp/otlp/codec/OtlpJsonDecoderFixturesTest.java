package dev.otelmcp.otlp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.tck.Cassette;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The codec against real OTLP/JSON as the spec, Jaeger, Jaeger UI and Tempo publish or send it. */
class OtlpJsonDecoderFixturesTest {

  private final OtlpJsonDecoder decoder = new OtlpJsonDecoder();

  @Test
  void specExampleDecodesEveryField() {
    OtlpDecodeResult result = decoder.decode(Fixtures.text("fixtures/opentelemetry-proto/trace.json"));

    assertThat(result.isLossy()).isFalse();
    assertThat(result.spans()).hasSize(1);
    Span span = result.spans().get(0);
    // The example spells ids in upper case; the domain wants lower-case hex.
    assertThat(span.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(span.spanId()).isEqualTo("eee19b7ec3c1b174");
    assertThat(span.parentSpanId()).isEqualTo("eee19b7ec3c1b173");
    assertThat(span.name()).isEqualTo("I'm a server span");
    assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.serviceName()).isEqualTo("my.service");
    assertThat(span.scopeName()).isEqualTo("my.library");
    assertThat(span.startTime()).isEqualTo(Instant.parse("2018-12-13T14:51:00Z"));
    assertThat(span.duration()).isEqualTo(Duration.ofSeconds(1));
    assertThat(span.status().code()).isEqualTo(StatusCode.UNSET);
    assertThat(span.attributes()).isEqualTo(Attributes.ofPairs("my.span.attr", "some value"));
    assertThat(span.resource()).isEqualTo(Attributes.ofPairs("service.name", "my.service"));
    assertThat(span.events()).isEmpty();
    assertThat(span.links()).isEmpty();
  }

  @Test
  void tempoBatchesExampleDecodesLikeTheSpecExample() {
    OtlpDecodeResult tempo = decoder.decode(Fixtures.text("fixtures/tempo/trace.json"));
    OtlpDecodeResult spec = decoder.decode(Fixtures.text("fixtures/opentelemetry-proto/trace.json"));

    assertThat(tempo.spans()).hasSize(1).isEqualTo(spec.spans());
  }

  @Test
  void jaegerStorageExampleKeepsEachResourceWithItsSpans() {
    OtlpDecodeResult result = decoder.decode(Fixtures.text("fixtures/jaeger/example_trace.json"));

    assertThat(result.isLossy()).isFalse();
    Map<String, Span> byId = result.spans().stream().collect(Collectors.toMap(Span::spanId, Function.identity()));
    assertThat(byId).containsOnlyKeys("0000000000000004", "0000000000000005", "0000000000000003",
        "0000000000000006", "0000000000000007");
    assertThat(byId.get("0000000000000004").serviceName()).isEqualTo("example-service-2");
    assertThat(byId.get("0000000000000005").serviceName()).isEqualTo("example-service-3");
    assertThat(byId.get("0000000000000003").serviceName()).isEqualTo("example-service-1");
    assertThat(byId.get("0000000000000003").kind()).isEqualTo(SpanKind.UNSPECIFIED);
    assertThat(byId.get("0000000000000006").kind()).isEqualTo(SpanKind.SERVER);
    assertThat(byId.get("0000000000000007").kind()).isEqualTo(SpanKind.CLIENT);
    Span span = byId.get("0000000000000007");
    assertThat(span.traceId()).isEqualTo("00000000000000000000000000000011");
    assertThat(span.name()).isEqualTo("example-operation-4");
    assertThat(span.isRoot()).isTrue();
    assertThat(span.scopeName()).isEmpty();
    assertThat(span.startTime()).isEqualTo(Instant.parse("2017-01-26T16:46:31.639875Z"));
    assertThat(span.duration()).isEqualTo(Duration.ofNanos(100_000));
    // Events without a name or attributes are still events.
    assertThat(span.events()).hasSize(2).allSatisfy(event -> {
      assertThat(event.name()).isEmpty();
      assertThat(event.time()).isEqualTo(Instant.parse("2017-01-26T16:46:31.639875Z"));
      assertThat(event.attributes().isEmpty()).isTrue();
    });
    List<Trace> traces = result.traces();
    assertThat(traces).hasSize(1);
    assertThat(traces.get(0).services())
        .containsExactly("example-service-1", "example-service-2", "example-service-3");
  }

  @Test
  void jaegerTransformInputHoldsTheSameSpanTwice() {
    OtlpDecodeResult result = decoder.decode(Fixtures.text("fixtures/jaeger/otlp2jaeger-in.json"));

    assertThat(result.spans()).hasSize(2);
    Span span = result.spans().get(0);
    assertThat(span).isEqualTo(result.spans().get(1));
    assertThat(span.traceId()).isEqualTo("83a9efd15c1c98a977e0711cc93ee28b");
    assertThat(span.spanId()).isEqualTo("e127af99e3b3e074");
    assertThat(span.parentSpanId()).isEqualTo("909541b92cf05311");
    assertThat(span.serviceName()).isEqualTo("telemetrygen");
    assertThat(span.scopeName()).isEqualTo("telemetrygen");
    assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.startTime()).isEqualTo(Instant.parse("2024-01-31T05:28:29.209712Z"));
    assertThat(span.duration()).isEqualTo(Duration.ofNanos(123_000));
    assertThat(span.attributes())
        .isEqualTo(Attributes.ofPairs("net.peer.ip", "1.2.3.4", "peer.service", "telemetrygen-client"));
    // Grouping keeps a span id once per trace.
    assertThat(result.traces()).singleElement().satisfies(trace -> assertThat(trace.spans()).hasSize(1));
  }

  @Test
  void resourceWithoutServiceNameGivesTheUnknownService() {
    OtlpDecodeResult result = decoder.decode(Fixtures.text("fixtures/jaeger-ui/otlp2jaeger-in-error.json"));

    assertThat(result.spans()).singleElement().satisfies(span -> {
      assertThat(span.serviceName()).isEqualTo(Span.UNKNOWN_SERVICE);
      assertThat(span.resource().isEmpty()).isTrue();
      assertThat(span.spanId()).isEqualTo("e127af99e3b3e074");
    });
  }

  @Test
  void jaegerApiV3SnapshotsUnwrapTheResultEnvelope() {
    for (String file : List.of("FindTraces.json", "GetTrace.json")) {
      OtlpDecodeResult result = decoder.decode(Fixtures.text("fixtures/jaeger/api_v3_snapshots/" + file));

      assertThat(result.spans()).as(file).singleElement().satisfies(span -> {
        assertThat(span.traceId()).isEqualTo("00000000000000000000000000000001");
        assertThat(span.spanId()).isEqualTo("0000000000000002");
        assertThat(span.name()).isEqualTo("foobar");
        assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
        assertThat(span.status().message()).isEmpty();
        // pdata omits zero values: no times means the epoch and no duration.
        assertThat(span.startTime()).isEqualTo(Instant.EPOCH);
        assertThat(span.duration()).isEqualTo(Duration.ZERO);
        assertThat(span.serviceName()).isEqualTo(Span.UNKNOWN_SERVICE);
      });
    }
  }

  @Test
  void realTempoResponseWithBase64IdsAndEnumNames() {
    String body = Cassette.load("cassettes/tempo/TestTempoGetTrace.test_get_trace_by_id.yaml")
        .findByPath("/api/traces/42ff472d7feb6215bec0cf4e350675b2").responseBody();

    OtlpDecodeResult result = decoder.decode(body);

    assertThat(result.isLossy()).isFalse();
    assertThat(result.spans()).hasSize(10)
        .allSatisfy(span -> {
          assertThat(span.traceId()).isEqualTo("42ff472d7feb6215bec0cf4e350675b2");
          assertThat(span.serviceName()).isEqualTo("travel-agent-demo");
          assertThat(span.resource()).isEqualTo(Attributes.ofPairs(
              "telemetry.sdk.language", "python", "telemetry.sdk.name", "opentelemetry",
              "telemetry.sdk.version", "1.38.0", "service.name", "travel-agent-demo"));
        });
    Map<String, Span> byId = result.spans().stream().collect(Collectors.toMap(Span::spanId, Function.identity()));

    Span root = byId.get("8bd834d89ba9563a");
    assertThat(root.name()).isEqualTo("Agent Workflow");
    assertThat(root.isRoot()).isTrue();
    assertThat(root.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(root.status().code()).isEqualTo(StatusCode.OK);
    assertThat(root.scopeName()).isEqualTo("opentelemetry.instrumentation.openai_agents");
    assertThat(root.startTime()).isEqualTo(Instant.parse("2025-11-13T13:56:27.232503Z"));
    assertThat(root.duration()).isEqualTo(Duration.ofNanos(1763042197342213000L - 1763042187232503000L));

    Span llm = byId.get("34fcf1bb3fafa39e");
    assertThat(llm.name()).isEqualTo("openai.response");
    assertThat(llm.parentSpanId()).isEqualTo("a94b4056fdcc5ab8");
    assertThat(llm.attributes().size()).isEqualTo(45);
    assertThat(llm.attributes().get("gen_ai.usage.prompt_tokens")).contains(AttributeValue.of(313L));
    assertThat(llm.attributes().get("gen_ai.usage.completion_tokens")).contains(AttributeValue.of(81L));
    assertThat(llm.attributes().get("llm.usage.total_tokens")).contains(AttributeValue.of(394L));
    assertThat(llm.attributes().get("gen_ai.request.temperature")).contains(AttributeValue.of(1.0));
    assertThat(llm.attributes().get("gen_ai.system")).contains(AttributeValue.of("openai"));

    Span tool = byId.get("9ddb5a1b0d8ee3bc");
    assertThat(tool.name()).isEqualTo("get_destination_info.tool");
    assertThat(tool.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(tool.attributes().get("gen_ai.completion.tool.strict_json_schema")).contains(AttributeValue.of(true));

    Span http = byId.get("82f8ce5fd5ca9c84");
    assertThat(http.name()).isEqualTo("GET");
    assertThat(http.parentSpanId()).isEqualTo("9ddb5a1b0d8ee3bc");
    assertThat(http.scopeName()).isEqualTo("opentelemetry.instrumentation.requests");
    // Tempo omits default values: "status":{} is UNSET.
    assertThat(http.status().code()).isEqualTo(StatusCode.UNSET);
    assertThat(http.attributes().get("http.status_code")).contains(AttributeValue.of(200L));

    List<Trace> traces = result.traces();
    assertThat(traces).singleElement().satisfies(trace -> {
      assertThat(trace.root().spanId()).isEqualTo("8bd834d89ba9563a");
      assertThat(trace.spanCount()).isEqualTo(10);
    });
  }
}
