package dev.otelmcp.adapters.jaeger;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.tck.AbstractTraceStoreContractTest;
import dev.otelmcp.tck.Cassette;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The TCK against the classic /api, every answer a real recorded Jaeger v2 response. */
class ClassicJaegerContractTest extends AbstractTraceStoreContractTest {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Set<String> VARYING = Set.of("start", "end", "limit", "tags", "minDuration", "maxDuration");

  @Override
  protected TraceStore openStore() {
    replay("TestJaegerListServices.test_list_services", "/api/services", 5);
    replay("TestJaegerSearchTraces.test_search_traces_with_operation", "/api/services/jaeger/operations", 5);
    replay("TestJaegerGetTrace.test_get_trace_by_id", "/api/traces/0a133b2ffa5d05faf89fe1f489cb020e", 5);
    replay("TestJaegerGetTrace.test_get_trace_invalid_id", "/api/traces/00000000000000000000000000000000", 5);
    // Searches: the operation recording for service=jaeger&operation=…, the basic one for any other search of
    // service jaeger, and the recorded empty answer for every other service.
    Cassette.Interaction byOperation = Fixtures.cassette("TestJaegerSearchTraces.test_search_traces_with_operation")
        .find(i -> i.path().equals("/api/traces"));
    jaeger.stubFor(Cassette.stubFor(byOperation, VARYING).atPriority(1).willReturn(byOperation.response()));
    Cassette.Interaction basic = Fixtures.cassette("TestJaegerSearchTraces.test_search_traces_basic")
        .find(i -> i.path().equals("/api/traces"));
    jaeger.stubFor(Cassette.stubFor(basic, VARYING).atPriority(5).willReturn(basic.response()));
    jaeger.stubFor(get(urlPathEqualTo("/api/traces")).atPriority(10).willReturn(okJson(Fixtures.emptySearchBody())));
    return new JaegerTraceStore(JaegerConfig.from(TestBackendSettings.url(jaeger.baseUrl())));
  }

  private static void replay(String cassette, String path, int priority) {
    Cassette.Interaction interaction = Fixtures.cassette(cassette).findByPath(path);
    jaeger.stubFor(Cassette.stubFor(interaction, VARYING).atPriority(priority).willReturn(interaction.response()));
  }


  @Override
  protected KnownData knownData() {
    return new KnownData(
        new TimeRange(Instant.parse("2025-11-11T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z")),
        new TraceId("0a133b2ffa5d05faf89fe1f489cb020e"),
        1,
        "jaeger",
        "/api/metrics/latencies",
        new TraceId("00000000000000000000000000000000"));
  }
}
