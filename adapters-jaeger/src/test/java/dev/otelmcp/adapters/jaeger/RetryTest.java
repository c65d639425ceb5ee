package dev.otelmcp.adapters.jaeger;

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
import dev.otelmcp.tck.FlakyBackend;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Brief failures of Jaeger are retried (the toolkit's policy); lasting ones and rejections are not. */
class RetryTest {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange WINDOW =
      new TimeRange(Instant.parse("2025-11-11T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));
  private static final String FOUR_SERVICES = Fixtures.cassette("TestJaegerListServices.test_list_services")
      .findByPath("/api/services").responseBody();

  private JaegerTraceStore store;

  private JaegerTraceStore store() {
    store = new JaegerTraceStore(JaegerConfig.from(TestBackendSettings.url(jaeger.baseUrl())
        .with("api_version", "classic").with("timeout", "5s")));
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static void servicesFailOnceWith(ResponseDefinitionBuilder failure) {
    FlakyBackend.failsOnceThen(jaeger.getRuntimeInfo().getWireMock(), () -> get(urlPathEqualTo("/api/services")), failure,
        okJson(FOUR_SERVICES));
  }

  private static void servicesAlwaysAnswer(ResponseDefinitionBuilder answer) {
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(answer));
  }

  private List<String> services() {
    return store().listServices(WINDOW);
  }

  private static int requests() {
    return jaeger.findAll(getRequestedFor(urlPathEqualTo("/api/services"))).size();
  }

  @Test
  void aServiceUnavailableThenAnAnswerSucceeds() {
    servicesFailOnceWith(serviceUnavailable().withBody("storage unavailable"));

    assertThat(services()).hasSize(4);
    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void tooManyRequestsWithRetryAfterWaitsThatLongThenSucceeds() {
    servicesFailOnceWith(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("too many requests"));

    long started = System.nanoTime();
    List<String> result = services();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result).hasSize(4);
    assertThat(requests()).isEqualTo(2);
    assertThat(took).isBetween(Duration.ofMillis(950), Duration.ofSeconds(4));
  }

  @Test
  void connectionResetsThenAnAnswerSucceed() {
    // Twice: the JDK client repeats a GET once by itself after a reset (see FlakyBackend).
    FlakyBackend.failsThen(jaeger.getRuntimeInfo().getWireMock(), () -> get(urlPathEqualTo("/api/services")), 2,
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(FOUR_SERVICES));

    assertThat(services()).hasSize(4);
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void aLastingServiceUnavailableFailsAfterEightAttemptsInTheUsualWords() {
    servicesAlwaysAnswer(serviceUnavailable().withBody("storage unavailable"));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class, this::services);

    assertThat(e).hasMessage("Jaeger at " + jaeger.baseUrl() + " failed with HTTP 503 for GET /api/services: storage"
        + " unavailable");
    assertThat(e.hint()).contains("retry later");
    assertThat(requests()).isEqualTo(8);
  }

  @Test
  void aBadRequestIsNotRetried() {
    servicesAlwaysAnswer(aResponse().withStatus(400).withBody("bad request"));

    catchThrowableOfType(BackendRejectedException.class, this::services);

    jaeger.verify(1, getRequestedFor(urlPathEqualTo("/api/services")));
  }

  @Test
  void aRetryAfterBeyondTheCallsStopTimeIsNotWaitedFor() {
    servicesAlwaysAnswer(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("slow down"));
    CallContext call = CallContext.startingNow(Duration.ofSeconds(3), Duration.ofSeconds(1), ProgressSink.NONE);

    long started = System.nanoTime();
    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> call.call(this::services));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    jaeger.verify(1, getRequestedFor(urlPathEqualTo("/api/services")));
  }

  @Test
  void backoffWaitsNeverEndPastTheCallsStopTime() {
    servicesAlwaysAnswer(serviceUnavailable());
    // Stop time 250 ms from now: the backoff (up to 100, 200, 400 ms…) must give up before it.
    CallContext call = CallContext.startingNow(Duration.ofMillis(500), Duration.ofMillis(250), ProgressSink.NONE);

    long started = System.nanoTime();
    catchThrowableOfType(BackendUnavailableException.class, () -> call.call(this::services));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(400));
    assertThat(call.untilDeadline()).as("answered before the deadline").isPositive();
  }
}
