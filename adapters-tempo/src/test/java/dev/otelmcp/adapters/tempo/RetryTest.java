package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.RateLimitedException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.FlakyBackend;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Brief failures of Tempo are retried (the toolkit's policy); lasting ones and rejections are not. */
class RetryTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange NOV_13 =
      new TimeRange(Instant.parse("2025-11-13T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));
  private static final String FOUR_TRACES =
      RecordedTempo.recordedSearch(RecordedTempo.BY_SERVICE, RecordedTempo.DEMO).responseBody();

  private TempoTraceStore store;

  private TempoTraceStore store() {
    store = new TempoTraceStore(TempoConfig.from(TestBackendSettings.url(tempo.baseUrl()).with("timeout", "5s")));
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static void searchFailsOnceWith(ResponseDefinitionBuilder failure) {
    FlakyBackend.failsOnceThen(tempo.getRuntimeInfo().getWireMock(), () -> get(urlPathEqualTo("/api/search")), failure,
        okJson(FOUR_TRACES));
  }

  private static void searchAlwaysAnswers(ResponseDefinitionBuilder answer) {
    tempo.stubFor(get(urlPathEqualTo("/api/search")).willReturn(answer));
  }

  private TraceSearchResult search() {
    return store().searchTraces(new TraceQuery(NOV_13, List.of(), 10));
  }

  private static int searches() {
    return tempo.findAll(getRequestedFor(urlPathEqualTo("/api/search"))).size();
  }

  @Test
  void aServiceUnavailableThenAnAnswerSucceeds() {
    searchFailsOnceWith(serviceUnavailable().withBody("the query frontend is restarting"));

    assertThat(search().hits()).hasSize(4);
    assertThat(searches()).isEqualTo(2);
  }

  @Test
  void tooManyRequestsWithRetryAfterWaitsThatLongThenSucceeds() {
    searchFailsOnceWith(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("too many requests"));

    long started = System.nanoTime();
    TraceSearchResult result = search();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.hits()).hasSize(4);
    assertThat(searches()).isEqualTo(2);
    assertThat(took).isBetween(Duration.ofMillis(950), Duration.ofSeconds(4));
  }

  @Test
  void connectionResetsThenAnAnswerSucceed() {
    // Twice: the JDK client repeats a GET once by itself after a reset (see FlakyBackend).
    FlakyBackend.failsThen(tempo.getRuntimeInfo().getWireMock(), () -> get(urlPathEqualTo("/api/search")), 2,
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(FOUR_TRACES));

    assertThat(search().hits()).hasSize(4);
    assertThat(searches()).isEqualTo(3);
  }

  @Test
  void aLastingServiceUnavailableFailsAfterEightAttemptsInTheUsualWords() {
    searchAlwaysAnswers(serviceUnavailable().withBody("the query frontend is restarting"));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class, this::search);

    assertThat(e).hasMessage("Tempo at " + tempo.baseUrl()
        + " failed with HTTP 503 for GET /api/search: the query frontend is restarting");
    assertThat(e.hint()).contains("retry later");
    assertThat(searches()).isEqualTo(8);
  }

  @Test
  void aBadRequestIsNotRetried() {
    searchAlwaysAnswers(aResponse().withStatus(400).withBody("invalid TraceQL query: parse error"));

    catchThrowableOfType(BackendRejectedException.class, this::search);

    tempo.verify(1, getRequestedFor(urlPathEqualTo("/api/search")));
  }

  @Test
  void aRetryAfterBeyondTheCallsStopTimeIsNotWaitedFor() {
    searchAlwaysAnswers(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("slow down"));
    CallContext call = CallContext.startingNow(Duration.ofSeconds(3), Duration.ofSeconds(1), ProgressSink.NONE);

    long started = System.nanoTime();
    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> call.call(this::search));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    tempo.verify(1, getRequestedFor(urlPathEqualTo("/api/search")));
  }

  @Test
  void backoffWaitsNeverEndPastTheCallsStopTime() {
    searchAlwaysAnswers(serviceUnavailable());
    // Stop time 250 ms from now: the backoff (up to 100, 200, 400 ms…) must give up before it.
    CallContext call = CallContext.startingNow(Duration.ofMillis(500), Duration.ofMillis(250), ProgressSink.NONE);

    long started = System.nanoTime();
    catchThrowableOfType(BackendUnavailableException.class, () -> call.call(this::search));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(400));
    assertThat(call.untilDeadline()).as("answered before the deadline").isPositive();
  }
}
