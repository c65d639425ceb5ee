package dev.otelmcp.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpanTest {

  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  static Span.Builder span(String spanId) {
    return Span.builder().traceId("0af7651916cd43dd8448eb211c80319c").spanId(spanId).startTime(T0);
  }

  @Test
  void builderDefaults() {
    Span bare = span("1").build();

    assertThat(bare.spanId()).isEqualTo("0000000000000001");
    assertThat(bare.parentSpanId()).isNull();
    assertThat(bare.isRoot()).isTrue();
    assertThat(bare.parent()).isEmpty();
    assertThat(bare.name()).isEmpty();
    assertThat(bare.serviceName()).isEqualTo(Span.UNKNOWN_SERVICE).isEqualTo("unknown_service");
    assertThat(bare.kind()).isEqualTo(SpanKind.UNSPECIFIED);
    assertThat(bare.duration()).isEqualTo(Duration.ZERO);
    assertThat(bare.status()).isEqualTo(SpanStatus.UNSET);
    assertThat(bare.attributes()).isSameAs(Attributes.empty());
    assertThat(bare.resource()).isSameAs(Attributes.empty());
    assertThat(bare.events()).isEmpty();
    assertThat(bare.links()).isEmpty();
    assertThat(bare.scopeName()).isEmpty();
    assertThat(bare.isError()).isFalse();
  }

  @Test
  void idsAreNormalised() {
    Span span = Span.builder()
        .traceId("Qv9HLX/rYhW+wM9ONQZ1sg==")
        .spanId("NPzxuz+vo54=")
        .parentSpanId("00F067AA0BA902B7")
        .startTime(T0)
        .build();

    assertThat(span.traceId()).isEqualTo("42ff472d7feb6215bec0cf4e350675b2");
    assertThat(span.spanId()).isEqualTo("34fcf1bb3fafa39e");
    assertThat(span.parentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(span.parent()).contains("00f067aa0ba902b7");
    assertThat(span.isRoot()).isFalse();
  }

  @ParameterizedTest(name = "parent \"{0}\" means root")
  @NullSource
  @ValueSource(strings = {"", "  ", "0", "0000000000000000", "00000000000000000000000000000000", "AAAAAAAAAAA="})
  void zeroOrMissingParentMeansRoot(String parent) {
    Span span = span("a1").parentSpanId(parent).build();
    assertThat(span.parentSpanId()).isNull();
    assertThat(span.isRoot()).isTrue();
  }

  @Test
  void badIdsAreRejected() {
    assertThatThrownBy(() -> span("a1").traceId("nope").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> span("not a span").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> span("a1").parentSpanId("zz").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> span(null).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> span("a1").startTime(null).build()).isInstanceOf(NullPointerException.class);
  }

  @Test
  void blankServiceAndNegativeDurationAreNormalised() {
    Span span = span("a1").serviceName("  ").duration(Duration.ofMillis(-5)).build();
    assertThat(span.serviceName()).isEqualTo("unknown_service");
    assertThat(span.duration()).isEqualTo(Duration.ZERO);
    assertThat(span.endTime()).isEqualTo(T0);
  }

  @Test
  void endTimeAndMillisecondsWithMicrosecondPrecision() {
    Span span = span("a1").duration(Duration.ofNanos(1_234_567_000L)).build();

    assertThat(span.endTime()).isEqualTo(Instant.parse("2025-03-01T10:00:01.234567Z"));
    assertThat(span.durationMs()).isEqualTo(1234.567);
    assertThat(span("a2").duration(Duration.ofMillis(250)).build().durationMs()).isEqualTo(250.0);
  }

  @Test
  void attributeFallsBackToTheResource() {
    Span span = span("a1")
        .attributes(Attributes.ofPairs("shared", "span", "only.span", 1L))
        .resource(Attributes.ofPairs("shared", "resource", "service.version", "1.2.3"))
        .build();

    assertThat(span.attribute("shared")).contains(AttributeValue.of("span"));
    assertThat(span.attribute("only.span")).contains(AttributeValue.of(1L));
    assertThat(span.attribute("service.version")).contains(AttributeValue.of("1.2.3"));
    assertThat(span.attribute("absent")).isEmpty();
  }

  @Test
  void errorStatus() {
    Span failed = span("a1").status(SpanStatus.error("boom")).build();
    assertThat(failed.isError()).isTrue();
    assertThat(failed.status().message()).isEqualTo("boom");
    assertThat(span("a2").status(SpanStatus.OK).build().isError()).isFalse();
  }

  @Test
  void listsAreDefensiveCopies() {
    List<SpanEvent> events = new ArrayList<>(List.of(new SpanEvent("exception", T0, null)));
    Span span = span("a1").events(events).build();
    events.clear();

    assertThat(span.events()).hasSize(1);
    assertThatThrownBy(() -> span.events().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toBuilderRoundTrips() {
    Span original = span("a1")
        .parentSpanId("b2")
        .name("chat gpt-4")
        .serviceName("gateway")
        .kind(SpanKind.CLIENT)
        .duration(Duration.ofMillis(12))
        .status(SpanStatus.error("x"))
        .attributes(Attributes.ofPairs("k", "v"))
        .resource(Attributes.ofPairs("r", "v"))
        .events(List.of(new SpanEvent("e", T0, Attributes.empty())))
        .links(List.of(new SpanLink("1", "2", null)))
        .scopeName("openai.instrumentation")
        .build();

    assertThat(original.toBuilder().build()).isEqualTo(original);
    assertThat(original.toBuilder().name("other").build().name()).isEqualTo("other");
  }
}
