package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceSummary;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Trace search against recorded Tempo answers: summaries, the window sent, limits, long windows, re-checks. */
class TraceSearchTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange NOV_13 =
      new TimeRange(Instant.parse("2025-11-13T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));

  private TempoTraceStore store;

  private TempoTraceStore store(TestBackendSettings settings) {
    store = new TempoTraceStore(TempoConfig.from(settings));
    return store;
  }

  private TempoTraceStore store() {
    return store(TestBackendSettings.url(tempo.baseUrl()).with("api_version", "v1"));
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static WireMock wireMock() {
    return tempo.getRuntimeInfo().getWireMock();
  }

  private static List<LoggedRequest> searches() {
    return tempo.findAll(getRequestedFor(urlPathEqualTo("/api/search")));
  }

  @Test
  void hitsAreSummariesWithHexIdsRootsStartsDurationsAndCountsFromServiceStats() {
    RecordedTempo.search(wireMock(), RecordedTempo.BY_SERVICE, RecordedTempo.DEMO);

    TraceSearchResult result = store().searchTraces(new TraceQuery(NOV_13,
        List.of(Filter.equalsString("service.name", "travel-agent-demo")), 10));

    assertThat(result.hits()).extracting(TraceHit::traceId).containsExactlyElementsOf(RecordedTempo.DEMO_TRACES);
    assertThat(result.hits()).allSatisfy(hit -> assertThat(hit).isInstanceOf(TraceSummary.class));
    TraceSummary first = (TraceSummary) result.hits().get(0);
    assertThat(first.rootServiceName()).isEqualTo("travel-agent-demo");
    assertThat(first.rootOperationName()).isEqualTo("Agent Workflow");
    assertThat(first.startTime()).isEqualTo(Instant.parse("2025-11-13T13:56:27.232503Z"));
    assertThat(first.duration()).isEqualTo(Duration.ofMillis(10109));
    assertThat(first.spanCount()).isEqualTo(10);
    assertThat(first.errorSpanCount()).as("errorCount omitted by jsonpb means 0").isZero();
    assertThat(first.services()).containsExactly("travel-agent-demo");
    assertThat(((TraceSummary) result.hits().get(1)).spanCount()).isEqualTo(28);
    assertThat(result.mayHaveMore()).as("4 hits for a limit of 10").isFalse();
  }

  @Test
  void everySearchSendsTheWindowInUnixSecondsTheLimitAndTheTraceQl() {
    RecordedTempo.search(wireMock(), RecordedTempo.BY_SERVICE, RecordedTempo.DEMO);
    TimeRange window = new TimeRange(Instant.parse("2025-11-13T10:00:00.250Z"), Instant.parse("2025-11-13T16:00:00.750Z"));

    store().searchTraces(new TraceQuery(window, List.of(Filter.equalsString("service.name", "travel-agent-demo")), 7));

    LoggedRequest request = searches().get(0);
    assertThat(request.queryParameter("q").firstValue()).isEqualTo("{ resource.service.name = \"travel-agent-demo\" }");
    assertThat(request.queryParameter("limit").firstValue()).isEqualTo("7");
    // Rounded outwards, so the window asked is never narrower than the one wanted.
    assertThat(request.queryParameter("start").firstValue()).isEqualTo("1763028000");
    assertThat(request.queryParameter("end").firstValue()).isEqualTo("1763049601");
    assertThat(request.getUrl()).doesNotContain("+").contains("q=%7B%20resource.service.name%20%3D%20%22");
  }

  @Test
  void queriesFullOfQuotesBackslashesAndRegexMetacharactersReachTempoIntact() {
    wireMock().register(get(urlPathEqualTo("/api/search")).willReturn(okJson(RecordedTempo.emptySearchBody())));
    List<Filter> filters = List.of(
        Filter.of("name", FilterOperator.CONTAINS, FilterValueType.STRING, List.of("a.*+?()[]{}|^$\\b")),
        Filter.equalsString("span.x\" || true || \"", "\" || true || \""));

    store().searchTraces(new TraceQuery(NOV_13, filters, 3));

    assertThat(searches().get(0).queryParameter("q").firstValue()).isEqualTo(
        "{ name =~ \"(?s)^.*a\\\\.\\\\*\\\\+\\\\?\\\\(\\\\)\\\\[\\\\]\\\\{\\\\}\\\\|\\\\^\\\\$\\\\\\\\b.*$\""
            + " && span.\"x\\\" || true || \\\"\" = \"\\\" || true || \\\"\" }");
  }

  @Test
  void theLimitIsHonouredAndSaysWhenMoreMayExist() {
    RecordedTempo.search(wireMock(), RecordedTempo.SERVICES, RecordedTempo.ALL);

    TraceSearchResult result = store().searchTraces(new TraceQuery(NOV_13, List.of(), 2));

    // The stub answers the recorded 7 traces whatever the limit: the store still returns 2.
    assertThat(result.hits()).extracting(TraceHit::traceId)
        .containsExactly("bec9c8df1c3a22a134e4c9c7aa0f0ce3", "6ce0a0129015a826c7f54b78275cfe37");
    assertThat(result.mayHaveMore()).isTrue();
  }

  @Test
  void aLimitAboveTempoMaximumIsCappedToItAndReportedAsPossiblyIncomplete() {
    RecordedTempo.search(wireMock(), RecordedTempo.SERVICES, RecordedTempo.ALL);

    TraceSearchResult result = store(TestBackendSettings.url(tempo.baseUrl()).with("max_search_limit", "3"))
        .searchTraces(new TraceQuery(NOV_13, List.of(), 500));

    assertThat(searches().get(0).queryParameter("limit").firstValue()).isEqualTo("3");
    assertThat(result.hits()).hasSize(3);
    assertThat(result.mayHaveMore()).isTrue();
    assertThat(store.capabilities().maxSearchLimit()).isEqualTo(3);
  }

  @Test
  void aWindowLongerThanTempoAllowsIsSearchedInPiecesNewestFirstUntilTheLimitIsReached() {
    // Nothing in the three most recent 7-day pieces; the recorded traces in the fourth.
    wireMock().register(get(urlPathEqualTo("/api/search")).atPriority(10).willReturn(okJson(RecordedTempo.emptySearchBody())));
    wireMock().register(get(urlPathEqualTo("/api/search")).withQueryParam("end", equalTo("1763078400"))
        .willReturn(okJson(RecordedTempo.recordedSearch(RecordedTempo.SERVICES, RecordedTempo.ALL).responseBody())));
    TimeRange thirtyDays = new TimeRange(Instant.parse("2025-11-13T00:00:00Z").minus(Duration.ofDays(9)),
        Instant.parse("2025-11-14T00:00:00Z").plus(Duration.ofDays(21)));

    // One piece at a time, so that the limit stops the search before the oldest piece (PartialSearchTest has waves).
    TraceSearchResult result = store(TestBackendSettings.url(tempo.baseUrl()).with("api_version", "v1")
        .with("hydration_concurrency", "1")).searchTraces(new TraceQuery(thirtyDays, List.of(), 5));

    List<LoggedRequest> pieces = searches();
    assertThat(pieces).extracting(r -> r.queryParameter("end").firstValue() + "-" + r.queryParameter("start").firstValue())
        .containsExactly("1764892800-1764288000", "1764288000-1763683200", "1763683200-1763078400",
            "1763078400-1762473600");
    assertThat(pieces).allSatisfy(r -> assertThat(Long.parseLong(r.queryParameter("end").firstValue())
        - Long.parseLong(r.queryParameter("start").firstValue())).isLessThanOrEqualTo(168 * 3600));
    assertThat(result.hits()).hasSize(5);
    assertThat(result.mayHaveMore()).as("stopped with the oldest piece unsearched").isTrue();
    assertThat(result.shortfall()).as("the limit, not a failure or the call, ended it").isNull();
  }

  @Test
  void anApproximateConditionIsReCheckedOnWholeTracesSoOnlyRealMatchesReturn() {
    // What Tempo would answer for the alias alternative is not recorded; the recorded service search stands in
    // for a superset answer: 42ff… has no gpt-4o-mini span and must be dropped.
    Filter model = Filter.equalsString("gen_ai.request.model", "gpt-4o-mini");
    String traceQl = FilterTranslator.spanset(List.of(model), FilterTranslator.Context.TRACE).traceQl();
    RecordedTempo.searchAnsweredAs(wireMock(), traceQl, RecordedTempo.BY_SERVICE, RecordedTempo.DEMO);
    RecordedTempo.tracesV1(wireMock(), RecordedTempo.BY_SERVICE);

    TraceSearchResult result = store().searchTraces(new TraceQuery(NOV_13, List.of(model), 10));

    assertThat(result.hits()).extracting(TraceHit::traceId).containsExactly("9a8cb895bee63fabb705329a05ced33b",
        "693bde2879b745ff467c20bf9cd2ea7a", "eed63641fc3ffa3ea40a166e2604edd2");
    assertThat(result.hits()).allSatisfy(hit -> assertThat(hit).isInstanceOf(Trace.class));
    assertThat(((Trace) result.hits().get(0)).spanCount()).isEqualTo(28);
    assertThat(tempo.findAll(getRequestedFor(urlPathEqualTo("/api/traces/42ff472d7feb6215bec0cf4e350675b2"))))
        .hasSize(1);
  }

  @Test
  void numericFiltersAreReCheckedSoTextAndIntegersCompareAsTheDomainDoes() {
    Filter tokens = Filter.of("gen_ai.usage.prompt_tokens", FilterOperator.GT, FilterValueType.NUMBER, List.of(5000));
    String traceQl = FilterTranslator.spanset(List.of(tokens), FilterTranslator.Context.TRACE).traceQl();
    RecordedTempo.searchAnsweredAs(wireMock(), traceQl, RecordedTempo.BY_SERVICE, RecordedTempo.DEMO);
    RecordedTempo.tracesV1(wireMock(), RecordedTempo.BY_SERVICE);

    TraceSearchResult result = store().searchTraces(new TraceQuery(NOV_13, List.of(tokens), 10));

    // Only 9a8c… has an LLM call with more than 5000 prompt tokens (6963).
    assertThat(result.hits()).extracting(TraceHit::traceId).containsExactly("9a8cb895bee63fabb705329a05ced33b");
  }
}
