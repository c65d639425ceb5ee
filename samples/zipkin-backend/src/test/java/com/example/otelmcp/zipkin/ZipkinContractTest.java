package com.example.otelmcp.zipkin;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.tck.AbstractTraceStoreContractTest;
import dev.otelmcp.tck.TestBackendSettings;
import dev.otelmcp.tck.TestResources;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** otel-mcp's TCK, run by the plug-in's own build against a Zipkin served by WireMock. */
class ZipkinContractTest extends AbstractTraceStoreContractTest {

  static final String TRACE = "5af7183fb1d4cf5f6a2c8d1e4b7f9a01";

  @RegisterExtension
  static WireMockExtension zipkin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Override
  protected TraceStore openStore() {
    zipkin.stubFor(get(urlPathEqualTo("/api/v2/services")).willReturn(okJson(fixture("services.json"))));
    zipkin.stubFor(get(urlPathEqualTo("/api/v2/spans")).withQueryParam("serviceName", equalTo("support-bot"))
        .willReturn(okJson(fixture("spans-support-bot.json"))));
    zipkin.stubFor(get(urlPathEqualTo("/api/v2/traces")).atPriority(9).willReturn(okJson("[]")));
    zipkin.stubFor(get(urlPathEqualTo("/api/v2/traces")).withQueryParam("serviceName", absent())
        .willReturn(okJson(fixture("traces-all.json"))));
    zipkin.stubFor(get(urlPathEqualTo("/api/v2/traces")).withQueryParam("serviceName", equalTo("support-bot"))
        .willReturn(okJson(fixture("traces-all.json"))));
    zipkin.stubFor(get(urlPathEqualTo("/api/v2/traces")).withQueryParam("serviceName", equalTo("retriever"))
        .willReturn(okJson(fixture("traces-retriever.json"))));
    zipkin.stubFor(get(urlPathMatching("/api/v2/trace/.*")).atPriority(9).willReturn(notFound()
        .withBody("Trace not found")));
    zipkin.stubFor(get(urlPathEqualTo("/api/v2/trace/" + TRACE)).willReturn(okJson(fixture("trace-a.json"))));
    return new ZipkinProvider().create(TestBackendSettings.url(zipkin.baseUrl()));
  }

  @Override
  protected KnownData knownData() {
    return new KnownData(new TimeRange(Instant.parse("2025-11-24T15:00:00Z"), Instant.parse("2025-11-24T17:00:00Z")),
        new TraceId(TRACE), 3, "support-bot", "post /chat", new TraceId("00000000000000000000000000000bad"));
  }

  /**
   * Zipkin takes one serviceName; a second service filter still holds, checked on the traces it returned. Positive
   * filters hold on one same span, and no span is of two services: whatever the order, nothing matches.
   */
  @Test
  void aSecondServiceFilterIsNotDropped() {
    for (List<String> services : List.of(List.of("support-bot", "retriever"), List.of("retriever", "support-bot"))) {
      List<Filter> filters = services.stream().map(s -> Filter.equalsString("service.name", s)).toList();

      List<String> found = store().searchTraces(new TraceQuery(knownData().window(), filters, 10)).hits().stream()
          .map(TraceHit::traceId).toList();

      assertThat(found).as("traces with one span of both %s", services).isEmpty();
    }
  }

  private static String fixture(String name) {
    return TestResources.text("zipkin/" + name);
  }
}
