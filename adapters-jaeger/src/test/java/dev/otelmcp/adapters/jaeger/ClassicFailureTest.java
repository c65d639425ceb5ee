package dev.otelmcp.adapters.jaeger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.Filter;
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

/** Every way a Jaeger call fails maps to the right domain exception, and the store keeps working after it. */
class ClassicFailureTest {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String API_KEY = "s3cr3t-T0ken-9f8e7d";
  private static final TimeRange WINDOW =
      new TimeRange(Instant.parse("2025-11-11T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));
  private static final String SERVICES = Fixtures.cassette("TestJaegerListServices.test_list_services")
      .findByPath("/api/services").responseBody();

  private final List<JaegerTraceStore> stores = new ArrayList<>();

  private JaegerTraceStore store(TestBackendSettings settings) {
    JaegerTraceStore store = new JaegerTraceStore(JaegerConfig.from(settings.with("api_version", "classic")));
    stores.add(store);
    return store;
  }

  private JaegerTraceStore store() {
    return store(TestBackendSettings.url(jaeger.baseUrl()).with("api_key", API_KEY).with("timeout", "2s"));
  }

  @AfterEach
  void close() {
    stores.forEach(JaegerTraceStore::close);
  }

  /** Jaeger's error answer: the JSON envelope sent by Go's http.Error as text/plain with a trailing newline. */
  private static ResponseDefinitionBuilder goError(int status, String msg) {
    return aResponse().withStatus(status)
        .withHeader("Content-Type", "text/plain; charset=utf-8")
        .withHeader("X-Content-Type-Options", "nosniff")
        .withBody("{\"data\":null,\"total\":0,\"limit\":0,\"offset\":0,\"errors\":[{\"code\":" + status + ",\"msg\":\""
            + msg + "\"}]}\n");
  }

  private static void servicesAnswer(ResponseDefinitionBuilder response) {
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(response));
  }

  private void assertStillWorks(JaegerTraceStore store) {
    servicesAnswer(okJson(SERVICES));
    assertThat(store.listServices(WINDOW)).hasSize(4);
  }

  @Test
  void searchWithoutHitsIsAnEmptyResult() {
    jaeger.stubFor(get(urlPathEqualTo("/api/traces")).willReturn(okJson(Fixtures.emptySearchBody())));

    TraceSearchResult result = store().searchTraces(
        new TraceQuery(WINDOW, List.of(Filter.equalsString("service.name", "model-comparison")), 20));

    assertThat(result.hits()).isEmpty();
    assertThat(result.mayHaveMore()).isFalse();
  }

  @Test
  void truncatedBodyIsBackendUnavailableAndTheStoreRecovers() {
    JaegerTraceStore store = store();
    servicesAnswer(okJson("{\"data\":["));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class,
        () -> store.listServices(WINDOW));

    assertThat(e).hasMessageStartingWith("Jaeger at " + jaeger.baseUrl()
        + " sent a malformed or truncated JSON answer for GET /api/services: ");
    assertThat(e.hint()).as("cut-off JSON is no sign of a wrong URL").contains("retry").doesNotContain("BACKEND_URL");
    assertStillWorks(store);
  }

  @Test
  void aWebPageWhereJsonShouldBeBlamesTheUrl() {
    JaegerTraceStore store = store();
    servicesAnswer(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("<!doctype html><html><body>Sign in</body></html>"));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class,
        () -> store.listServices(WINDOW));

    assertThat(e).hasMessageStartingWith("Jaeger at " + jaeger.baseUrl()
        + " sent a response that is not valid JSON for GET /api/services: ");
    assertThat(e.hint()).contains("BACKEND_URL");
  }

  @Test
  void serverErrorIsBackendUnavailableWithJaegersMessage() {
    JaegerTraceStore store = store();
    servicesAnswer(goError(500, "failed to query storage: connection reset"));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class,
        () -> store.listServices(WINDOW));

    assertThat(e).hasMessage("Jaeger at " + jaeger.baseUrl()
        + " failed with HTTP 500 for GET /api/services: failed to query storage: connection reset");
    assertStillWorks(store);
  }

  @Test
  void tooManyRequestsIsRateLimitedWithRetryAfter() {
    JaegerTraceStore store = store();
    servicesAnswer(aResponse().withStatus(429).withHeader("Retry-After", "60").withBody("slow down"));

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> store.listServices(WINDOW));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(jaeger.findAll(getRequestedFor(urlPathEqualTo("/api/services"))))
        .as("longer than the 10 s a retry waits for: reported at once").hasSize(1);
    assertThat(e).hasMessageContaining("HTTP 429").hasMessageContaining("slow down");
    assertStillWorks(store);
  }

  @Test
  void badRequestIsRejectedWithJaegersOwnMessage() {
    JaegerTraceStore store = store();
    jaeger.stubFor(get(urlPathEqualTo("/api/traces"))
        .willReturn(goError(400, "'maxDuration' should be greater than 'minDuration'")));

    BackendRejectedException e = catchThrowableOfType(BackendRejectedException.class, () -> store.searchTraces(
        new TraceQuery(WINDOW, List.of(Filter.equalsString("service.name", "jaeger")), 5)));

    assertThat(e).hasMessage("Jaeger at " + jaeger.baseUrl()
        + " rejected GET /api/traces (HTTP 400): 'maxDuration' should be greater than 'minDuration'");
    assertStillWorks(store);
  }

  @Test
  void refusedConnectionIsBackendUnavailableNamingUrlNotTheTimeout() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;
    JaegerTraceStore store = store(TestBackendSettings.url(url).with("api_key", API_KEY).with("timeout", "2s"));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class,
        () -> store.listServices(WINDOW));

    assertThat(e).hasMessage("could not reach Jaeger at " + url + " (GET /api/services): connection refused");
    assertThat(e.hint()).contains("BACKEND_URL").contains("--url");
    assertThat(store.health().healthy()).isFalse();
    assertThat(store.health().detail()).startsWith("could not reach Jaeger at " + url);
  }

  @Test
  void answerSlowerThanTheTimeoutIsBackendUnavailableAndTheNextCallWorks() {
    JaegerTraceStore store = store(TestBackendSettings.url(jaeger.baseUrl()).with("timeout", "300ms"));
    servicesAnswer(okJson(SERVICES).withFixedDelay(2_000));

    BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class,
        () -> store.listServices(WINDOW));

    assertThat(e).hasMessage("Jaeger at " + jaeger.baseUrl() + " did not answer within 300ms (GET /api/services)");
    assertStillWorks(store);
  }

  @Test
  void bearerTokenAndExtraHeadersAreSent() {
    JaegerTraceStore store = store(TestBackendSettings.url(jaeger.baseUrl()).with("api_key", API_KEY)
        .header("X-Scope-OrgID", "tenant-a").header("x-tenant", "{acme}"));
    servicesAnswer(okJson(SERVICES));

    store.listServices(WINDOW);

    jaeger.verify(getRequestedFor(urlPathEqualTo("/api/services"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withHeader("X-Scope-OrgID", equalTo("tenant-a"))
        .withHeader("x-tenant", equalTo("{acme}")));
  }

  @Test
  void theApiKeyNeverAppearsInAnExceptionEvenWhenJaegerEchoesIt() throws Exception {
    List<OtelMcpException> failures = new ArrayList<>();
    JaegerTraceStore store = store();
    servicesAnswer(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"httpCode\":401,\"message\":\"token Bearer " + API_KEY + " is not valid\"}}"));
    failures.add(catchThrowableOfType(BackendRejectedException.class, () -> store.listServices(WINDOW)));
    servicesAnswer(goError(500, "upstream said: " + API_KEY));
    failures.add(catchThrowableOfType(BackendUnavailableException.class, () -> store.listServices(WINDOW)));
    servicesAnswer(okJson("not json " + API_KEY));
    failures.add(catchThrowableOfType(BackendUnavailableException.class, () -> store.listServices(WINDOW)));
    servicesAnswer(okJson(SERVICES).withFixedDelay(3_000));
    JaegerTraceStore impatient = store(TestBackendSettings.url(jaeger.baseUrl()).with("api_key", API_KEY).with("timeout", "200ms"));
    failures.add(catchThrowableOfType(BackendUnavailableException.class, () -> impatient.listServices(WINDOW)));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    JaegerTraceStore unreachable = store(TestBackendSettings.url("http://127.0.0.1:" + closedPort).with("api_key", API_KEY));
    failures.add(catchThrowableOfType(BackendUnavailableException.class, () -> unreachable.listServices(WINDOW)));

    assertThat(failures).hasSize(5).doesNotContainNull();
    assertThat(failures.get(0)).hasMessageContaining("token Bearer *** is not valid");
    for (OtelMcpException failure : failures) {
      assertThat(failure.hint()).doesNotContain(API_KEY);
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass()).doesNotContain(API_KEY);
        assertThat(t.toString()).doesNotContain(API_KEY);
      }
    }
    assertThat(store.toString()).doesNotContain(API_KEY);
  }
}
