package dev.otelmcp.adapters.traceloop;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.LlmCallScan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LLM call scan over a project made of the recorded trace c4c7e548… (18 spans over 61 seconds, 7 LLM calls)
 * repeated 130 times, a trace starting every 3 seconds, so that the traces overlap and 2340 rows take three pages.
 */
class SpanSearchLlmScanTest {

  private static final SpanSearchFake API = new SpanSearchFake();

  @RegisterExtension
  static WireMockExtension traceloop =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(API)).build();

  private static final Instant START = Instant.parse("2025-11-16T06:00:00Z");
  private static final TimeRange HOUR = new TimeRange(START, START.plus(Duration.ofHours(1)));
  private static final long RECORDED_ROOT = 1763273059770L;
  private static final int TRACES = 130;

  private final SpanMapper mapper = new SpanMapper(Fixtures.JSON);
  private TraceloopTraceStore store;

  @BeforeEach
  void fakeApi() {
    serve(project());
    store = new TraceloopTraceStore(TraceloopConfig.from(Fixtures.settings(traceloop.baseUrl())));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private static void serve(List<ObjectNode> rows) {
    API.holds(rows);
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS)).willReturn(ok().withTransformers(SpanSearchFake.NAME)));
  }

  private LlmCallScan scan() {
    return store.llmCallScan().orElseThrow();
  }

  /** The recorded trace's rows, as the search answers them. */
  private static List<JsonNode> template() {
    List<JsonNode> template = new ArrayList<>();
    for (JsonNode row : Fixtures.body(RecordedTraceloop.SPANS_BASIC, Fixtures.SPANS).path("spans").path("data")) {
      if (row.path("trace_id").asText().equals(Fixtures.TRACE_ID)) {
        template.add(row);
      }
    }
    return template;
  }

  private static String traceId(int trace) {
    return String.format("%08x%s", trace, Fixtures.TRACE_ID.substring(8));
  }

  /** Trace {@code n} of the project: the recorded rows with new ids (parents kept), its root at {@code root}. */
  private static List<ObjectNode> trace(int n, long root) {
    List<ObjectNode> rows = new ArrayList<>();
    for (JsonNode recorded : template()) {
      ObjectNode row = recorded.deepCopy();
      row.put("trace_id", traceId(n));
      row.put("span_id", String.format("%04x", n) + row.path("span_id").asText().substring(4));
      String parent = row.path("parent_span_id").asText();
      row.put("parent_span_id", parent.isEmpty() ? "" : String.format("%04x", n) + parent.substring(4));
      row.put("timestamp", root + row.path("timestamp").asLong() - RECORDED_ROOT);
      rows.add(row);
    }
    return rows;
  }

  private static long rootOf(int n) {
    return START.toEpochMilli() + 1000 + n * 3_000L + n * 7L;
  }

  private static List<ObjectNode> project() {
    List<ObjectNode> rows = new ArrayList<>();
    for (int n = 0; n < TRACES; n++) {
      rows.addAll(trace(n, rootOf(n)));
    }
    return rows;
  }

  /** The traces the rows make, newest root first. */
  private List<Trace> traces(List<ObjectNode> rows) {
    Map<String, List<Span>> byTrace = new LinkedHashMap<>();
    for (ObjectNode row : rows) {
      Span span = mapper.span(Fixtures.read(row, Wire.WireSpan.class)).orElseThrow();
      byTrace.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
    }
    List<Trace> traces = new ArrayList<>();
    byTrace.forEach((id, spans) -> traces.add(new Trace(id, spans)));
    traces.sort(Comparator.comparing(Trace::startTime).reversed());
    return traces;
  }

  private record Visit(Trace trace, int calls) {}

  private static List<Visit> visits(List<Visit> into, Trace trace, List<?> calls) {
    into.add(new Visit(trace, calls.size()));
    return into;
  }

  @Test
  void everyTraceIsHandedOnWholeNewestFirstWithItsCalls() {
    List<Visit> visited = new ArrayList<>();

    LlmCallScan.Report report = scan().scan(HOUR, List.of(), Integer.MAX_VALUE, (t, c) -> visits(visited, t, c));

    List<Trace> expected = traces(project());
    assertThat(visited).extracting(v -> v.trace().traceId())
        .containsExactlyElementsOf(expected.stream().map(Trace::traceId).toList());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(visited.get(i).trace().spans()).as("spans of %s", expected.get(i).traceId())
          .isEqualTo(expected.get(i).spans());
      assertThat(visited.get(i).calls()).isEqualTo(LlmCalls.of(expected.get(i)).size()).isEqualTo(7);
    }
    assertThat(report.tracesRead()).isEqualTo(TRACES);
    assertThat(report.spansRead()).isEqualTo(TRACES * 18L);
    assertThat(report.moreAvailable()).isFalse();
    assertThat(report.shortfall()).isNull();
    // Three pages of search rows, and not one request per trace.
    traceloop.verify(3, postRequestedFor(urlPathEqualTo(Fixtures.SPANS)).withRequestBody(
        equalToJson("{\"filters\":[],\"environments\":[\"prd\"],\"limit\":1000}", true, true)));
    traceloop.verify(0, getRequestedFor(urlPathMatching(".*/traces/.*")));
  }

  @Test
  void aPageEndingInsideASecondLosesAndRepeatsNoSpan() {
    List<ObjectNode> apiOrder = new ArrayList<>(project());
    apiOrder.sort(SpanSearchFake.API_ORDER);
    long lastOfPage = apiOrder.get(999).path("timestamp").asLong() / 1000;
    long firstOfNext = apiOrder.get(1000).path("timestamp").asLong() / 1000;
    assertThat(firstOfNext).as("the first page ends inside a second").isEqualTo(lastOfPage);
    List<String> spanIds = new ArrayList<>();

    scan().scan(HOUR, List.of(), Integer.MAX_VALUE, (trace, calls) -> trace.spans().forEach(s -> spanIds.add(s.spanId())));

    assertThat(spanIds).hasSize(TRACES * 18).doesNotHaveDuplicates();
  }

  @Test
  void aTraceWhoseRootNeverArrivedIsCountedAtTheEnd() {
    List<ObjectNode> rows = project();
    String rootless = traceId(60);
    List<ObjectNode> withoutRoot = new ArrayList<>();
    for (ObjectNode row : rows) {
      boolean root = row.path("parent_span_id").asText().isEmpty();
      if (!(root && row.path("trace_id").asText().equals(rootless))) {
        withoutRoot.add(row);
      }
    }
    serve(withoutRoot);
    // The trace endpoint knows the same 17 spans.
    List<ObjectNode> known = withoutRoot.stream().filter(r -> r.path("trace_id").asText().equals(rootless)).toList();
    traceloop.stubFor(get(urlPathEqualTo("/v2/projects/default/traces/" + rootless + "/spans"))
        .willReturn(okJson(Fixtures.JSON.createObjectNode().set("spans", Fixtures.JSON.valueToTree(known)).toString())));
    List<Trace> visited = new ArrayList<>();

    LlmCallScan.Report report = scan().scan(HOUR, List.of(), Integer.MAX_VALUE, (trace, calls) -> visited.add(trace));

    assertThat(visited).hasSize(TRACES);
    assertThat(visited.get(TRACES - 1).traceId()).isEqualTo(rootless);
    assertThat(visited.get(TRACES - 1).spans()).hasSize(17);
    assertThat(LlmCalls.of(visited.get(TRACES - 1))).hasSize(7);
    assertThat(report.spansRead()).isEqualTo(TRACES * 18L - 1);
  }

  @Test
  void aTraceWhoseRootStartedBeforeTheWindowIsNotCounted() {
    // The window starts 2 s after trace 0's root: some of its spans are in the window, its root is not.
    TimeRange window = new TimeRange(Instant.ofEpochMilli(rootOf(0) + 2000), HOUR.end());
    List<ObjectNode> whole = trace(0, rootOf(0));
    traceloop.stubFor(get(urlPathEqualTo("/v2/projects/default/traces/" + traceId(0) + "/spans"))
        .willReturn(okJson(Fixtures.JSON.createObjectNode().set("spans", Fixtures.JSON.valueToTree(whole)).toString())));
    List<String> visited = new ArrayList<>();

    LlmCallScan.Report report = scan().scan(window, List.of(), Integer.MAX_VALUE, (trace, calls) -> visited.add(trace.traceId()));

    assertThat(visited).hasSize(TRACES - 1).doesNotContain(traceId(0));
    assertThat(report.tracesRead()).isEqualTo(TRACES - 1);
    traceloop.verify(1, getRequestedFor(urlPathEqualTo("/v2/projects/default/traces/" + traceId(0) + "/spans")));
  }

  @Test
  void aTraceWhoseRootEndsAfterTheWindowIsReadWhole() {
    // The window ends 30 s after the newest trace's root: its root runs 68 s, so some of its spans are after the end.
    int newest = TRACES - 1;
    TimeRange window = new TimeRange(HOUR.start(), Instant.ofEpochMilli(rootOf(newest) + 30_000));
    List<ObjectNode> whole = trace(newest, rootOf(newest));
    traceloop.stubFor(get(urlPathEqualTo("/v2/projects/default/traces/" + traceId(newest) + "/spans"))
        .willReturn(okJson(Fixtures.JSON.createObjectNode().set("spans", Fixtures.JSON.valueToTree(whole)).toString())));
    List<Trace> visited = new ArrayList<>();

    scan().scan(window, List.of(), 1, (trace, calls) -> visited.add(trace));

    assertThat(visited).hasSize(1);
    assertThat(visited.get(0).traceId()).isEqualTo(traceId(newest));
    assertThat(visited.get(0).spans()).hasSize(18);
    // The next trace's root ends after the window too, but the limit was reached before it was needed.
    traceloop.verify(1, getRequestedFor(urlPathMatching(".*/traces/.*")));
  }

  @Test
  void theScanStopsAtItsLimitAndSaysMoreRemain() {
    List<String> visited = new ArrayList<>();

    LlmCallScan.Report report = scan().scan(HOUR, List.of(), 5, (trace, calls) -> visited.add(trace.traceId()));

    assertThat(visited).containsExactly(traceId(129), traceId(128), traceId(127), traceId(126), traceId(125));
    assertThat(report.tracesRead()).isEqualTo(5);
    assertThat(report.moreAvailable()).isTrue();
    traceloop.verify(1, postRequestedFor(urlPathEqualTo(Fixtures.SPANS)));

    LlmCallScan.Report all = scan().scan(HOUR, List.of(), TRACES, (trace, calls) -> { });
    assertThat(all.tracesRead()).isEqualTo(TRACES);
    assertThat(all.moreAvailable()).isFalse();
  }

  @Test
  void noFurtherPageIsReadOnceTheCallShouldStop() {
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS))
        .willReturn(ok().withTransformers(SpanSearchFake.NAME).withFixedDelay(700)));
    CallContext stoppingSoon = CallContext.startingNow(Duration.ofMillis(1000), Duration.ofMillis(500), (d, t, m) -> { });
    List<Trace> visited = new ArrayList<>();

    LlmCallScan.Report report = stoppingSoon.call(() ->
        scan().scan(HOUR, List.of(), Integer.MAX_VALUE, (trace, calls) -> visited.add(trace)));

    traceloop.verify(1, postRequestedFor(urlPathEqualTo(Fixtures.SPANS)));
    assertThat(report.shortfall()).isNotNull();
    assertThat(report.shortfall().stoppedBy()).isEqualTo(StopReason.DEADLINE);
    assertThat(visited).isNotEmpty().hasSizeLessThan(TRACES).allSatisfy(t -> assertThat(t.spans()).hasSize(18));
    assertThat(report.tracesRead()).isEqualTo(visited.size());
    // It covered the window from the oldest trace it handed on.
    assertThat(report.shortfall().searchedFrom()).isEqualTo(visited.get(visited.size() - 1).startTime());
  }
}
