package dev.otelmcp.adapters.traceloop;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Settings: defaults, validation, and what they change on the wire. */
class TraceloopConfigTest {

  @RegisterExtension
  static WireMockExtension traceloop = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void defaults() {
    TraceloopConfig config = TraceloopConfig.from(new TestBackendSettings().with("api_key", Fixtures.KEY));

    assertThat(config.url()).isEqualTo("https://api.traceloop.com");
    assertThat(config.environments()).containsExactly("prd");
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.headers()).isEmpty();
  }

  @Test
  void theApiKeyIsRequiredAndTheMessageNamesTheVariable() {
    assertThatThrownBy(() -> TraceloopConfig.from(new TestBackendSettings()))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("the traceloop backend needs an API key: set BACKEND_API_KEY (or --api-key)");
    assertThatThrownBy(() -> TraceloopConfig.from(new TestBackendSettings().with("api_key", "  ")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("BACKEND_API_KEY");
    assertThatThrownBy(() -> TraceloopConfig.from(new TestBackendSettings().with("api_key", "abc\ndef")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("control characters")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abc"));
  }

  @Test
  void aTrailingV2IsDroppedSoPathsAreNotDoubled() {
    assertThat(TraceloopConfig.from(Fixtures.settings("https://api.traceloop.com/v2")).url())
        .isEqualTo("https://api.traceloop.com");
    assertThat(TraceloopConfig.from(Fixtures.settings("https://api.traceloop.com/v2/")).url())
        .isEqualTo("https://api.traceloop.com");
    assertThat(TraceloopConfig.from(Fixtures.settings("https://proxy.example/traceloop/")).url())
        .isEqualTo("https://proxy.example/traceloop");

    RecordedTraceloop.serve(traceloop.getRuntimeInfo().getWireMock());
    try (TraceloopTraceStore store = new TraceloopTraceStore(TraceloopConfig.from(
        Fixtures.settings(traceloop.baseUrl() + "/v2")))) {
      assertThat(store.health().healthy()).isTrue();
    }
    traceloop.verify(getRequestedFor(urlPathEqualTo("/v2/warehouse/spans")));
  }

  @Test
  void environmentsAreACommaListSentWithEverySearch() {
    TraceloopConfig config = TraceloopConfig.from(Fixtures.settings(traceloop.baseUrl())
        .with("environments", " prd , stg,prd ,"));
    assertThat(config.environments()).containsExactly("prd", "stg");

    RecordedTraceloop.serve(traceloop.getRuntimeInfo().getWireMock());
    try (TraceloopTraceStore store = new TraceloopTraceStore(config)) {
      store.searchTraces(new TraceQuery(new TimeRange(Instant.parse("2025-11-15T11:10:00Z"),
          Instant.parse("2025-11-16T11:11:00Z")), List.of(), 10));
    } catch (RuntimeException notRecorded) {
      // Only the request matters here; the recordings are for environment prd alone.
    }
    traceloop.verify(postRequestedFor(urlPathEqualTo(Fixtures.ROOT_SPANS))
        .withRequestBody(equalToJson("{\"environments\":[\"prd\",\"stg\"]}", false, true)));
  }

  @Test
  void malformedSettingsNameTheSetting() {
    assertThatThrownBy(() -> TraceloopConfig.from(Fixtures.settings("ftp://api.traceloop.com")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("setting 'url'");
    assertThatThrownBy(() -> TraceloopConfig.from(Fixtures.settings("https://user:pw@api.traceloop.com")))
        .isInstanceOf(InvalidQueryException.class).hasMessage("setting 'url' must not contain user:password");
    assertThatThrownBy(() -> TraceloopConfig.from(Fixtures.settings("https://x").with("timeout", "0ms")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("setting 'timeout'");
    assertThatThrownBy(() -> TraceloopConfig.from(Fixtures.settings("https://x").header("Authorization", "Basic x")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("cannot set 'Authorization'");
  }

  @Test
  void theKeyIsSentAsABearerTokenWithTheExtraHeadersAndNeverPrinted() {
    TestBackendSettings settings = Fixtures.settings(traceloop.baseUrl()).header("X-Request-Source", "otel-mcp");
    TraceloopConfig config = TraceloopConfig.from(settings);
    assertThat(config.toString()).doesNotContain(Fixtures.KEY).contains("apiKey=***");

    RecordedTraceloop.serve(traceloop.getRuntimeInfo().getWireMock());
    try (TraceloopTraceStore store = new TraceloopTraceStore(config)) {
      assertThat(store.health().healthy()).isTrue();
    }
    traceloop.verify(getRequestedFor(urlPathEqualTo(Fixtures.WAREHOUSE))
        .withHeader("Authorization", equalTo("Bearer " + Fixtures.KEY))
        .withHeader("X-Request-Source", equalTo("otel-mcp")));
  }
}
