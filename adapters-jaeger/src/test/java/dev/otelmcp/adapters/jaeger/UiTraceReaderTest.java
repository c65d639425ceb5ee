package dev.otelmcp.adapters.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanLink;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The UI-model edge cases Jaeger keeps as a converter fixture (ui_01.json), and what a streamed answer may hold. */
class UiTraceReaderTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static UiTraces read(String body) throws Exception {
    return new UiTraceReader(JSON).read(body.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Span> spans(String tracesJson) throws Exception {
    List<Trace> traces = read("{\"data\":[" + tracesJson + "]}").traces();
    assertThat(traces).hasSize(1);
    return traces.get(0).spans();
  }

  private static List<Span> fixture() throws Exception {
    return spans(Fixtures.text("fixtures/jaeger/ui_01.json"));
  }

  private static Span span(List<Span> spans, String id, String name) {
    return spans.stream().filter(s -> s.spanId().equals(id) && s.name().equals(name)).findFirst().orElseThrow();
  }

  /** One trace of one span with these fields, and these processes. */
  private static Span only(String spanFields, String processes) throws Exception {
    List<Span> spans = spans("{\"traceID\":\"1\",\"spans\":[{\"traceID\":\"1\",\"spanID\":\"3\",\"startTime\":1,"
        + "\"duration\":1," + spanFields + "}],\"processes\":" + processes + "}");
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  @Test
  void tracesWithTheSameProcessBytesShareOneResourceAndOthersKeepTheirOwn() throws Exception {
    String same = "{\"p1\":{\"serviceName\":\"chat\",\"tags\":[{\"key\":\"host.name\",\"type\":\"string\","
        + "\"value\":\"a\"}]}}";
    String other = "{\"p1\":{\"serviceName\":\"chat\",\"tags\":[{\"key\":\"host.name\",\"type\":\"string\","
        + "\"value\":\"b\"}]}}";
    String body = "{\"data\":[" + trace("1", 3, same) + "," + trace("2", 2, same) + "," + trace("3", 1, other) + "]}";

    List<Trace> traces = read(body).traces();

    assertThat(traces).extracting(trace -> trace.spans().get(0).resource().getText("host.name").orElseThrow())
        .containsExactly("a", "a", "b");
    assertThat(traces.get(0).spans().get(0).resource()).isSameAs(traces.get(1).spans().get(0).resource());
    assertThat(traces).extracting(trace -> trace.spans().get(0).serviceName()).containsOnly("chat");
  }

  @Test
  void aBrokenProcessFailsTheAnswerAsBindingDid() {
    String broken = "{\"p1\":{\"serviceName\":[\"not\",\"text\"],\"tags\":[]}}";
    assertThatThrownBy(() -> read("{\"data\":[" + trace("1", 1, broken) + "]}"))
        .isInstanceOf(JsonProcessingException.class);
  }

  private static String trace(String id, long start, String processes) {
    return "{\"traceID\":\"" + id + "\",\"spans\":[{\"traceID\":\"" + id + "\",\"spanID\":\"3\",\"startTime\":"
        + start + ",\"duration\":1,\"operationName\":\"op\",\"processID\":\"p1\"}],\"processes\":" + processes + "}";
  }

  @Test
  void shortIdsArePaddedAndDuplicateSpanIdsKeptOnce() throws Exception {
    List<Span> spans = fixture();

    // ui_01 has two spans with id 2; grouping keeps the first.
    assertThat(spans).extracting(Span::spanId)
        .containsExactlyInAnyOrder("0000000000000002", "0000000000000003", "0000000000000004", "0000000000000005");
    assertThat(spans).allSatisfy(s -> assertThat(s.traceId()).isEqualTo("00000000000000000000000000000001"));
  }

  @Test
  void logsBecomeEventsNamedByTheirEventField() throws Exception {
    Span span = span(fixture(), "0000000000000002", "test-general-conversion");

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
    // The second span with id 2 of ui_01 carries these typed tags (grouping keeps the first copy, so they are here).
    Span span = only("\"tags\":[{\"key\":\"peer.service\",\"type\":\"string\",\"value\":\"service-y\"},"
        + "{\"key\":\"peer.ipv4\",\"type\":\"int64\",\"value\":23456},{\"key\":\"error\",\"type\":\"bool\",\"value\":true},"
        + "{\"key\":\"temperature\",\"type\":\"float64\",\"value\":72.5},"
        + "{\"key\":\"javascript_limit\",\"type\":\"int64\",\"value\":\"9223372036854775222\"},"
        + "{\"value\":\"AAAwOQ==\",\"type\":\"binary\",\"key\":\"blob\"}]", "{}");

    assertThat(span.attributes().get("peer.service")).contains(AttributeValue.of("service-y"));
    assertThat(span.attributes().get("peer.ipv4")).contains(AttributeValue.of(23456L));
    assertThat(span.attributes().get("temperature")).contains(AttributeValue.of(72.5));
    assertThat(span.attributes().get("javascript_limit")).contains(AttributeValue.of(9223372036854775222L));
    assertThat(span.attributes().get("blob")).as("value before its type").contains(new AttributeValue.BytesValue("AAAwOQ=="));
    // error=true (bool) is the older status convention: a span field, no longer an attribute.
    assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().containsKey("error")).isFalse();
    assertThat(span.attributes().keys()).containsExactly("peer.service", "peer.ipv4", "temperature", "javascript_limit",
        "blob");
  }

  @Test
  void valuesThatDoNotFitTheirTypeAreLeftOutAndUnknownTypesInferred() throws Exception {
    Span span = only("\"tags\":[{\"key\":\"a\",\"type\":\"int64\",\"value\":1.5},"
        + "{\"key\":\"b\",\"type\":\"bool\",\"value\":\"TRUE\"},{\"key\":\"c\",\"type\":\"string\",\"value\":12},"
        + "{\"key\":\"d\",\"value\":{\"x\":[1]}},{\"key\":\"e\",\"type\":\"float64\",\"value\":\"-Inf\"},"
        + "{\"key\":\"f\",\"type\":\"STRING\",\"value\":\"s\"},{\"key\":\"\",\"value\":1},{\"key\":\"g\",\"value\":null},"
        + "{\"key\":\"error\",\"type\":\"string\",\"value\":\"boom\"},{\"key\":\"c\",\"type\":\"int64\",\"value\":\"x\"}]",
        "{}");

    assertThat(span.attributes().asMap()).containsExactly(
        Map.entry("b", AttributeValue.of(true)), Map.entry("c", AttributeValue.of("12")),
        Map.entry("d", AttributeValue.of("{\"x\":[1]}")), Map.entry("e", AttributeValue.of(Double.NEGATIVE_INFINITY)),
        Map.entry("f", AttributeValue.of("s")), Map.entry("error", AttributeValue.of("boom")));
    assertThat(span.status().code()).as("a text error tag is an attribute").isEqualTo(StatusCode.UNSET);
  }

  @Test
  void parentIsTheChildOfReferenceInTheSameTraceOtherReferencesAreLinks() throws Exception {
    List<Span> spans = fixture();

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
  void followsFromIsTheParentWhenThereIsNoChildOf() throws Exception {
    Span mapped = only("\"operationName\":\"consumer\",\"processID\":\"p1\","
        + "\"references\":[{\"refType\":\"FOLLOWS_FROM\",\"traceID\":\"1\",\"spanID\":\"2\"}]", "{}");

    assertThat(mapped.parentSpanId()).isEqualTo("0000000000000002");
    assertThat(mapped.links()).isEmpty();
    assertThat(mapped.serviceName()).isEqualTo(Span.UNKNOWN_SERVICE);
  }

  @Test
  void deprecatedParentSpanIdIsTheLastResortAndBadIdsDropTheSpan() throws Exception {
    Span legacy = only("\"parentSpanID\":\"2\",\"process\":{\"serviceName\":\"embedded\"}", "null");
    assertThat(legacy.parentSpanId()).isEqualTo("0000000000000002");
    assertThat(legacy.serviceName()).isEqualTo("embedded");

    UiTraces broken = read("{\"data\":[{\"spans\":[{\"traceID\":\"not hex!\",\"spanID\":\"3\",\"startTime\":1},"
        + "{\"traceID\":\"1\",\"spanID\":\"4\",\"duration\":9223372036854775807}]}]}");
    assertThat(broken.traces()).as("bad ids, a duration beyond nanoseconds: left out").isEmpty();
    assertThat(broken.count()).isEqualTo(1);
  }

  @Test
  void theSpansOfOneProcessShareOneResourceReadOnceWhateverTheFieldOrder() throws Exception {
    List<Span> spans = spans("{\"processes\":{\"p1\":{\"tags\":[{\"key\":\"host.name\",\"type\":\"string\",\"value\":"
        + "\"node-7\"}],\"serviceName\":\"checkout\"}},\"spans\":[{\"spanID\":\"a\",\"traceID\":\"1\",\"operationName\":"
        + "\"GET /\",\"startTime\":1000,\"duration\":5,\"processID\":\"p1\"},{\"traceID\":\"1\",\"spanID\":\"b\","
        + "\"operationName\":\"SELECT\",\"references\":[{\"refType\":\"CHILD_OF\",\"traceID\":\"1\",\"spanID\":\"a\"}],"
        + "\"startTime\":1001,\"duration\":2,\"processID\":\"p1\"}],\"traceID\":\"1\"}");

    assertThat(spans).hasSize(2);
    assertThat(spans.get(0).resource().getText("service.name")).contains("checkout");
    assertThat(spans.get(0).resource().getText("host.name")).contains("node-7");
    assertThat(spans.get(1).resource()).isSameAs(spans.get(0).resource());
  }

  @Test
  void theEnvelopeCountsItsElementsAndCarriesItsErrors() throws Exception {
    UiTraces answer = read("{\"data\":[null,{\"traceID\":\"1\"}],\"total\":2,\"errors\":[{\"code\":500,\"msg\":\"m\"}]}"
        + " not read");

    assertThat(answer.count()).isEqualTo(2);
    assertThat(answer.traces()).isEmpty();
    assertThat(answer.errors()).containsExactly(new UiModel.Error(500, "m", null));
    assertThat(read("null")).isNull();
    assertThat(read("{\"data\":null,\"errors\":null}").count()).isZero();
  }

  @Test
  void whatRecordsCouldNotBindIsUnreadable() {
    for (String body : List.of("", "[]", "\"x\"", "{\"data\":{}}", "{\"data\":[1]}", "{\"data\":[{\"spans\":{}}]}",
        "{\"data\":[{\"spans\":[{\"startTime\":\"soon\"}]}]}", "{\"data\":[{\"spans\":[{\"spanID\":{}}]}]}",
        "{\"data\":[{\"processes\":[]}]}", "{\"data\":[{\"spans\":[{\"tags\":[{\"key\":[]}]}]}]}",
        "{\"errors\":[{\"code\":\"five\"}]}", "{\"data\":[{\"spans\":[")) {
      assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(JsonProcessingException.class);
    }
  }
}
