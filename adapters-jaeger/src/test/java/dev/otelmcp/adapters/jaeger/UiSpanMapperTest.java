package dev.otelmcp.adapters.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanLink;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The UI-model edge cases Jaeger keeps as a converter fixture (ui_01.json). */
class UiSpanMapperTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static List<Span> spans() throws Exception {
    UiModel.Trace trace = JSON.readValue(Fixtures.text("fixtures/jaeger/ui_01.json"), UiModel.Trace.class);
    List<Trace> traces = UiSpanMapper.traces(List.of(trace));
    assertThat(traces).hasSize(1);
    return traces.get(0).spans();
  }

  private static Span span(List<Span> spans, String id, String name) {
    return spans.stream().filter(s -> s.spanId().equals(id) && s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void shortIdsArePaddedAndDuplicateSpanIdsKeptOnce() throws Exception {
    List<Span> spans = spans();

    // ui_01 has two spans with id 2; grouping keeps the first.
    assertThat(spans).extracting(Span::spanId)
        .containsExactlyInAnyOrder("0000000000000002", "0000000000000003", "0000000000000004", "0000000000000005");
    assertThat(spans).allSatisfy(s -> assertThat(s.traceId()).isEqualTo("00000000000000000000000000000001"));
  }

  @Test
  void logsBecomeEventsNamedByTheirEventField() throws Exception {
    Span span = span(spans(), "0000000000000002", "test-general-conversion");

    assertThat(span.serviceName()).isEqualTo("service-x");
    assertThat(span.startTime()).isEqualTo(Instant.parse("2017-01-26T21:46:31.639875Z"));
    assertThat(span.duration()).isEqualTo(Duration.ofNanos(5_000));
    assertThat(span.events()).hasSize(2);
    assertThat(span.events().get(0).name()).isEqualTo("some-event");
    assertThat(span.events().get(0).attributes().isEmpty()).isTrue();
    assertThat(span.events().get(1).name()).isEmpty();
    assertThat(span.events().get(1).attributes().getText("x")).contains("y");
    assertThat(span.events().get(1).time()).isEqualTo(Instant.parse("2017-01-26T21:46:31.639875Z"));
  }

  @Test
  void typedTagsIncludingInt64AsStringAndBinary() throws Exception {
    UiModel.Trace trace = JSON.readValue(Fixtures.text("fixtures/jaeger/ui_01.json"), UiModel.Trace.class);
    // The second span with id 2 carries the typed tags; map it directly (grouping keeps the first copy).
    Span span = UiSpanMapper.span(trace.spans().get(1), trace.processes()).orElseThrow();

    assertThat(span.attributes().get("peer.service")).contains(AttributeValue.of("service-y"));
    assertThat(span.attributes().get("peer.ipv4")).contains(AttributeValue.of(23456L));
    assertThat(span.attributes().get("temperature")).contains(AttributeValue.of(72.5));
    assertThat(span.attributes().get("javascript_limit")).contains(AttributeValue.of(9223372036854775222L));
    assertThat(span.attributes().get("blob")).contains(new AttributeValue.BytesValue("AAAwOQ=="));
    // error=true (bool) is the older status convention: a span field, no longer an attribute.
    assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().containsKey("error")).isFalse();
  }

  @Test
  void parentIsTheChildOfReferenceInTheSameTraceOtherReferencesAreLinks() throws Exception {
    List<Span> spans = spans();

    Span reference = span(spans, "0000000000000004", "reference-test");
    assertThat(reference.parentSpanId()).isEqualTo("0000000000000002");
    assertThat(reference.serviceName()).isEqualTo("service-y");
    assertThat(reference.links()).containsExactly(
        new SpanLink("000000000000000000000000000000ff", "00000000000000ff", null),
        new SpanLink("00000000000000000000000000000001", "0000000000000002", null));
    assertThat(span(spans, "0000000000000003", "some-operation").parentSpanId()).isEqualTo("0000000000000002");
    assertThat(span(spans, "0000000000000005", "preserveParentID-test").parentSpanId()).isEqualTo("0000000000000004");
    assertThat(span(spans, "0000000000000002", "test-general-conversion").isRoot()).isTrue();
  }

  @Test
  void followsFromIsTheParentWhenThereIsNoChildOf() {
    UiModel.Span span = new UiModel.Span("1", "3", null, "consumer",
        List.of(new UiModel.Reference("FOLLOWS_FROM", "1", "2")), 1L, 1L, List.of(), List.of(), "p1", null);

    Span mapped = UiSpanMapper.span(span, java.util.Map.of()).orElseThrow();

    assertThat(mapped.parentSpanId()).isEqualTo("0000000000000002");
    assertThat(mapped.links()).isEmpty();
    assertThat(mapped.serviceName()).isEqualTo(Span.UNKNOWN_SERVICE);
  }

  @Test
  void deprecatedParentSpanIdIsTheLastResortAndBadIdsDropTheSpan() {
    UiModel.Span legacy = new UiModel.Span("1", "3", "2", "legacy", null, 1L, 1L, null, null, null,
        new UiModel.Process("embedded", null));
    UiModel.Span broken = new UiModel.Span("not hex!", "3", null, "broken", null, 1L, 1L, null, null, null, null);

    Span mapped = UiSpanMapper.span(legacy, java.util.Map.of()).orElseThrow();
    assertThat(mapped.parentSpanId()).isEqualTo("0000000000000002");
    assertThat(mapped.serviceName()).isEqualTo("embedded");
    assertThat(UiSpanMapper.span(broken, java.util.Map.of())).isEmpty();
  }

  @Test
  void theSpansOfOneProcessShareOneResourceReadOnce() {
    UiModel.Process process = new UiModel.Process("checkout",
        List.of(new UiModel.KeyValue("host.name", "string", TextNode.valueOf("node-7"))));
    UiModel.Span first = new UiModel.Span("1", "a", null, "GET /", List.of(), 1_000L, 5L, List.of(), List.of(), "p1",
        null);
    UiModel.Span second = new UiModel.Span("1", "b", null, "SELECT", List.of(new UiModel.Reference("CHILD_OF", "1", "a")),
        1_001L, 2L, List.of(), List.of(), "p1", null);

    List<Span> spans = UiSpanMapper.traces(List.of(new UiModel.Trace("1", List.of(first, second),
        java.util.Map.of("p1", process)))).get(0).spans();

    assertThat(spans).hasSize(2);
    assertThat(spans.get(0).resource().getText("service.name")).contains("checkout");
    assertThat(spans.get(0).resource().getText("host.name")).contains("node-7");
    assertThat(spans.get(1).resource()).isSameAs(spans.get(0).resource());
  }
}
