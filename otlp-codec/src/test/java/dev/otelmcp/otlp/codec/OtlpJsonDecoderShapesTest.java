package dev.otelmcp.otlp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.domain.model.Span;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The envelopes producers wrap OTLP in, sequences of values, and payloads that are not OTLP at all. */
class OtlpJsonDecoderShapesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OtlpJsonDecoder decoder = new OtlpJsonDecoder();

  @Test
  void jsonLinesAsTheCollectorFileExporterWritesThemAreMerged() throws Exception {
    String lines = compact("fixtures/opentelemetry-proto/trace.json") + "\n"
        + compact("fixtures/jaeger/example_trace.json") + "\n";

    OtlpDecodeResult result = decoder.decode(lines);

    assertThat(result.spans()).hasSize(6);
    assertThat(result.traces()).extracting(t -> t.traceId())
        .containsExactlyInAnyOrder("5b8efff798038103d269b633813fc60c", "00000000000000000000000000000011");
  }

  @Test
  void concatenatedJaegerResultChunksAsTheOldGrpcGatewayStreamedThemAreMerged() throws Exception {
    String chunks = "{\"result\":" + compact("fixtures/jaeger/otlp2jaeger-in.json") + "}"
        + "{\"result\":" + compact("fixtures/opentelemetry-proto/trace.json") + "}";

    OtlpDecodeResult result = decoder.decode(chunks);

    assertThat(result.spans()).extracting(Span::spanId)
        .containsExactly("e127af99e3b3e074", "e127af99e3b3e074", "eee19b7ec3c1b174");
  }

  @Test
  void tempoV2TraceEnvelopeIsUnwrapped() throws Exception {
    String v2 = "{\"trace\":" + compact("fixtures/opentelemetry-proto/trace.json")
        + ",\"metrics\":{\"inspectedBytes\":\"1024\"},\"status\":\"COMPLETE\"}";

    assertThat(decoder.decode(v2).spans()).singleElement()
        .satisfies(span -> assertThat(span.spanId()).isEqualTo("eee19b7ec3c1b174"));
  }

  @Test
  void legacyInstrumentationLibrarySpansAreRead() {
    String legacy = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
        + "\"value\":{\"stringValue\":\"legacy-svc\"}}]},\"instrumentationLibrarySpans\":[{"
        + "\"instrumentationLibrary\":{\"name\":\"io.opentelemetry.jdbc\",\"version\":\"1.0\"},\"spans\":[{"
        + "\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"b7ad6b7169203331\",\"name\":\"SELECT\","
        + "\"kind\":\"SPAN_KIND_CLIENT\",\"startTimeUnixNano\":1000,\"endTimeUnixNano\":3000}]}]}]}";

    Span span = decoder.decode(legacy).spans().get(0);

    assertThat(span.serviceName()).isEqualTo("legacy-svc");
    assertThat(span.scopeName()).isEqualTo("io.opentelemetry.jdbc");
    assertThat(span.duration().toNanos()).isEqualTo(2000);
  }

  @Test
  void emptyEnvelopesDecodeToNoSpans() {
    assertThat(decoder.decode("{\"result\":{}}").spans()).isEmpty();
    assertThat(decoder.decode("{\"resourceSpans\":[]}").spans()).isEmpty();
    assertThat(decoder.decode("{}").spans()).isEmpty();
  }

  @Test
  void streamAndParsedTreeInputsGiveTheSameResult() throws Exception {
    String text = Fixtures.text("fixtures/jaeger/example_trace.json");
    JsonNode tree = JSON.readTree(text);

    OtlpDecodeResult fromString = decoder.decode(text);
    OtlpDecodeResult fromStream = decoder.decode(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    OtlpDecodeResult fromTree = decoder.decode(tree);

    assertThat(fromStream).isEqualTo(fromString);
    assertThat(fromTree).isEqualTo(fromString);
  }

  @Test
  void textThatIsNotJsonIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> decoder.decode("<html><body>502 Bad Gateway</body></html>"))
        .isInstanceOf(OtlpDecodingException.class)
        .hasMessageStartingWith("payload is not valid JSON")
        .hasMessageContaining("line 1");
  }

  @Test
  void truncatedJsonIsRejected() {
    assertThatThrownBy(() -> decoder.decode("{\"resourceSpans\":[{\"scopeSpans\":["))
        .isInstanceOf(OtlpDecodingException.class)
        .hasMessageStartingWith("payload is not valid JSON");
  }

  @Test
  void emptyPayloadIsRejected() {
    assertThatThrownBy(() -> decoder.decode("  \n"))
        .isInstanceOf(OtlpDecodingException.class)
        .hasMessageStartingWith("payload is empty");
  }

  @Test
  void jsonOfAnotherShapeIsRejectedNamingWhatWasFound() {
    assertThatThrownBy(() -> decoder.decode("{\"data\":[],\"errors\":null}"))
        .isInstanceOf(OtlpDecodingException.class)
        .hasMessageContaining("not an OTLP trace payload")
        .hasMessageContaining("[data, errors]");
    assertThatThrownBy(() -> decoder.decode("42"))
        .isInstanceOf(OtlpDecodingException.class)
        .hasMessageContaining("a JSON number");
    assertThatThrownBy(() -> decoder.decode("{\"resourceSpans\":\"none\"}"))
        .isInstanceOf(OtlpDecodingException.class);
  }

  @Test
  void aBadValueLaterInASequenceIsReportedByPosition() throws Exception {
    String lines = compact("fixtures/opentelemetry-proto/trace.json") + "\n{\"error\":{\"httpCode\":500}}\n";

    assertThatThrownBy(() -> decoder.decode(lines))
        .isInstanceOf(OtlpDecodingException.class)
        .hasMessageContaining("JSON value #2");
  }

  private static String compact(String resource) throws Exception {
    return JSON.writeValueAsString(JSON.readTree(Fixtures.text(resource)));
  }
}
