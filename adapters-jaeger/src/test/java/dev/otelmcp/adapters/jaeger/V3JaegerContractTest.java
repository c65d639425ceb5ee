package dev.otelmcp.adapters.jaeger;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.tck.AbstractTraceStoreContractTest;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TCK against /api/v3 (auto-detected: the classic API answers 404). Trace bodies are Jaeger's real OTLP
 * fixtures in the documented {@code {"result":…}} envelope; the service and operation lists, which no
 * recording holds for these traces, are written in the shape of the api_v3 snapshots.
 */
class V3JaegerContractTest extends AbstractTraceStoreContractTest {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TRACE = V3FlavourTest.TELEMETRYGEN_TRACE;

  @Override
  protected TraceStore openStore() {
    // A Jaeger after v2.20: the classic search endpoints are gone (Go's default 404 page).
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(notFound().withBody("404 page not found\n")));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/services")).willReturn(okJson(
        "{\"services\":[\"example-service-1\",\"example-service-2\",\"example-service-3\",\"telemetrygen\"]}")));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/operations")).withQueryParam("service", equalTo("telemetrygen"))
        .willReturn(okJson("{\"operations\":[{\"name\":\"okey-dokey-0\",\"spanKind\":\"server\"}]}")));
    String telemetrygen = V3FlavourTest.resultOf("fixtures/jaeger/otlp2jaeger-in.json");
    String example = V3FlavourTest.resultOf("fixtures/jaeger/example_trace.json");
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces/" + TRACE)).atPriority(1).willReturn(okJson(telemetrygen)));
    jaeger.stubFor(get(urlPathMatching("/api/v3/traces/.+")).atPriority(10).willReturn(V3FlavourTest.noTracesFound()));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces"))
        .withQueryParam("query.service_name", equalTo("telemetrygen")).willReturn(okJson(telemetrygen)));
    for (String service : List.of("example-service-1", "example-service-2", "example-service-3")) {
      jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces"))
          .withQueryParam("query.service_name", equalTo(service)).willReturn(okJson(example)));
    }
    return new JaegerTraceStore(JaegerConfig.from(TestBackendSettings.url(jaeger.baseUrl())));
  }


  @Override
  protected KnownData knownData() {
    return new KnownData(
        new TimeRange(Instant.parse("2017-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z")),
        new TraceId(TRACE),
        1,
        "telemetrygen",
        "okey-dokey-0",
        new TraceId("0000000000000000000000000000beef"));
  }
}
