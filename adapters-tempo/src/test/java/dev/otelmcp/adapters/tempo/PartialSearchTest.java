package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.otelmcp.tck.ServedRequests.maxInFlight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.TraceQuery;
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
 * A long window is searched in pieces, in parallel waves, and answered in part when a piece keeps failing or the
 * tool call stops: the answer says which piece failed, or from when on the window was searched.
 *
 * <p>The window is 2025-11-04 .. 2025-12-05 in five pieces of at most 7 days, newest first: Dec 5–Nov 28,
 * Nov 28–21, Nov 21–14, Nov 14–7 (holding the recorded traces), Nov 7–4.
 */
class PartialSearchTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().containerThreads(16)).build();

  private static final TimeRange THIRTY_ONE_DAYS =
      new TimeRange(Instant.parse("2025-11-04T00:00:00Z"), Instant.parse("2025-12-05T00:00:00Z"));
  private static final String NOV_21 = "1763683200";
  private static final String NOV_14 = "1763078400";
  private static final String RECORDED = RecordedTempo.recordedSearch(RecordedTempo.SERVICES, RecordedTempo.ALL)
      .responseBody();

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private TempoTraceStore store;

  private TempoTraceStore store(int concurrency) {
    store = new TempoTraceStore(TempoConfig.from(TestBackendSettings.url(tempo.baseUrl())
        .with("hydration_concurrency", Integer.toString(concurrency))));
    return store;
  }

  @AfterEach
  void close() {
    timer.shutdownNow();
    if (store != null) {
      store.close();
    }
  }

  private static WireMock wireMock() {
    return tempo.getRuntimeInfo().getWireMock();
  }

  /** Every piece answers no traces after {@code delayMs}; the piece ending Nov 14 answers the recorded ones. */
  private static void pieces(int delayMs) {
    wireMock().register(get(urlPathEqualTo("/api/search")).atPriority(10)
        .willReturn(okJson(RecordedTempo.emptySearchBody()).withFixedDelay(delayMs)));
    wireMock().register(get(urlPathEqualTo("/api/search")).withQueryParam("end", equalTo(NOV_14)).atPriority(5)
        .willReturn(okJson(RECORDED).withFixedDelay(delayMs)));
  }

  private static List<String> searchedEnds() {
    return tempo.findAll(getRequestedFor(urlPathEqualTo("/api/search"))).stream()
        .map(r -> r.queryParameter("end").firstValue()).toList();
  }

  private TraceSearchResult search(TempoTraceStore store, int limit) {
    return store.searchTraces(new TraceQuery(THIRTY_ONE_DAYS, List.of(), limit));
  }

  @Test
  void piecesAreSearchedInWavesOfTheStoresConcurrencyAndStopOnceTheLimitIsMet() {
    pieces(300);
    List<String> progress = Collections.synchronizedList(new ArrayList<>());
    CallContext call = CallContext.startingNow(Duration.ofMinutes(1), Duration.ofSeconds(5),
        (done, total, message) -> progress.add(message + " " + (int) done + "/" + total.intValue()));

    TraceSearchResult result = call.call(() -> search(store(2), 5));

    List<ServeEvent> served = ServedRequests.toUrlsStartingWith(ServedRequests.timed(tempo::getAllServeEvents), "/api/search");
    assertThat(served).as("two waves of two; the oldest piece is not needed").hasSize(4);
    assertThat(maxInFlight(served)).isEqualTo(2);
    assertThat(searchedEnds()).doesNotContain("1762473600");
    assertThat(result.hits()).hasSize(5);
    assertThat(result.mayHaveMore()).isTrue();
    assertThat(result.shortfall()).isNull();
    assertThat(progress).containsExactly("Tempo search pieces 1/5", "Tempo search pieces 2/5",
        "Tempo search pieces 3/5", "Tempo search pieces 4/5");
  }

  @Test
  void aPieceThatKeepsFailingIsNamedAndTheOthersAreAnswered() {
    pieces(0);
    wireMock().register(get(urlPathEqualTo("/api/search")).withQueryParam("end", equalTo(NOV_21)).atPriority(1)
        .willReturn(serviceUnavailable().withBody("ingester ring unhealthy")));

    TraceSearchResult result = search(store(8), 5);

    assertThat(result.hits()).hasSize(5);
    assertThat(result.shortfall()).isEqualTo(Shortfall.failed(List.of(
        "search 2025-11-14T00:00:00Z .. 2025-11-21T00:00:00Z: HTTP 503")));
    assertThat(searchedEnds().stream().filter(NOV_21::equals)).as("retried first").hasSize(8);
  }

  @Test
  void whenEveryPieceFailsTheFailureIsTheAnswer() {
    wireMock().register(get(urlPathEqualTo("/api/search")).willReturn(serviceUnavailable().withBody("down")));

    assertThatThrownBy(() -> search(store(8), 5)).isInstanceOf(BackendUnavailableException.class)
        .hasMessage("Tempo at " + tempo.baseUrl() + " failed with HTTP 503 for GET /api/search: down");
  }

  @Test
  void atTheCallsStopTimeNoFurtherPieceStartsAndTheAnswerSaysFromWhenItSearched() {
    pieces(600);
    // One piece at a time, 600 ms each; stop time 1000 ms in, deadline 2000 ms: the second piece (Nov 28–21)
    // starts before the stop time and ends before the deadline, the third never starts. The margins leave room for
    // a cold client's first request (this test may run first in its JVM).
    TempoTraceStore store = store(1);
    CallContext call = CallContext.startingNow(Duration.ofMillis(2000), Duration.ofMillis(1000), (d, t, m) -> { });

    TraceSearchResult result = call.call(() -> search(store, 5));

    assertThat(searchedEnds()).containsExactly("1764892800", "1764288000");
    assertThat(result.hits()).isEmpty();
    assertThat(result.shortfall()).isEqualTo(Shortfall.stopped(StopReason.DEADLINE,
        Instant.parse("2025-11-21T00:00:00Z")));
  }

  @Test
  void aCancelledCallStopsThePiecesUnderWayWithinASecond() {
    pieces(5_000);
    CallContext call = CallContext.startingNow(Duration.ofMinutes(1), Duration.ofSeconds(5), (d, t, m) -> { });
    timer.schedule(call::cancel, 300, TimeUnit.MILLISECONDS);

    long started = System.nanoTime();
    TraceSearchResult result = call.call(() -> search(store(2), 5));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    assertThat(result.hits()).isEmpty();
    assertThat(result.shortfall()).as("nothing searched: from the window's end")
        .isEqualTo(Shortfall.stopped(StopReason.CANCELLED, THIRTY_ONE_DAYS.end()));
    assertThat(searchedEnds()).as("the first wave only, not retried").hasSize(2);
  }
}
