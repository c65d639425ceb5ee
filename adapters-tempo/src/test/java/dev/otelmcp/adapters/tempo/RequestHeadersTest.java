package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.tck.TestBackendSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every request carries the credentials, the tenant and the extra headers; the health check is /api/echo. */
class RequestHeadersTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static HealthStatus health(TestBackendSettings settings) {
    RecordedTempo.echo(tempo.getRuntimeInfo().getWireMock());
    try (TempoTraceStore store = new TempoTraceStore(TempoConfig.from(settings))) {
      return store.health();
    }
  }

  @Test
  void grafanaCloudBasicAuthTenantAndExtraHeadersAreSent() {
    HealthStatus health = health(TestBackendSettings.url(tempo.baseUrl()).with("username", "1234567")
        .with("api_key", "glc_abc").with("tenant", "team-a").header("X-Request-Source", "otel-mcp"));

    assertThat(health.healthy()).isTrue();
    assertThat(health.detail()).contains("basic auth as user 1234567").contains("tenant team-a")
        .doesNotContain("glc_abc");
    tempo.verify(getRequestedFor(urlPathEqualTo("/api/echo"))
        .withHeader("Authorization", equalTo("Basic MTIzNDU2NzpnbGNfYWJj"))
        .withHeader("X-Scope-OrgID", equalTo("team-a"))
        .withHeader("X-Request-Source", equalTo("otel-mcp"))
        .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void aBearerTokenAndTheTenantWinOverHeadersOfTheSameName() {
    health(TestBackendSettings.url(tempo.baseUrl()).with("api_key", "tok{en}").with("tenant", "team-b")
        .header("X-Scope-OrgID", "other").header("Authorization", "Basic old"));

    tempo.verify(getRequestedFor(urlPathEqualTo("/api/echo"))
        .withHeader("Authorization", equalTo("Bearer tok{en}"))
        .withHeader("X-Scope-OrgID", equalTo("team-b")));
  }

  @Test
  void withoutCredentialsNoAuthorizationHeaderIsSent() {
    health(TestBackendSettings.url(tempo.baseUrl()));

    assertThat(tempo.findAll(getRequestedFor(urlPathEqualTo("/api/echo"))).get(0).containsHeader("Authorization"))
        .isFalse();
  }
}
