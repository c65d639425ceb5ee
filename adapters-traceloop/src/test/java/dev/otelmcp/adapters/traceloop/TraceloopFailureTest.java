package dev.otelmcp.adapters.traceloop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.error.RateLimitedException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.TestBackendSettings;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every way a Traceloop call fails maps to the right domain exception, the key never shows, and the store keeps
 * working. No failure was recorded: the error bodies below are written inline in the usual JSON error shape.
 */
class TraceloopFailureTest {

  @RegisterExtension
  static WireMockExtension traceloop = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange DAY =
      new TimeRange(Instant.parse("2025-11-15T11:10:00Z"), Instant.parse("2025-11-16T11:11:00Z"));
  private static final String ROOTS = Fixtures.interaction("TestTraceloopSearchTraces.test_search_traces_basic",
      Fixtures.ROOT_SPANS).responseBody();

  private final List<TraceloopTraceStore> stores = new ArrayList<>();

  private TraceloopTraceStore store(TestBackendSettings settings) {
    TraceloopTraceStore store = new TraceloopTraceStore(TraceloopConfig.from(settings));
    stores.add(store);
    return store;
  }

  private TraceloopTraceStore store() {
    return store(Fixtures.settings(traceloop.baseUrl()).with("timeout", "2s"));
  }

  @AfterEach
  void close() {
    stores.forEach(TraceloopTraceStore::close);
  }

  private static void rootSpansAnswer(ResponseDefinitionBuilder response) {
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.ROOT_SPANS)).willReturn(response));
  }

  private static int search(TraceloopTraceStore store) {
    return store.searchTraces(new TraceQuery(DAY, List.of(), 10)).hits().size();
  }

  private void assertStillWorks(TraceloopTraceStore store) {
    rootSpansAnswer(okJson(ROOTS));
    assertThat(search(store)).isEqualTo(3);
  }

  @Test
  void aRefusedKeyIsRejectedWithAHintAndNeverShown() {
    TraceloopTraceStore store = store();
    rootSpansAnswer(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid API key Bearer " + Fixtures.KEY + "\"}"));

    BackendRejectedException e = catchThrowableOfType(BackendRejectedException.class, () -> search(store));

    assertThat(e).hasMessage("Traceloop at " + traceloop.baseUrl() + " refused the API key (HTTP 401 for POST "
        + Fixtures.ROOT_SPANS + "): invalid API key Bearer ***");
    assertThat(e.hint()).contains("BACKEND_API_KEY");
    assertStillWorks(store);
  }

  @Test
  void serverErrorIsBackendUnavailable() {
    TraceloopTraceStore store = store();
    rootSpansAnswer(aResponse().withStatus(503).withBody("{\"message\":\"warehouse is overloaded\"}"));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class, () -> search(store));

    assertThat(e).hasMessage("Traceloop at " + traceloop.baseUrl() + " failed with HTTP 503 for POST "
        + Fixtures.ROOT_SPANS + ": warehouse is overloaded");
    assertStillWorks(store);
  }

  @Test
  void tooManyRequestsIsRateLimitedWithRetryAfter() {
    TraceloopTraceStore store = store();
    rootSpansAnswer(aResponse().withStatus(429).withHeader("Retry-After", "12").withBody("Too Many Requests"));

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> search(store));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    assertThat(traceloop.findAll(postRequestedFor(urlPathEqualTo(Fixtures.ROOT_SPANS))))
        .as("longer than the 10 s a retry waits for: reported at once").hasSize(1);
    assertThat(e).hasMessageContaining("HTTP 429").hasMessageContaining("Too Many Requests");
    assertStillWorks(store);
  }

  @Test
  void aBadRequestIsRejectedWithTheApisMessage() {
    TraceloopTraceStore store = store();
    rootSpansAnswer(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"limit must be at most 1000\"}}"));

    BackendRejectedException e = catchThrowableOfType(BackendRejectedException.class, () -> search(store));

    assertThat(e).hasMessage("Traceloop at " + traceloop.baseUrl() + " rejected POST " + Fixtures.ROOT_SPANS
        + " (HTTP 400): limit must be at most 1000");
  }

  @Test
  void aWrongUrlIsRejectedNamingThePathNotReportedAsAnUnknownTrace() {
    TraceloopTraceStore store = store();

    BackendRejectedException e = catchThrowableOfType(BackendRejectedException.class,
        () -> store.getTrace(new TraceId(Fixtures.TRACE_ID)));

    assertThat(e).hasMessageStartingWith("Traceloop at " + traceloop.baseUrl() + " has no GET " + Fixtures.TRACE_SPANS
        + " (HTTP 404)");
    assertThat(e.hint()).contains("BACKEND_URL");
  }

  @Test
  void aBodyThatIsNotJsonIsBackendUnavailable() {
    TraceloopTraceStore store = store();
    rootSpansAnswer(okJson("<html>login</html>"));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class, () -> search(store));

    assertThat(e).hasMessageStartingWith("Traceloop at " + traceloop.baseUrl()
        + " sent a response that is not valid JSON for POST " + Fixtures.ROOT_SPANS);
    assertThat(e.hint()).contains("BACKEND_URL");
    assertStillWorks(store);
  }

  @Test
  void cutOffJsonIsMalformedAndDoesNotBlameTheUrl() {
    TraceloopTraceStore store = store();
    rootSpansAnswer(okJson("{\"root_spans\":{\"data\":[{\"trace_id\":\"c4c7"));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class, () -> search(store));

    assertThat(e).hasMessageStartingWith("Traceloop at " + traceloop.baseUrl()
        + " sent a malformed or truncated JSON answer for POST " + Fixtures.ROOT_SPANS);
    assertThat(e.hint()).contains("retry").doesNotContain("BACKEND_URL");
    assertStillWorks(store);
  }

  @Test
  void refusedConnectionIsBackendUnavailableAndHealthSaysSo() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;
    TraceloopTraceStore store = store(Fixtures.settings(url).with("timeout", "2s"));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class, () -> search(store));

    assertThat(e).hasMessage("could not reach Traceloop at " + url + " (POST " + Fixtures.ROOT_SPANS
        + "): connection refused");
    assertThat(e.hint()).contains("BACKEND_URL");
    assertThat(store.health().healthy()).isFalse();
    assertThat(store.health().detail()).startsWith("could not reach Traceloop at " + url);
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsBackendUnavailable() {
    TraceloopTraceStore store = store(Fixtures.settings(traceloop.baseUrl()).with("timeout", "300ms"));
    rootSpansAnswer(okJson(ROOTS).withFixedDelay(2_000));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class, () -> search(store));

    assertThat(e).hasMessage("Traceloop at " + traceloop.baseUrl() + " did not answer within 300ms (POST "
        + Fixtures.ROOT_SPANS + ")");
  }

  @Test
  void theKeyIsInNoFailureMessage() {
    List<OtelMcpException> failures = new ArrayList<>();
    TraceloopTraceStore store = store();
    rootSpansAnswer(aResponse().withStatus(403).withBody("{\"message\":\"" + Fixtures.KEY + " may not read\"}"));
    failures.add(catchThrowableOfType(BackendRejectedException.class, () -> search(store)));
    rootSpansAnswer(aResponse().withStatus(500).withBody("upstream said " + Fixtures.KEY));
    failures.add(catchThrowableOfType(BackendUnavailableException.class, () -> search(store)));
    rootSpansAnswer(okJson("not json " + Fixtures.KEY));
    failures.add(catchThrowableOfType(BackendUnavailableException.class, () -> search(store)));

    assertThat(failures).hasSize(3).allSatisfy(e -> {
      assertThat(e.getMessage()).doesNotContain(Fixtures.KEY);
      assertThat(e.hint()).doesNotContain(Fixtures.KEY);
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        assertThat(String.valueOf(c.getMessage())).doesNotContain(Fixtures.KEY);
      }
    });
    assertThat(failures.subList(0, 2)).allSatisfy(e -> assertThat(e.getMessage()).endsWith("***" + (
        e instanceof BackendRejectedException ? " may not read" : "")));
    assertThat(store.toString()).doesNotContain(Fixtures.KEY);
  }
}
