package dev.otelmcp.adapters.traceloop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Brief failures of the Traceloop API are retried (the toolkit's policy; its searches are POSTs, but reads), lasting
 * ones and rejections are not.
 */
class TraceloopRetryTest {

  @RegisterExtension
  static WireMockExtension traceloop = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange DAY =
      new TimeRange(Instant.parse("2025-11-15T11:10:00Z"), Instant.parse("2025-11-16T11:11:00Z"));
  private static final String ROOTS = Fixtures.interaction("TestTraceloopSearchTraces.test_search_traces_basic",
      Fixtures.ROOT_SPANS).responseBody();

  private TraceloopTraceStore store;

  private TraceloopTraceStore store() {
    store = new TraceloopTraceStore(TraceloopConfig.from(Fixtures.settings(traceloop.baseUrl()).with("timeout", "5s")));
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static void searchFailsOnceWith(ResponseDefinitionBuilder failure) {
    FlakyBackend.failsOnceThen(traceloop.getRuntimeInfo().getWireMock(), () -> post(urlPathEqualTo(Fixtures.ROOT_SPANS)), failure,
        okJson(ROOTS));
  }

  private static void searchAlwaysAnswers(ResponseDefinitionBuilder answer) {
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.ROOT_SPANS)).willReturn(answer));
  }

  private TraceSearchResult search() {
    return store().searchTraces(new TraceQuery(DAY, List.of(), 10));
  }

  private static int searches() {
    return traceloop.findAll(postRequestedFor(urlPathEqualTo(Fixtures.ROOT_SPANS))).size();
  }

  @Test
  void aServiceUnavailableThenAnAnswerSucceeds() {
    searchFailsOnceWith(serviceUnavailable().withBody("the warehouse is restarting"));

    assertThat(search().hits()).hasSize(3);
    assertThat(searches()).isEqualTo(2);
  }

  @Test
  void tooManyRequestsWithRetryAfterWaitsThatLongThenSucceeds() {
    searchFailsOnceWith(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("too many requests"));

    long started = System.nanoTime();
    TraceSearchResult result = search();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.hits()).hasSize(3);
    assertThat(searches()).isEqualTo(2);
    assertThat(took).isBetween(Duration.ofMillis(950), Duration.ofSeconds(4));
  }

  @Test
  void aConnectionResetThenAnAnswerSucceeds() {
    // Once is enough: the JDK client does not repeat a POST by itself.
    searchFailsOnceWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(search().hits()).hasSize(3);
    assertThat(searches()).isEqualTo(2);
  }

  @Test
  void aLastingServiceUnavailableFailsAfterEightAttemptsInTheUsualWords() {
    searchAlwaysAnswers(serviceUnavailable().withBody("the warehouse is restarting"));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class, this::search);

    assertThat(e).hasMessage("Traceloop at " + traceloop.baseUrl() + " failed with HTTP 503 for POST "
        + Fixtures.ROOT_SPANS + ": the warehouse is restarting");
    assertThat(e.hint()).contains("retry later");
    assertThat(searches()).isEqualTo(8);
  }

  @Test
  void aBadRequestIsNotRetried() {
    searchAlwaysAnswers(aResponse().withStatus(400).withBody("{\"error\":\"limit must be at most 1000\"}"));

    catchThrowableOfType(BackendRejectedException.class, this::search);

    traceloop.verify(1, postRequestedFor(urlPathEqualTo(Fixtures.ROOT_SPANS)));
  }

  @Test
  void aRetryAfterBeyondTheCallsStopTimeIsNotWaitedFor() {
    searchAlwaysAnswers(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("slow down"));
    CallContext call = CallContext.startingNow(Duration.ofSeconds(3), Duration.ofSeconds(1), ProgressSink.NONE);

    long started = System.nanoTime();
    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> call.call(this::search));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    traceloop.verify(1, postRequestedFor(urlPathEqualTo(Fixtures.ROOT_SPANS)));
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
