package dev.otelmcp.otlp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every AnyValue kind and every encoding variant, and damage that must cost one span or attribute only. */
class OtlpJsonDecoderRobustnessTest {

  private final OtlpJsonDecoder decoder = new OtlpJsonDecoder();

  private static String payload(String... spans) {
    return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"svc\"}}]},"
        + "\"scopeSpans\":[{\"scope\":{\"name\":\"scope\"},\"spans\":[" + String.join(",", spans) + "]}]}]}";
  }

  private static String span(String spanId, String extra) {
    return "{\"traceId\":\"5B8EFFF798038103D269B633813FC60C\",\"spanId\":\"" + spanId + "\",\"name\":\"op\","
        + "\"startTimeUnixNano\":\"1544712660000000000\",\"endTimeUnixNano\":\"1544712660500000000\""
        + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  private static String attrs(String... keyValues) {
    return "\"attributes\":[" + String.join(",", keyValues) + "]";
  }

  private static String kv(String key, String anyValue) {
    return "{\"key\":\"" + key + "\",\"value\":" + anyValue + "}";
  }

  @Test
  void everyAnyValueKindIsTyped() {
    String json = payload(span("eee19b7ec3c1b174", attrs(
        kv("s", "{\"stringValue\":\"text\"}"),
        kv("b", "{\"boolValue\":true}"),
        kv("i", "{\"intValue\":\"9223372036854775807\"}"),
        kv("n", "{\"intValue\":42}"),
        kv("d", "{\"doubleValue\":0.25}"),
        kv("nan", "{\"doubleValue\":\"NaN\"}"),
        kv("inf", "{\"doubleValue\":\"Infinity\"}"),
        kv("ninf", "{\"doubleValue\":\"-Infinity\"}"),
        kv("bytes", "{\"bytesValue\":\"AAAwOQ==\"}"),
        kv("arr", "{\"arrayValue\":{\"values\":[{\"stringValue\":\"a\"},{\"intValue\":\"1\"},{}]}}"),
        kv("map", "{\"kvlistValue\":{\"values\":[{\"key\":\"k\",\"value\":{\"boolValue\":false}}]}}"),
        kv("emptyArr", "{\"arrayValue\":{}}"),
        kv("unset", "{}"),
        "{\"key\":\"novalue\"}")));

    OtlpDecodeResult result = decoder.decode(json);

    assertThat(result.isLossy()).isFalse();
    Map<String, AttributeValue> a = result.spans().get(0).attributes().asMap();
    assertThat(a.get("s")).isEqualTo(AttributeValue.of("text"));
    assertThat(a.get("b")).isEqualTo(AttributeValue.of(true));
    assertThat(a.get("i")).isEqualTo(AttributeValue.of(Long.MAX_VALUE));
    assertThat(a.get("n")).isEqualTo(AttributeValue.of(42L));
    assertThat(a.get("d")).isEqualTo(AttributeValue.of(0.25));
    assertThat(a.get("nan")).isEqualTo(AttributeValue.of(Double.NaN));
    assertThat(a.get("inf")).isEqualTo(AttributeValue.of(Double.POSITIVE_INFINITY));
    assertThat(a.get("ninf")).isEqualTo(AttributeValue.of(Double.NEGATIVE_INFINITY));
    assertThat(a.get("bytes")).isEqualTo(new AttributeValue.BytesValue("AAAwOQ=="));
    assertThat(a.get("arr")).isEqualTo(AttributeValue.ofList(List.of(AttributeValue.of("a"), AttributeValue.of(1L))));
    assertThat(a.get("map")).isEqualTo(new AttributeValue.MapValue(Map.of("k", AttributeValue.of(false))));
    assertThat(a.get("emptyArr")).isEqualTo(AttributeValue.ofList(List.of()));
    // Unset values are legal OTLP: left out, not counted as damage.
    assertThat(a).doesNotContainKeys("unset", "novalue");
  }

  @Test
  void malformedAttributeValuesAreSkippedAndCountedButTheSpanIsKept() {
    String json = payload(span("eee19b7ec3c1b174", attrs(
        kv("good", "{\"stringValue\":\"kept\"}"),
        kv("badInt", "{\"intValue\":\"twelve\"}"),
        kv("badBool", "{\"boolValue\":\"maybe\"}"),
        kv("badDouble", "{\"doubleValue\":\"fast\"}"),
        kv("badBytes", "{\"bytesValue\":\"%%%\"}"),
        kv("badString", "{\"stringValue\":{\"nested\":1}}"),
        kv("badArray", "{\"arrayValue\":[1,2]}"),
        kv("notAnObject", "\"plain\""),
        "{\"value\":{\"stringValue\":\"no key\"}}")));

    OtlpDecodeResult result = decoder.decode(json);

    assertThat(result.spans()).hasSize(1);
    assertThat(result.spans().get(0).attributes().asMap()).containsOnlyKeys("good");
    assertThat(result.skippedAttributes()).isEqualTo(8);
    assertThat(result.skippedSpans()).isZero();
  }

  @Test
  void spansWithUnreadableIdsOrTimesAreSkippedAndCountedOthersKept() {
    String json = payload(
        span("eee19b7ec3c1b174", ""),
        span("not-an-id!", ""),
        "{\"traceId\":\"\",\"spanId\":\"eee19b7ec3c1b175\"}",
        span("eee19b7ec3c1b176", "\"parentSpanId\":\"zzzz\""),
        "{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b177\",\"startTimeUnixNano\":\"soon\"}",
        "\"not a span\"",
        span("eee19b7ec3c1b178", ""));

    OtlpDecodeResult result = decoder.decode(json);

    assertThat(result.spans()).extracting(Span::spanId).containsExactly("eee19b7ec3c1b174", "eee19b7ec3c1b178");
    assertThat(result.skippedSpans()).isEqualTo(5);
  }

  @Test
  void onlyIdsOfTheExactLengthAndNotAllZerosAreStored() {
    String json = payload(
        span("eee19b7ec3c1b174", ""),
        span("eee19b7ec3c1b17", ""),
        span("0000000000000000", ""),
        "{\"traceId\":\"d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b175\"}",
        "{\"traceId\":\"00000000000000000000000000000000\",\"spanId\":\"eee19b7ec3c1b176\"}",
        span("eee19b7ec3c1b177", "\"parentSpanId\":\"0000000000000000\""),
        span("eee19b7ec3c1b178", "\"parentSpanId\":\"b17\""),
        span("7uGbfsPBsXk=", ""),
        span("eee19b7ec3c1b17a", "\"parentSpanId\":\"AAAAAAAAAAA=\""));

    OtlpDecodeResult result = decoder.decode(json);

    assertThat(result.spans()).extracting(Span::spanId)
        .containsExactly("eee19b7ec3c1b174", "eee19b7ec3c1b177", "eee1" + "9b7ec3c1b179", "eee19b7ec3c1b17a");
    assertThat(result.spans().get(3).parentSpanId()).as("zeros in base64 too").isNull();
    assertThat(result.spans().get(1).parentSpanId()).as("all zeros means no parent").isNull();
    assertThat(result.skippedSpans()).isEqualTo(5);
  }

  @Test
  void badEventsAndLinksAreSkippedAndCountedButTheSpanIsKept() {
    String json = payload(span("eee19b7ec3c1b174",
        "\"events\":[{\"timeUnixNano\":\"1544712660100000000\",\"name\":\"exception\",\"attributes\":["
            + kv("exception.message", "{\"stringValue\":\"boom\"}") + "]},{\"timeUnixNano\":\"later\",\"name\":\"x\"}],"
            + "\"links\":[{\"traceId\":\"Qv9HLX/rYhW+wM9ONQZ1sg==\",\"spanId\":\"NPzxuz+vo54=\"},{\"traceId\":\"?\",\"spanId\":\"1\"}]"));

    OtlpDecodeResult result = decoder.decode(json);

    Span span = result.spans().get(0);
    assertThat(span.events()).singleElement().satisfies(event -> {
      assertThat(event.name()).isEqualTo("exception");
      assertThat(event.time()).isEqualTo(Instant.parse("2018-12-13T14:51:00.100Z"));
      assertThat(event.attributes().getText("exception.message")).contains("boom");
    });
    assertThat(span.links()).singleElement().satisfies(link -> {
      assertThat(link.traceId()).isEqualTo("42ff472d7feb6215bec0cf4e350675b2");
      assertThat(link.spanId()).isEqualTo("34fcf1bb3fafa39e");
    });
    assertThat(result.skippedEventsAndLinks()).isEqualTo(2);
  }

  @Test
  void enumsAsNumbersOrNamesAndStatusMessages() {
    String json = payload(
        span("0000000000000001", "\"kind\":3,\"status\":{\"code\":2,\"message\":\"boom\"}"),
        span("0000000000000002", "\"kind\":\"SPAN_KIND_PRODUCER\",\"status\":{\"code\":\"STATUS_CODE_ERROR\"}"),
        span("0000000000000003", "\"kind\":\"SPAN_KIND_CONSUMER\",\"status\":{\"code\":\"STATUS_CODE_OK\"}"),
        span("0000000000000004", "\"kind\":99,\"status\":{\"code\":7}"));

    List<Span> spans = decoder.decode(json).spans();

    assertThat(spans).extracting(Span::kind)
        .containsExactly(SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER, SpanKind.UNSPECIFIED);
    assertThat(spans).extracting(s -> s.status().code())
        .containsExactly(StatusCode.ERROR, StatusCode.ERROR, StatusCode.OK, StatusCode.UNSET);
    assertThat(spans.get(0).status().message()).isEqualTo("boom");
  }

  @Test
  void timesAsNumbersAndMissingOrInvertedTimes() {
    String json = payload(
        "{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"0000000000000001\","
            + "\"startTimeUnixNano\":1544712660000000001,\"endTimeUnixNano\":1544712660000000501}",
        "{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"0000000000000002\","
            + "\"startTimeUnixNano\":\"2000\",\"endTimeUnixNano\":\"1000\"}",
        "{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"0000000000000003\","
            + "\"endTimeUnixNano\":\"1000\"}");

    List<Span> spans = decoder.decode(json).spans();

    assertThat(spans.get(0).startTime()).isEqualTo(Instant.parse("2018-12-13T14:51:00.000000001Z"));
    assertThat(spans.get(0).duration()).isEqualTo(Duration.ofNanos(500));
    assertThat(spans.get(1).duration()).as("end before start is clamped").isEqualTo(Duration.ZERO);
    assertThat(spans.get(2).startTime()).isEqualTo(Instant.EPOCH);
    assertThat(spans.get(2).duration()).isEqualTo(Duration.ZERO);
  }

  @Test
  void zeroParentIdMeansRoot() {
    String json = payload(span("0000000000000001", "\"parentSpanId\":\"AAAAAAAAAAA=\""),
        span("0000000000000002", "\"parentSpanId\":\"\""));

    assertThat(decoder.decode(json).spans()).allSatisfy(span -> assertThat(span.isRoot()).isTrue());
  }

  @Test
  void oneDecoderServesManyThreadsAtOnce() throws Exception {
    String body = dev.otelmcp.tck.Cassette.load("cassettes/tempo/TestTempoGetTrace.test_get_trace_by_id.yaml")
        .findByPath("/api/traces/42ff472d7feb6215bec0cf4e350675b2").responseBody();
    OtlpDecodeResult expected = decoder.decode(body);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<OtlpDecodeResult>> futures = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        futures.add(pool.submit(() -> decoder.decode(body)));
      }
      for (Future<OtlpDecodeResult> future : futures) {
        assertThat(future.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
