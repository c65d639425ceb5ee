package dev.otelmcp.adapters.traceloop;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.domain.query.SpanQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code has_error} on a project holding 2340 spans in 8 minutes, 70 of them failed: the recorded trace c4c7e548…
 * (18 search rows) started 130 times, 3 s apart, with the recorded failed openai.chat row's status in 70 spans.
 * The API cannot filter on status, so the store reads the window itself and must find all 70.
 */
class ErrorSpanSearchTest {

  private static final SpanSearchFake API = new SpanSearchFake();

  @RegisterExtension
  static WireMockExtension traceloop =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(API)).build();

  private static final Instant START = Instant.parse("2025-11-16T06:00:00Z");
  private static final TimeRange HOUR = new TimeRange(START, START.plus(Duration.ofHours(1)));
  private static final Filter HAS_ERROR =
      Filter.of("status", FilterOperator.EQUALS, FilterValueType.STRING, List.of("ERROR"));

  private final List<ObjectNode> rows = project();
  private TraceloopTraceStore store;

  @BeforeEach
  void fakeApi() {
    API.holds(rows);
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS)).willReturn(ok().withTransformers(SpanSearchFake.NAME)));
    store = new TraceloopTraceStore(TraceloopConfig.from(Fixtures.settings(traceloop.baseUrl())));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** The recorded trace's 18 spans, 130 times, with the recorded failure in 70 of them. */
  private static List<ObjectNode> project() {
    List<JsonNode> template = new ArrayList<>();
    for (JsonNode row : Fixtures.body(RecordedTraceloop.SPANS_BASIC, Fixtures.SPANS).path("spans").path("data")) {
      if (row.path("trace_id").asText().equals(Fixtures.TRACE_ID)) {
        template.add(row);
      }
    }
    long recordedRoot = 1763273059770L;
    Wire.WireSpan failed = Fixtures.row("TestTraceloopLLMSpans.test_search_spans_by_llm_system", Fixtures.SPANS,
        "b7bca658fb4eaed9");
    List<ObjectNode> rows = new ArrayList<>();
    for (int trace = 0; trace < 130; trace++) {
      long root = START.toEpochMilli() + 1000 + trace * 3_000L + trace * 7L;
      for (int i = 0; i < template.size(); i++) {
        ObjectNode row = template.get(i).deepCopy();
        row.put("trace_id", String.format("%08x%s", trace, Fixtures.TRACE_ID.substring(8)));
        row.put("span_id", String.format("%02x%02x%s", trace, i, row.path("span_id").asText().substring(4)));
        row.put("parent_span_id", "");
        row.put("timestamp", root + row.path("timestamp").asLong() - recordedRoot);
        // Every even trace below 120 fails in one span; every 26th from the second fails in the two spans that
        // started in the root's second.
        boolean fails = trace % 2 == 0 && trace < 120 && i == trace % template.size()
            || trace % 26 == 1 && (i == 16 || i == 17);
        if (fails) {
          row.put("status_code", failed.statusCode()).put("status_message", failed.statusMessage());
          ((ObjectNode) row.path("span_attributes")).put("error.type", "LengthFinishReasonError");
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private Set<String> failedIds() {
    Set<String> ids = new LinkedHashSet<>();
    rows.stream().filter(r -> r.path("status_code").asText().equals("STATUS_CODE_ERROR"))
        .forEach(r -> ids.add(r.path("span_id").asText()));
    return ids;
  }

  @Test
  void everyFailedSpanOfTheWindowIsFound() {
    assertThat(rows).hasSize(2340);
    assertThat(failedIds()).hasSize(70);
    assertThat(store.capabilities().evaluatesSpanFilter(HAS_ERROR)).isTrue();

    SpanSearchResult result = store.searchSpans(new SpanQuery(HOUR, List.of(HAS_ERROR), 100));

    assertThat(result.spans()).extracting(Span::spanId).containsExactlyInAnyOrderElementsOf(failedIds());
    assertThat(result.spans()).allSatisfy(s -> assertThat(s.status().code()).isEqualTo(StatusCode.ERROR));
    assertThat(result.mayHaveMore()).isFalse();
    // Whole pages of 1000, without a status filter (the API has none).
    traceloop.verify(postRequestedFor(urlPathEqualTo(Fixtures.SPANS))
        .withRequestBody(equalToJson("{\"filters\":[],\"cursor\":0,\"limit\":1000}", true, true)));
  }

  @Test
  void thePagesGoOnWithoutLosingTheRowsOfTheSecondTheyStopIn() {
    // Following the API's next_cursor loses rows: a page that ends inside a second holds only some of its rows.
    Set<String> naive = new LinkedHashSet<>();
    TraceloopConfig config = TraceloopConfig.from(Fixtures.settings(traceloop.baseUrl()));
    TraceloopApi api = TraceloopHttp.api(config, Fixtures.JSON);
    String cursor = null;
    do {
      Wire.SpanPage page = api.spans(Paging.request(List.of(), List.of("prd"), HOUR, 1000, cursor)).spans();
      page.data().forEach(row -> naive.add(row.spanId()));
      cursor = page.data().size() == 1000 ? page.nextCursor().asText() : null;
    } while (cursor != null);
    assertThat(naive).hasSizeLessThan(rows.size());

    // has_error=false: nearly every span matches, so each answer stops inside the window with more than asked.
    Filter noError = Filter.of("status", FilterOperator.NOT_EQUALS, FilterValueType.STRING, List.of("ERROR"));
    Set<String> found = new LinkedHashSet<>();
    cursor = null;
    SpanSearchResult page;
    int calls = 0;
    do {
      page = store.searchSpans(new SpanQuery(HOUR, List.of(noError), 1000, cursor));
      page.spans().forEach(s -> found.add(s.spanId()));
      cursor = page.nextCursor();
      calls++;
    } while (page.mayHaveMore() && calls < 10);
    assertThat(page.mayHaveMore()).isFalse();
    assertThat(found).hasSize(rows.size() - 70);
  }

  @Test
  void smallPagesFollowedToTheEndHoldEveryFailedSpanOnce() {
    // As the application pages: limit 8, the cursor of each answer, repeated spans dropped.
    Set<String> found = new LinkedHashSet<>();
    String cursor = null;
    int calls = 0;
    SpanSearchResult page;
    do {
      page = store.searchSpans(new SpanQuery(HOUR, List.of(HAS_ERROR), 8, cursor));
      assertThat(page.spans()).hasSizeLessThanOrEqualTo(8);
      page.spans().forEach(s -> found.add(s.spanId()));
      cursor = page.nextCursor();
      calls++;
    } while (page.mayHaveMore() && calls < 50);

    assertThat(found).containsExactlyInAnyOrderElementsOf(failedIds());
  }

  @Test
  void theOtherConditionsAreSentAndTheStatusIsChecked() {
    Filter service = Filter.equalsString("service.name", "travel-agent-demo2");

    SpanSearchResult result = store.searchSpans(new SpanQuery(HOUR, List.of(service, HAS_ERROR), 100));

    assertThat(result.spans()).hasSize(70);
    traceloop.verify(postRequestedFor(urlPathEqualTo(Fixtures.SPANS)).withRequestBody(matchingJsonPath("$.filters",
        equalToJson("[{\"field\":\"service.name\",\"operator\":\"equals\",\"value\":\"travel-agent-demo2\","
            + "\"value_type\":\"string\"}]"))));
  }

  @Test
  void noFurtherPageIsReadOnceTheCallShouldStop() {
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS))
        .willReturn(ok().withTransformers(SpanSearchFake.NAME).withFixedDelay(700)));
    CallContext stoppingSoon = CallContext.startingNow(Duration.ofMillis(1000), Duration.ofMillis(500), (d, t, m) -> { });

    SpanSearchResult result = stoppingSoon.call(() -> store.searchSpans(new SpanQuery(HOUR, List.of(HAS_ERROR), 100)));

    traceloop.verify(1, postRequestedFor(urlPathEqualTo(Fixtures.SPANS)));
    assertThat(result.mayHaveMore()).isTrue();
    assertThat(result.shortfall()).isNotNull();
    assertThat(result.shortfall().stoppedBy()).isEqualTo(StopReason.DEADLINE);
    // The first page (1000 spans of the newest seconds) was read: the search covered the window from the oldest of them on.
    List<ObjectNode> apiOrder = new ArrayList<>(rows);
    apiOrder.sort(SpanSearchFake.API_ORDER);
    long oldestRead = apiOrder.subList(0, 1000).stream().mapToLong(r -> r.path("timestamp").asLong()).min().orElseThrow();
    assertThat(result.shortfall().searchedFrom()).isEqualTo(Instant.ofEpochMilli(oldestRead));
    assertThat(result.spans()).isNotEmpty()
        .allSatisfy(s -> assertThat(s.startTime()).isAfterOrEqualTo(result.shortfall().searchedFrom()));
  }
}
