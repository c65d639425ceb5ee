package dev.otelmcp.adapters.jaeger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.tck.TestBackendSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which API the store talks to is decided on first use, once, and not on a failed probe. */
class FlavourDetectionTest {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().containerThreads(16)).build();

  private static final String TRACE = "0a133b2ffa5d05faf89fe1f489cb020e";
  private static final String CLASSIC_SERVICES = Fixtures.cassette("TestJaegerListServices.test_list_services")
      .findByPath("/api/services").responseBody();
  private static final String CLASSIC_TRACE = Fixtures.cassette("TestJaegerGetTrace.test_get_trace_by_id")
      .findByPath("/api/traces/" + TRACE).responseBody();

  private JaegerTraceStore store;

  private JaegerTraceStore store(String url) {
    store = new JaegerTraceStore(JaegerConfig.from(TestBackendSettings.url(url)));
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void classicApiIsChosenWhenItAnswersAndProbedOnlyOnce() {
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(okJson(CLASSIC_SERVICES)));
    jaeger.stubFor(get(urlPathEqualTo("/api/traces/" + TRACE)).willReturn(okJson(CLASSIC_TRACE)));
    JaegerTraceStore store = store(jaeger.baseUrl());

    assertThat(store.getTrace(new TraceId(TRACE))).isPresent();
    assertThat(store.getTrace(new TraceId(TRACE))).isPresent();

    jaeger.verify(1, getRequestedFor(urlPathEqualTo("/api/services")));
    jaeger.verify(0, getRequestedFor(urlPathEqualTo("/api/v3/services")));
  }

  @Test
  void v3IsChosenWhenTheClassicApiIsGone() {
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(notFound().withBody("404 page not found\n")));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/services"))
        .willReturn(okJson(V3FlavourTest.snapshot("GetServices.json"))));

    assertThat(store(jaeger.baseUrl()).listServices(V3FlavourTest.ALL_TIME)).containsExactly("foo");
    assertThat(store.health().detail()).contains("api_v3");
  }

  @Test
  void anHtmlPageWhereTheClassicApiUsedToBeFallsBackToV3() {
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<!doctype html><html><body>Jaeger UI</body></html>")));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/services"))
        .willReturn(okJson(V3FlavourTest.snapshot("GetServices.json"))));

    assertThat(store(jaeger.baseUrl()).listServices(V3FlavourTest.ALL_TIME)).containsExactly("foo");
  }

  @Test
  void anHtmlPageForBothApisIsReportedAsNotJson() {
    jaeger.stubFor(get(urlPathMatching("/api/.*")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<!doctype html><html></html>")));

    assertThatThrownBy(() -> store(jaeger.baseUrl()).listServices(V3FlavourTest.ALL_TIME))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("not valid JSON for GET /api/services");
  }

  @Test
  void neitherApiIsRejectedWithAHintAboutTheUrl() {
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(notFound()));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/services")).willReturn(notFound()));

    assertThatThrownBy(() -> store(jaeger.baseUrl()).listServices(V3FlavourTest.ALL_TIME))
        .isInstanceOf(BackendRejectedException.class)
        .hasMessageContaining("has neither /api/services nor /api/v3/services")
        .satisfies(e -> assertThat(((BackendRejectedException) e).hint()).contains("base path"));
  }

  @Test
  void aProbeThatCannotReachJaegerDecidesNothingAndIsRepeated() {
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    JaegerTraceStore store = store(jaeger.baseUrl());

    assertThatThrownBy(() -> store.getTrace(new TraceId(TRACE))).isInstanceOf(BackendUnavailableException.class)
        .hasMessage("Jaeger at " + jaeger.baseUrl() + " failed for GET /api/services: the connection was reset");

    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(okJson(CLASSIC_SERVICES)));
    jaeger.stubFor(get(urlPathEqualTo("/api/traces/" + TRACE)).willReturn(okJson(CLASSIC_TRACE)));
    assertThat(store.getTrace(new TraceId(TRACE))).isPresent();
    jaeger.verify(0, getRequestedFor(urlPathEqualTo("/api/v3/services")));
  }

  @Test
  void concurrentFirstCallsProbeOnce() throws Exception {
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(okJson(CLASSIC_SERVICES).withFixedDelay(300)));
    jaeger.stubFor(get(urlPathEqualTo("/api/traces/" + TRACE)).willReturn(okJson(CLASSIC_TRACE)));
    JaegerTraceStore store = store(jaeger.baseUrl());
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(() -> store.getTrace(new TraceId(TRACE)).isPresent());
      }
      for (Future<Boolean> found : callers.invokeAll(calls)) {
        assertThat(found.get()).isTrue();
      }
    } finally {
      callers.shutdownNow();
    }
    jaeger.verify(1, getRequestedFor(urlPathEqualTo("/api/services")));
    jaeger.verify(6, getRequestedFor(urlPathEqualTo("/api/traces/" + TRACE)));
  }

  @Test
  void aBasePathIsKeptAndATrailingSlashDropped() {
    jaeger.stubFor(get(urlPathEqualTo("/jaeger/api/services")).willReturn(okJson(CLASSIC_SERVICES)));

    assertThat(store(jaeger.baseUrl() + "/jaeger/").listServices(V3FlavourTest.ALL_TIME)).hasSize(4);
    jaeger.verify(2, getRequestedFor(urlPathEqualTo("/jaeger/api/services")));
  }

  @Test
  void theChoiceIsLoggedOnceAtInfo() {
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(okJson(CLASSIC_SERVICES)));
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JaegerTraceStore store = store(jaeger.baseUrl());
      store.listServices(V3FlavourTest.ALL_TIME);
      store.listServices(V3FlavourTest.ALL_TIME);
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).containsOnlyOnce("INFO");
    assertThat(log).contains("Jaeger at " + jaeger.baseUrl() + ": using the classic /api (auto-detected)");
  }
}
