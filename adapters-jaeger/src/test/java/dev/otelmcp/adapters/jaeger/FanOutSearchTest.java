package dev.otelmcp.adapters.jaeger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.otelmcp.tck.ServedRequests.maxInFlight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.Cassette;
import dev.otelmcp.tck.ServedRequests;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A search without a service asks every service, a bounded number at a time, and merges the answers. The
 * overlap of the per-service requests is read from WireMock's journal (when each arrived and how long it
 * was served), not from the test's wall clock.
 */
class FanOutSearchTest {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().containerThreads(16)).build();

  private static final int DELAY_MS = 600;
  private static final TimeRange WINDOW =
      new TimeRange(Instant.parse("2025-11-11T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private JaegerTraceStore store;

  private JaegerTraceStore store(int concurrency) {
    store = new JaegerTraceStore(JaegerConfig.from(TestBackendSettings.url(jaeger.baseUrl())
        .with("api_version", "classic").with("fanout_concurrency", Integer.toString(concurrency))));
    return store;
  }

  @AfterEach
  void close() {
    timer.shutdownNow();
    if (store != null) {
      store.close();
    }
  }

  /** Four services; each answers with a recorded search body after a delay. */
  private static void fourSlowServices() {
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(okJson(
        Fixtures.cassette("TestJaegerListServices.test_list_services").findByPath("/api/services").responseBody())));
    serviceAnswers("jaeger", searchBody("TestJaegerSearchTraces.test_search_traces_basic"));
    // A subset of jaeger's ten traces: the merge must drop the duplicates.
    serviceAnswers("travel-agent-demo", searchBody("TestJaegerSearchTraces.test_search_traces_with_limit"));
    serviceAnswers("trace-analyzer-agent", searchBody("TestJaegerGetTrace.test_get_trace_by_id"));
    serviceAnswers("model-comparison", Fixtures.emptySearchBody());
  }

  private static String searchBody(String cassette) {
    Cassette recorded = Fixtures.cassette(cassette);
    return recorded.find(i -> i.path().equals("/api/traces")).responseBody();
  }

  private static void serviceAnswers(String service, String body) {
    jaeger.stubFor(get(urlPathEqualTo("/api/traces")).withQueryParam("service", equalTo(service))
        .willReturn(okJson(body).withFixedDelay(DELAY_MS)));
  }

  private static List<ServeEvent> searches() {
    return ServedRequests.toUrlsStartingWith(ServedRequests.timed(jaeger::getAllServeEvents), "/api/traces");
  }

  @Test
  void everyServiceIsSearchedConcurrentlyAndTheResultsMergedNewestFirstWithoutDuplicates() {
    fourSlowServices();

    TraceSearchResult result = store(4).searchTraces(new TraceQuery(WINDOW, List.of(), 20));

    List<ServeEvent> searches = searches();
    assertThat(searches).hasSize(4);
    assertThat(searches).extracting(e -> e.getRequest().queryParameter("service").firstValue())
        .containsExactlyInAnyOrder("jaeger", "travel-agent-demo", "trace-analyzer-agent", "model-comparison");
    assertThat(searches).allSatisfy(e -> assertThat(e.getTiming().getTotalTime()).isGreaterThanOrEqualTo(DELAY_MS));
    assertThat(maxInFlight(searches)).as("all four searches were served at the same time").isEqualTo(4);

    // jaeger's ten traces, of which travel-agent-demo's five and trace-analyzer-agent's one are copies.
    assertThat(result.hits()).hasSize(10).isSortedAccordingTo(Traces.NEWEST_FIRST);
    assertThat(result.hits()).extracting(TraceHit::traceId).doesNotHaveDuplicates()
        .startsWith("0a133b2ffa5d05faf89fe1f489cb020e", "f32788bf0c0139422b6740730014efc0");
    assertThat(result.mayHaveMore()).as("no service filled the limit of 20").isFalse();
  }

  @Test
  void concurrencyIsBoundedByFanoutConcurrency() {
    fourSlowServices();

    TraceSearchResult result = store(2).searchTraces(new TraceQuery(WINDOW, List.of(), 20));

    assertThat(searches()).hasSize(4);
    assertThat(maxInFlight(searches())).as("never more than two searches at once").isEqualTo(2);
    assertThat(result.hits()).hasSize(10);
  }

  @Test
  void limitCutsTheMergedListAndSaysThereMayBeMore() {
    fourSlowServices();

    TraceSearchResult result = store(4).searchTraces(new TraceQuery(WINDOW, List.of(), 3));

    assertThat(result.hits()).extracting(TraceHit::traceId).containsExactly(
        "0a133b2ffa5d05faf89fe1f489cb020e", "f32788bf0c0139422b6740730014efc0", "062e848dd2141f687dc0c075740a9336");
    assertThat(result.mayHaveMore()).isTrue();
  }

  @Test
  void aServiceThatKeepsFailingIsNamedAndTheOthersAreAnswered() {
    fourSlowServices();
    jaeger.stubFor(get(urlPathEqualTo("/api/traces")).withQueryParam("service", equalTo("trace-analyzer-agent"))
        .willReturn(aResponse().withStatus(503).withBody("storage unavailable")));
    JaegerTraceStore store = store(4);

    TraceSearchResult result = store.searchTraces(new TraceQuery(WINDOW, List.of(), 20));

    assertThat(result.hits()).hasSize(10);
    assertThat(result.shortfall()).isEqualTo(Shortfall.failed(List.of("service trace-analyzer-agent: HTTP 503")));
    assertThat(searches().stream().filter(e -> e.getRequest().queryParameter("service").firstValue()
        .equals("trace-analyzer-agent"))).as("retried first").hasSize(8);
  }

  @Test
  void whenEveryServiceFailsTheFailureIsTheAnswer() {
    fourSlowServices();
    jaeger.stubFor(get(urlPathEqualTo("/api/traces")).atPriority(1)
        .willReturn(aResponse().withStatus(500).withBody("storage unavailable")));

    assertThatThrownBy(() -> store(4).searchTraces(new TraceQuery(WINDOW, List.of(), 20)))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessage("Jaeger at " + jaeger.baseUrl() + " failed with HTTP 500 for GET /api/traces: storage unavailable");
  }

  @Test
  void atTheCallsStopTimeNoFurtherServiceIsSearchedAndTheOthersAreNamed() {
    fourSlowServices();
    List<String> progress = Collections.synchronizedList(new ArrayList<>());
    // One service at a time, 600 ms each; stop time 900 ms in, deadline 1800 ms: two services are searched.
    CallContext call = CallContext.startingNow(Duration.ofMillis(1800), Duration.ofMillis(900),
        (done, total, message) -> progress.add(message + " " + (int) done + "/" + total.intValue()));

    TraceSearchResult result = call.call(() -> store(1).searchTraces(new TraceQuery(WINDOW, List.of(), 20)));

    // Services in name order: jaeger, model-comparison | trace-analyzer-agent, travel-agent-demo.
    assertThat(searches()).extracting(e -> e.getRequest().queryParameter("service").firstValue())
        .containsExactlyInAnyOrder("jaeger", "model-comparison");
    assertThat(result.hits()).hasSize(10);
    assertThat(result.shortfall()).isEqualTo(new Shortfall(StopReason.DEADLINE, null,
        List.of("services not searched: trace-analyzer-agent, travel-agent-demo")));
    assertThat(progress).containsExactly("Jaeger services searched 1/4", "Jaeger services searched 2/4",
        "Jaeger services searched 3/4", "Jaeger services searched 4/4");
  }

  @Test
  void aCancelledCallStopsTheSearchesUnderWayWithinASecond() {
    fourSlowServices();
    jaeger.stubFor(get(urlPathEqualTo("/api/traces")).atPriority(1)
        .willReturn(okJson(Fixtures.emptySearchBody()).withFixedDelay(5_000)));
    CallContext call = CallContext.startingNow(Duration.ofMinutes(1), Duration.ofSeconds(5), (d, t, m) -> { });
    JaegerTraceStore store = store(4);
    timer.schedule(call::cancel, 300, TimeUnit.MILLISECONDS);

    long started = System.nanoTime();
    TraceSearchResult result = call.call(() -> store.searchTraces(new TraceQuery(WINDOW, List.of(), 20)));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    assertThat(result.hits()).isEmpty();
    assertThat(result.shortfall().stoppedBy()).isEqualTo(StopReason.CANCELLED);
    assertThat(result.shortfall().failedParts()).containsExactly(
        "services not searched: jaeger, model-comparison, trace-analyzer-agent, travel-agent-demo");
  }
}
