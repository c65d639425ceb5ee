package dev.otelmcp.adapters.traceloop;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.TraceSummary;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store against the recorded Traceloop API: what it asks, and what it makes of the answers. */
class TraceloopStoreTest {

  @RegisterExtension
  static WireMockExtension traceloop = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** The day before the recording (Sun, 16 Nov 2025 11:10 GMT), as the reference's default window. */
  private static final TimeRange DAY =
      new TimeRange(Instant.parse("2025-11-15T11:10:00Z"), Instant.parse("2025-11-16T11:11:00Z"));
  /** The week before the recording, as the reference listed services and operations. */
  private static final TimeRange WEEK =
      new TimeRange(Instant.parse("2025-11-09T11:10:00Z"), Instant.parse("2025-11-16T11:11:00Z"));

  private TraceloopTraceStore store;

  @BeforeEach
  void recordedApi() {
    RecordedTraceloop.serve(traceloop.getRuntimeInfo().getWireMock());
    store = new TraceloopTraceStore(TraceloopConfig.from(Fixtures.settings(traceloop.baseUrl())));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void traceSearchAnswersRootSpanSummariesNewestFirst() {
    TraceSearchResult result = store.searchTraces(new TraceQuery(DAY, List.of(), 10));

    assertThat(result.hits()).extracting(TraceHit::traceId).containsExactly(Fixtures.TRACE_ID,
        "f53581d7de2b03275fad361fd5a2a9fe", "83ba2d50d52cac29534deeb6f0197b60");
    assertThat(result.hits()).allSatisfy(hit -> assertThat(hit).isInstanceOf(TraceSummary.class));
    assertThat((TraceSummary) result.hits().get(1)).isEqualTo(new TraceSummary("f53581d7de2b03275fad361fd5a2a9fe",
        "travel-agent-demo2", "Agent Workflow", Instant.parse("2025-11-16T06:02:57.019Z"), Duration.ofMillis(80_747),
        20, null, List.of()));
    assertThat(result.mayHaveMore()).isFalse();
    assertThat(result.nextCursor()).isNull();
    traceloop.verify(postRequestedFor(urlPathEqualTo(Fixtures.ROOT_SPANS))
        .withHeader("Authorization", equalTo("Bearer " + Fixtures.KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"filters\":[],\"logical_operator\":\"and\",\"environments\":[\"prd\"],"
            + "\"sort_by\":\"timestamp\",\"sort_order\":\"DESC\",\"cursor\":0,\"limit\":10,"
            + "\"from_timestamp_sec\":1763205000,\"to_timestamp_sec\":1763291460}")));
  }

  @Test
  void traceSearchHandsOnTheCursorAndSendsItBack() {
    TraceSearchResult first = store.searchTraces(new TraceQuery(DAY, List.of(), 1));
    assertThat(first.hits()).extracting(TraceHit::traceId).containsExactly(Fixtures.TRACE_ID);
    assertThat(first.mayHaveMore()).isTrue();
    assertThat(first.nextCursor()).isEqualTo("1763273059770");

    // The second page of that search was not recorded; the recorded search of the same window holds its row.
    String secondPage = RecordedTraceloop.rows("TestTraceloopSearchTraces.test_search_traces_basic",
        Fixtures.ROOT_SPANS, "root_spans", 1, 2, true);
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.ROOT_SPANS)).atPriority(1)
        .withRequestBody(equalToJson("{\"cursor\":1763273059770,\"limit\":1}", true, true))
        .willReturn(okJson(secondPage)));
    TraceSearchResult second = store.searchTraces(new TraceQuery(DAY, List.of(), 1, first.nextCursor()));

    assertThat(second.hits()).extracting(TraceHit::traceId).containsExactly("f53581d7de2b03275fad361fd5a2a9fe");
    assertThat(second.mayHaveMore()).isTrue();
    assertThat(second.nextCursor()).isEqualTo("1763272977019");
  }

  @Test
  void spanSearchFollowsNextCursorPageAfterPage() {
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS)).atPriority(1)
        .withRequestBody(equalToJson("{\"filters\":[],\"cursor\":1763273065021,\"limit\":10}", true, true))
        .willReturn(okJson(RecordedTraceloop.rows(RecordedTraceloop.SPANS_BASIC, Fixtures.SPANS, "spans", 10, 20, true))));
    List<Span> spans = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      SpanSearchResult page = store.searchSpans(new SpanQuery(DAY, List.of(), 10, cursor));
      spans.addAll(page.spans());
      cursor = page.mayHaveMore() ? page.nextCursor() : null;
      pages++;
    } while (cursor != null && pages < 2);

    assertThat(cursor).isEqualTo("1763272985065");
    assertThat(spans).hasSize(20);
    // The two pages are the 20 newest spans in the API's order (newest first, not strictly so within a second).
    List<String> recorded = new ArrayList<>();
    Fixtures.body(RecordedTraceloop.SPANS_BASIC, Fixtures.SPANS).path("spans").path("data")
        .forEach(row -> recorded.add(row.path("span_id").asText()));
    assertThat(spans).extracting(Span::spanId).containsExactlyElementsOf(recorded)
        .startsWith("e82e6570ac10b8f6").endsWith("bd891d7c9529c5d0");
  }

  @Test
  void spanSearchSendsFiltersInTheApisVocabulary() {
    SpanSearchResult result = store.searchSpans(new SpanQuery(DAY, List.of(Filter.equalsString("gen_ai.system", "openai")), 20));

    traceloop.verify(postRequestedFor(urlPathEqualTo(Fixtures.SPANS)).withRequestBody(equalToJson(
        "{\"filters\":[{\"field\":\"llm.vendor\",\"operator\":\"equals\",\"value\":\"openai\",\"value_type\":\"string\"}],"
            + "\"cursor\":0,\"limit\":20}", true, true)));
    assertThat(result.spans()).hasSize(17).allSatisfy(span -> {
      assertThat(span.attributes().get("llm.vendor")).contains(AttributeValue.of("openai"));
      assertThat(span.serviceName()).isEqualTo("travel-agent-demo2");
    });
    assertThat(result.mayHaveMore()).isFalse();
    Map<StatusCode, Long> statuses = result.spans().stream().collect(Collectors.groupingBy(s -> s.status().code(),
        Collectors.counting()));
    assertThat(statuses).isEqualTo(Map.of(StatusCode.OK, 14L, StatusCode.UNSET, 2L, StatusCode.ERROR, 1L));
  }

  @Test
  void spanSearchByRequestedModel() {
    SpanSearchResult result = store.searchSpans(new SpanQuery(DAY,
        List.of(Filter.equalsString("gen_ai.request.model", "gpt-4o-mini")), 200));

    assertThat(result.spans()).extracting(Span::spanId)
        .containsExactly("01e55a77b2a2dce0", "b7bca658fb4eaed9", "7c0721b2051c4bf5");
  }

  @Test
  void spanSearchKeepsOnlyTheWindow() {
    // The basic recording's newest row started at 06:05:20.050; a window ending before it leaves it out.
    TimeRange early = new TimeRange(DAY.start(), Instant.parse("2025-11-16T06:05:20.050Z"));

    SpanSearchResult result = store.searchSpans(new SpanQuery(early, List.of(), 20));

    assertThat(result.spans()).hasSize(19).extracting(Span::spanId).doesNotContain("e82e6570ac10b8f6");
    assertThat(result.mayHaveMore()).isTrue();
    assertThat(result.nextCursor()).isEqualTo("1763272985065");
  }

  @Test
  void getTraceReturnsEverySpanWithServiceStatusAndTypedUsage() {
    Trace trace = store.getTrace(TraceId.parse(Fixtures.TRACE_ID.toUpperCase())).orElseThrow();

    assertThat(trace.spans()).hasSize(18);
    assertThat(trace.root().spanId()).isEqualTo("6b3a38f23a58e2ec");
    assertThat(trace.services()).containsExactly("travel-agent-demo2");
    assertThat(trace.spans()).filteredOn(s -> s.status().code() == StatusCode.OK).hasSize(13);
    assertThat(trace.spans()).filteredOn(s -> s.status().code() == StatusCode.UNSET).extracting(Span::spanId)
        .containsExactlyInAnyOrder("01e55a77b2a2dce0", "124b20f6c218667c", "0218eda7b3b9bb1d", "9600088deb650377",
            "93af6b44a9f31b53");
    assertThat(trace.status()).isEqualTo(StatusCode.OK);
    assertThat(trace.durationMs()).isEqualTo(68_639.0);
    assertThat(trace.root().resource().get("telemetry.sdk.language")).contains(AttributeValue.of("python"));
    assertThat(trace.root().scopeName()).isEqualTo("opentelemetry.instrumentation.openai_agents");
    // Usage as the LLM view reads it: typed llm.usage.* on the 7 LLM calls, 15548 tokens in all.
    assertThat(trace.spans().stream().mapToLong(s -> s.attributes().getNumber("llm.usage.total_tokens").isPresent()
        ? (long) s.attributes().getNumber("llm.usage.total_tokens").getAsDouble() : 0).sum()).isEqualTo(15_548L);
    assertThat(trace.spans()).filteredOn(s -> s.attributes().containsKey("llm.usage.prompt_tokens")).hasSize(7)
        .allSatisfy(s -> assertThat(s.attributes().get("llm.usage.prompt_tokens").orElseThrow())
            .isInstanceOf(AttributeValue.LongValue.class));
    Span chat = trace.spans().stream().filter(s -> s.spanId().equals("01e55a77b2a2dce0")).findFirst().orElseThrow();
    assertThat(chat.attributes().get("llm.completions.0.finish_reason")).contains(AttributeValue.of("stop"));
    assertThat(chat.attributes().get(SpanMapper.COST_TOTAL)).contains(AttributeValue.of(1332L));
    traceloop.verify(postRequestedFor(urlPathEqualTo(Fixtures.SPANS)).withRequestBody(equalToJson(
        "{\"filters\":[],\"logical_operator\":\"and\",\"environments\":[\"prd\"],\"sort_by\":\"timestamp\","
            + "\"sort_order\":\"DESC\",\"cursor\":0,\"limit\":1000,\"from_timestamp_sec\":1763273059,"
            + "\"to_timestamp_sec\":1763273121}")));
  }

  @Test
  void spansTheSearchDoesNotFindKeepAnUnknownServiceAndNoStatus() {
    // The recorded empty page (service unknown_service) stands for a span search that finds none of the spans.
    String empty = Fixtures.cassette("TestTraceloopSearchSpans.test_search_spans_with_service_filter")
        .find(i -> i.path().equals(Fixtures.SPANS)).responseBody();
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS)).atPriority(0).willReturn(okJson(empty)));

    Trace trace = store.getTrace(new TraceId(Fixtures.TRACE_ID)).orElseThrow();

    assertThat(trace.spans()).hasSize(18).allSatisfy(span -> {
      assertThat(span.serviceName()).isEqualTo(Span.UNKNOWN_SERVICE);
      assertThat(span.status().code()).isEqualTo(StatusCode.UNSET);
    });
    assertThat(trace.spans().get(0).attributes().get("llm.vendor")).contains(AttributeValue.of("openai_agents"));
  }

  @Test
  void anUnknownTraceIdIsEmptyNotAnEmptyTrace() {
    assertThat(store.getTrace(new TraceId("00000000000000000000000000000001"))).isEmpty();

    traceloop.verify(getRequestedFor(urlPathEqualTo("/v2/projects/default/traces/00000000000000000000000000000001/spans")));
    traceloop.verify(0, postRequestedFor(urlPathEqualTo(Fixtures.SPANS)));
  }

  @Test
  void servicesAreTheRootSpansServicesSorted() {
    assertThat(store.listServices(WEEK)).containsExactly(
        "customer-test-sync", "joke_generation_service", "joke_generator", "travel-agent-demo2", "unknown_service");
    traceloop.verify(1, postRequestedFor(urlPathEqualTo(Fixtures.ROOT_SPANS))
        .withRequestBody(equalToJson("{\"cursor\":0,\"limit\":1000}", true, true)));
  }

  @Test
  void operationsAreTheSpanNamesOfTheServicesOwnSpans() {
    List<Operation> travel = store.listOperations("travel-agent-demo2", WEEK);
    List<Operation> jokes = store.listOperations("joke_generator", WEEK);

    // From the recorded rows of each service (RecordedTraceloop.serviceSpans), each name once, sorted.
    assertThat(travel).extracting(Operation::name).containsExactly("Agent Workflow", "GET",
        "Travel Planner Agent.agent", "create_itinerary.tool", "get_destination_info.tool",
        "get_location_coordinates.tool", "get_weather_forecast.tool", "openai.chat", "openai.response",
        "search_destinations.tool");
    assertThat(travel).filteredOn(op -> op.name().equals("search_destinations.tool"))
        .extracting(op -> op.spanKind().orElseThrow()).containsExactly(SpanKind.INTERNAL);
    assertThat(jokes).extracting(Operation::name)
        .containsExactly("galz_joke_workflow.workflow", "joke_workflow_galz.workflow");
    traceloop.verify(postRequestedFor(urlPathEqualTo(Fixtures.SPANS)).withRequestBody(equalToJson(
        "{\"filters\":[{\"field\":\"service.name\",\"operator\":\"equals\",\"value\":\"travel-agent-demo2\","
            + "\"value_type\":\"string\"}],\"logical_operator\":\"and\",\"environments\":[\"prd\"],"
            + "\"sort_by\":\"timestamp\",\"sort_order\":\"DESC\",\"cursor\":0,\"limit\":1000,"
            + "\"from_timestamp_sec\":1762686600,\"to_timestamp_sec\":1763291460}")));
    traceloop.verify(2, postRequestedFor(urlPathEqualTo(Fixtures.SPANS)));
  }

  @Test
  void operationsWithoutAServiceAreAnInvalidQuery() {
    assertThatThrownBy(() -> store.listOperations(" ", WEEK)).isInstanceOf(InvalidQueryException.class)
        .hasMessage("service_name is required to list operations");
  }

  @Test
  void healthChecksTheWarehouseWithTheKey() {
    assertThat(store.health().healthy()).isTrue();
    assertThat(store.health().detail()).isEqualTo("Traceloop API at " + traceloop.baseUrl() + ", environments prd");
    traceloop.verify(getRequestedFor(urlPathEqualTo(Fixtures.WAREHOUSE))
        .withHeader("Authorization", equalTo("Bearer " + Fixtures.KEY)));
  }
}
