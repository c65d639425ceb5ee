package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.error.RateLimitedException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.TestBackendSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every way Tempo can fail becomes a domain exception with Tempo's own words and a hint; the credentials
 * never appear in a message. Tempo writes its errors as plain text ({@code http.Error}); the bodies below are
 * the texts its handlers write (there is no recording of a failing Tempo).
 */
class FailureTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN = "glc_eyJvIjoiMTIzNDU2NyIsIm4iOiJzZWNyZXQifQ==";
  private static final TimeRange NOV_13 =
      new TimeRange(Instant.parse("2025-11-13T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));

  private TempoTraceStore store;

  private TempoTraceStore store(String url) {
    store = new TempoTraceStore(TempoConfig.from(TestBackendSettings.url(url).with("username", "1234567")
        .with("api_key", TOKEN).with("timeout", "2s").with("api_version", "v1")));
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static void searchAnswers(int status, String body) {
    tempo.getRuntimeInfo().getWireMock().register(get(urlPathEqualTo("/api/search")).willReturn(aResponse()
        .withStatus(status).withHeader("Content-Type", "text/plain; charset=utf-8").withBody(body)));
  }

  private OtelMcpException searchFailure() {
    TempoTraceStore store = store(tempo.baseUrl());
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> store.searchTraces(new TraceQuery(NOV_13, List.of(), 5)));
    assertThat(thrown).isInstanceOf(OtelMcpException.class);
    OtelMcpException failure = (OtelMcpException) thrown;
    assertThat(failure.getMessage()).doesNotContain(TOKEN).doesNotContain("MTIzNDU2NzpnbGNf");
    return failure;
  }

  @Test
  void aTraceQlErrorIsRejectedWithTempoMessage() {
    searchAnswers(400, "invalid TraceQL query: parse error at line 1, col 3: syntax error: unexpected IDENTIFIER\n");

    OtelMcpException failure = searchFailure();

    assertThat(failure).isInstanceOf(BackendRejectedException.class)
        .hasMessageContaining("HTTP 400").hasMessageContaining("parse error at line 1, col 3");
  }

  @Test
  void aWindowTooLongForTempoPointsAtTheSetting() {
    searchAnswers(400, "range specified by start and end (720h0m0s) exceeds 168h0m0s. received start=1 end=2\n");

    OtelMcpException failure = searchFailure();

    assertThat(failure).isInstanceOf(BackendRejectedException.class).hasMessageContaining("exceeds 168h0m0s");
    assertThat(failure.hint()).contains("BACKEND_MAX_SEARCH_DURATION");
  }

  @Test
  void aMissingTenantIsExplained() {
    searchAnswers(401, "no org id\n");

    OtelMcpException failure = searchFailure();

    assertThat(failure).isInstanceOf(BackendRejectedException.class).hasMessageContaining("no org id");
    assertThat(failure.hint()).contains("BACKEND_TENANT");
  }

  @Test
  void aGatewayEchoingTheCredentialsNeverLeaksThem() {
    searchAnswers(403, "token " + TOKEN + " is not allowed to read traces\n");

    OtelMcpException failure = searchFailure();

    assertThat(failure).isInstanceOf(BackendRejectedException.class).hasMessageContaining("token *** is not allowed");
  }

  @Test
  void rateLimitingCarriesRetryAfter() {
    tempo.getRuntimeInfo().getWireMock().register(get(urlPathEqualTo("/api/search"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60").withBody("too many outstanding requests\n")));

    OtelMcpException failure = searchFailure();

    assertThat(failure).isInstanceOf(RateLimitedException.class).hasMessageContaining("too many outstanding requests");
    assertThat(((RateLimitedException) failure).retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(tempo.findAll(getRequestedFor(urlPathEqualTo("/api/search"))))
        .as("longer than the 10 s a retry waits for: reported at once").hasSize(1);
  }

  @Test
  void serverErrorsAndMalformedBodiesAreUnavailable() {
    searchAnswers(500, "error querying store in Querier.FindTraceByID: context deadline exceeded\n");
    assertThat(searchFailure()).isInstanceOf(BackendUnavailableException.class).hasMessageContaining("HTTP 500")
        .hasMessageContaining("context deadline exceeded");

    tempo.getRuntimeInfo().getWireMock().register(get(urlPathEqualTo("/api/search"))
        .willReturn(okJson("<html><body>Grafana login</body></html>")));
    store.close();
    OtelMcpException page = searchFailure();
    assertThat(page).isInstanceOf(BackendUnavailableException.class).hasMessageContaining("not valid JSON");
    assertThat(page.hint()).contains("BACKEND_URL");
  }

  @Test
  void cutOffJsonIsMalformedAndDoesNotBlameTheUrl() {
    tempo.getRuntimeInfo().getWireMock().register(get(urlPathEqualTo("/api/search"))
        .willReturn(okJson("{\"traces\":[{\"traceID\":\"42ff")));

    OtelMcpException failure = searchFailure();

    assertThat(failure).isInstanceOf(BackendUnavailableException.class)
        .hasMessageStartingWith("Tempo at " + tempo.baseUrl() + " sent a malformed or truncated JSON answer for GET /api/search");
    assertThat(failure.hint()).contains("retry").doesNotContain("BACKEND_URL");
  }

  @Test
  void aSlowTempoTimesOut() {
    tempo.getRuntimeInfo().getWireMock().register(get(urlPathEqualTo("/api/search"))
        .willReturn(okJson(RecordedTempo.emptySearchBody()).withFixedDelay(4000)));

    assertThat(searchFailure()).isInstanceOf(BackendUnavailableException.class)
        .hasMessage("Tempo at " + tempo.baseUrl() + " did not answer within 2s (GET /api/search)");
  }

  @Test
  void aRefusedConnectionIsUnavailableAndHealthSaysSo() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TempoTraceStore store = store("http://localhost:" + closedPort);

    assertThatThrownBy(() -> store.getTrace(new TraceId("42ff472d7feb6215bec0cf4e350675b2")))
        .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("connection refused")
        .hasMessageNotContaining("within");
    HealthStatus health = store.health();
    assertThat(health.healthy()).isFalse();
    assertThat(health.detail()).contains("could not reach Tempo");
  }

  @Test
  void aUrlThatIsNotTempoIsRejectedWithAHint() {
    WireMock wireMock = tempo.getRuntimeInfo().getWireMock();
    wireMock.register(get(urlPathEqualTo("/api/search")).willReturn(aResponse().withStatus(404).withBody("404 page not found\n")));

    OtelMcpException failure = searchFailure();

    assertThat(failure).isInstanceOf(BackendRejectedException.class).hasMessageContaining("404");
    assertThat(failure.hint()).contains("BACKEND_URL");
  }
}
