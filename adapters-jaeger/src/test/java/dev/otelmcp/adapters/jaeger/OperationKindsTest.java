package dev.otelmcp.adapters.jaeger;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Operations come with their span kinds where Jaeger has {@code /api/operations}, names only where it has not. */
class OperationKindsTest {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange WINDOW =
      new TimeRange(Instant.parse("2025-11-11T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));

  private final JaegerTraceStore store = new JaegerTraceStore(JaegerConfig.from(
      TestBackendSettings.url(jaeger.baseUrl()).with("api_version", "classic")));

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void kindsAreReadFromTheOperationsEndpoint() {
    // The shape Jaeger's query service answers /api/operations with (one entry per name and kind).
    jaeger.stubFor(get(urlPathEqualTo("/api/operations")).willReturn(okJson("""
        {"data":[{"name":"openai.chat","spanKind":"client"},{"name":"agent.run","spanKind":"internal"},
        {"name":"openai.chat","spanKind":"server"},{"name":"legacy","spanKind":""}],
        "total":4,"limit":0,"offset":0,"errors":null}""")));

    assertThat(store.listOperations("travel-agent", WINDOW)).containsExactly(
        new Operation("openai.chat", SpanKind.CLIENT), new Operation("agent.run", SpanKind.INTERNAL),
        Operation.named("legacy"));
    jaeger.verify(0, getRequestedFor(urlPathEqualTo("/api/services/travel-agent/operations")));
  }

  @Test
  void anOlderJaegerIsAskedTheLegacyEndpointFromThenOn() {
    jaeger.stubFor(get(urlPathEqualTo("/api/operations")).willReturn(notFound().withBody("404 page not found")));
    jaeger.stubFor(get(urlPathEqualTo("/api/services/travel-agent/operations"))
        .willReturn(okJson("{\"data\":[\"openai.chat\",\"agent.run\"],\"total\":2}")));

    assertThat(store.listOperations("travel-agent", WINDOW))
        .containsExactly(Operation.named("openai.chat"), Operation.named("agent.run"));
    assertThat(store.listOperations("travel-agent", WINDOW)).hasSize(2);

    jaeger.verify(1, getRequestedFor(urlPathEqualTo("/api/operations")));
    jaeger.verify(2, getRequestedFor(urlPathEqualTo("/api/services/travel-agent/operations")));
  }
}
