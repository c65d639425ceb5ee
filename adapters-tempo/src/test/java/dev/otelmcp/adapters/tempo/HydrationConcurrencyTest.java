package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.otelmcp.tck.ServedRequests.maxInFlight;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.Cassette;
import dev.otelmcp.tck.ServedRequests;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whole traces the store fetches itself (re-checks, span search) are fetched in parallel, each once, never
 * more than {@code hydration_concurrency} at a time: no serial N+1. The overlap is read from WireMock's
 * journal (when each request arrived and how long it was served), not from the test's clock.
 */
class HydrationConcurrencyTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().containerThreads(16)).build();

  private static final int DELAY_MS = 600;
  private static final TimeRange NOV_13 =
      new TimeRange(Instant.parse("2025-11-13T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));
  private static final Filter MINI = Filter.equalsString("gen_ai.request.model", "gpt-4o-mini");

  private TempoTraceStore store;

  private TempoTraceStore store(int concurrency) {
    store = new TempoTraceStore(TempoConfig.from(TestBackendSettings.url(tempo.baseUrl())
        .with("api_version", "v1").with("hydration_concurrency", Integer.toString(concurrency))));
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  /** The four recorded travel-agent-demo traces, each served after a delay. */
  private static void slowTraces() {
    WireMock wireMock = tempo.getRuntimeInfo().getWireMock();
    for (Cassette.Interaction trace : RecordedTempo.cassette(RecordedTempo.BY_SERVICE).interactions()) {
      if (trace.path().startsWith("/api/traces/")) {
        wireMock.register(get(urlPathEqualTo(trace.path())).willReturn(trace.response().withFixedDelay(DELAY_MS)));
      }
    }
  }

  private static void candidates(String traceQl) {
    RecordedTempo.searchAnsweredAs(tempo.getRuntimeInfo().getWireMock(), traceQl, RecordedTempo.BY_SERVICE,
        RecordedTempo.DEMO);
  }

  private static List<ServeEvent> traceFetches() {
    return ServedRequests.toUrlsStartingWith(ServedRequests.timed(tempo::getAllServeEvents), "/api/traces/");
  }

  @Test
  void reCheckedCandidatesAreFetchedAllAtOnceEachOnce() {
    slowTraces();
    candidates(FilterTranslator.spanset(List.of(MINI), FilterTranslator.Context.TRACE).traceQl());

    TraceSearchResult result = store(8).searchTraces(new TraceQuery(NOV_13, List.of(MINI), 10));

    List<ServeEvent> fetches = traceFetches();
    assertThat(fetches).hasSize(4);
    assertThat(fetches).extracting(e -> e.getRequest().getUrl()).doesNotHaveDuplicates();
    assertThat(fetches).allSatisfy(e -> assertThat(e.getTiming().getTotalTime()).isGreaterThanOrEqualTo(DELAY_MS));
    assertThat(maxInFlight(fetches)).as("all four fetched at the same time").isEqualTo(4);
    assertThat(result.hits()).extracting(TraceHit::traceId).containsExactly("9a8cb895bee63fabb705329a05ced33b",
        "693bde2879b745ff467c20bf9cd2ea7a", "eed63641fc3ffa3ea40a166e2604edd2");
  }

  @Test
  void concurrencyIsBoundedByHydrationConcurrency() {
    slowTraces();
    candidates(FilterTranslator.spanset(List.of(MINI), FilterTranslator.Context.TRACE).traceQl());

    TraceSearchResult result = store(2).searchTraces(new TraceQuery(NOV_13, List.of(MINI), 10));

    assertThat(traceFetches()).hasSize(4);
    assertThat(maxInFlight(traceFetches())).as("never more than two at once, and two at once").isEqualTo(2);
    assertThat(result.hits()).hasSize(3);
  }

  @Test
  void spanSearchFetchesTheTracesOfMatchedSpansInParallel() {
    slowTraces();
    RecordedTempo.search(tempo.getRuntimeInfo().getWireMock(), RecordedTempo.BY_SERVICE, RecordedTempo.DEMO);

    SpanSearchResult result = store(8).searchSpans(new SpanQuery(NOV_13,
        List.of(Filter.equalsString("service.name", "travel-agent-demo")), 100));

    assertThat(traceFetches()).hasSize(4);
    assertThat(maxInFlight(traceFetches())).isEqualTo(4);
    // 10 + 28 + 22 + 17 spans, every one of travel-agent-demo.
    assertThat(result.spans()).hasSize(77).allSatisfy(span -> assertThat(span.serviceName()).isEqualTo("travel-agent-demo"));
    assertThat(result.spans()).extracting(Span::startTime).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(result.spans().get(0).spanId()).as("the last LLM call of 42ff…").isEqualTo("267fb9e41508b20f");
    assertThat(result.mayHaveMore()).isFalse();
  }

  @Test
  void aTraceThatKeepsFailingIsNamedAndTheOthersAreAnswered() {
    slowTraces();
    tempo.getRuntimeInfo().getWireMock().register(get(urlPathEqualTo("/api/traces/9a8cb895bee63fabb705329a05ced33b"))
        .atPriority(1).willReturn(serviceUnavailable()));
    RecordedTempo.search(tempo.getRuntimeInfo().getWireMock(), RecordedTempo.BY_SERVICE, RecordedTempo.DEMO);

    SpanSearchResult result = store(8).searchSpans(new SpanQuery(NOV_13,
        List.of(Filter.equalsString("service.name", "travel-agent-demo")), 100));

    // 10 + 28 + 22 + 17 spans without the 28 of 9a8c…
    assertThat(result.spans()).hasSize(49);
    assertThat(result.shortfall()).isEqualTo(Shortfall.failed(
        List.of("trace 9a8cb895bee63fabb705329a05ced33b: HTTP 503")));
  }
}
