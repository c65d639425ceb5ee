package dev.otelmcp.otlp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.google.protobuf.ByteString;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanLink;
import dev.otelmcp.domain.model.SpanStatus;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpProtobufCodecTest {

  private final OtlpProtobufDecoder decoder = new OtlpProtobufDecoder();

  @Test
  void jsonFixturesSurviveTheRoundTripThroughProtobufUnchanged() {
    for (String fixture : List.of("fixtures/opentelemetry-proto/trace.json", "fixtures/jaeger/otlp2jaeger-in.json",
        "fixtures/tempo/trace.json", "fixtures/jaeger/example_trace.json")) {
      List<Span> fromJson = new OtlpJsonDecoder().decode(Fixtures.text(fixture)).spans();
      byte[] protobuf = OtlpProtobufEncoder.encode(fromJson).toByteArray();

      OtlpDecodeResult back = decoder.decode(protobuf);

      assertThat(fromJson).as(fixture).isNotEmpty();
      assertThat(back.spans()).as(fixture).isEqualTo(fromJson);
      assertThat(back.isLossy()).isFalse();
    }
  }

  @Test
  void everyAttributeTypeEventLinkKindAndStatusRoundTrips() {
    Attributes resource = Attributes.ofPairs("service.name", "svc", "host.cores", 8);
    Span span = Span.builder()
        .traceId("0af7651916cd43dd8448eb211c80319c").spanId("b7ad6b7169203331").parentSpanId("00f067aa0ba902b7")
        .name("openai.chat").serviceName("svc").kind(SpanKind.CLIENT)
        .startTime(Instant.parse("2026-11-22T10:00:00.123456789Z")).duration(Duration.ofNanos(987_654_321))
        .status(SpanStatus.error("429 Too Many Requests"))
        .attributes(Attributes.builder()
            .put("s", AttributeValue.of("text")).put("l", AttributeValue.of(-42L)).put("d", AttributeValue.of(0.25))
            .put("b", AttributeValue.of(true)).put("bytes", new AttributeValue.BytesValue("AQID"))
            .put("arr", AttributeValue.ofList(List.of(AttributeValue.of("a"), AttributeValue.of(1L))))
            .put("map", new AttributeValue.MapValue(Map.of("k", AttributeValue.of("v"))))
            .build())
        .resource(resource)
        .events(List.of(new SpanEvent("exception", Instant.parse("2026-11-22T10:00:01Z"),
            Attributes.ofPairs("exception.type", "RateLimitError"))))
        .links(List.of(new SpanLink("1af7651916cd43dd8448eb211c80319c", "c7ad6b7169203331", Attributes.empty())))
        .scopeName("@traceloop/instrumentation-openai")
        .build();

    assertThat(decoder.decode(OtlpProtobufEncoder.encode(List.of(span)).toByteArray()).spans()).containsExactly(span);
  }

  @Test
  void anExportRequestAndTracesDataShareTheWireFormat() {
    Span span = new OtlpJsonDecoder().decode(Fixtures.text("fixtures/opentelemetry-proto/trace.json")).spans().get(0);
    TracesData data = OtlpProtobufEncoder.encode(List.of(span));
    byte[] request = ExportTraceServiceRequest.newBuilder().addAllResourceSpans(data.getResourceSpansList()).build()
        .toByteArray();

    assertThat(decoder.decode(request).spans()).containsExactly(span);
  }

  @Test
  void spansWithIdsOfTheWrongLengthOrAllZerosAreSkippedAndCounted() {
    TracesData good = OtlpProtobufEncoder.encode(
        new OtlpJsonDecoder().decode(Fixtures.text("fixtures/opentelemetry-proto/trace.json")).spans());
    io.opentelemetry.proto.trace.v1.Span valid = good.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    TracesData mixed = TracesData.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .mergeFrom(good.getResourceSpans(0)).clearScopeSpans()
        .addScopeSpans(ScopeSpans.newBuilder()
            .addSpans(valid)
            .addSpans(valid.toBuilder().setTraceId(ByteString.copyFrom(new byte[3])))
            .addSpans(valid.toBuilder().setSpanId(ByteString.EMPTY))
            .addSpans(valid.toBuilder().setParentSpanId(ByteString.copyFrom(new byte[5])))
            .addSpans(valid.toBuilder().setTraceId(ByteString.copyFrom(new byte[8])))
            .addSpans(valid.toBuilder().setTraceId(ByteString.copyFrom(new byte[16])))
            .addSpans(valid.toBuilder().setSpanId(ByteString.copyFrom(new byte[8])))
            .addSpans(valid.toBuilder().setSpanId(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, 9}))
                .setParentSpanId(ByteString.copyFrom(new byte[8])))))
        .build();

    OtlpDecodeResult result = decoder.decode(mixed.toByteArray());

    assertThat(result.spans()).hasSize(2);
    assertThat(result.skippedSpans()).isEqualTo(6);
    assertThat(result.spans().get(1).spanId()).isEqualTo("0000000000000009");
    assertThat(result.spans().get(1).parentSpanId()).as("eight zero bytes mean no parent").isNull();
  }

  @Test
  void bytesThatAreNotProtobufAreRefused() {
    assertThatThrownBy(() -> decoder.decode("{\"resourceSpans\":[]}garbage".getBytes()))
        .isInstanceOf(OtlpDecodingException.class).hasMessageContaining("not a valid OTLP protobuf");
    assertThat(decoder.decode(new byte[0]).spans()).isEmpty();
  }
}
