package dev.otelmcp.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.otelmcp.tck.Cassette;
import java.util.Set;

/**
 * A Jaeger (v2, classic /api) made of real recorded responses: the services, operations, searches and
 * traces recorded from a Jaeger holding OpenLLMetry demo traffic in November 2025.
 */
final class RecordedJaeger {

  static final String DIR = "cassettes/jaeger/";
  private static final Set<String> VARYING = Set.of("start", "end", "limit", "tags");

  private RecordedJaeger() {}

  static void serve(WireMock wireMock) {
    stub(wireMock, "TestJaegerListServices.test_list_services.yaml", "/api/services");
    stub(wireMock, "TestJaegerServiceOperations.test_get_service_operations.yaml",
        "/api/services/trace-analyzer-agent/operations");
    stub(wireMock, "TestJaegerSearchTraces.test_search_traces_with_operation.yaml", "/api/services/jaeger/operations");
    stub(wireMock, "TestJaegerGetTrace.test_get_trace_by_id.yaml", "/api/traces/0a133b2ffa5d05faf89fe1f489cb020e");
    stub(wireMock, "TestJaegerGetTrace.test_get_trace_invalid_id.yaml", "/api/traces/00000000000000000000000000000000");
    // Searches: service=jaeger (the ten most recent traces), with an operation, with minDuration=100ms.
    Cassette basic = Cassette.load(DIR + "TestJaegerSearchTraces.test_search_traces_basic.yaml");
    wireMock.register(Cassette.stubFor(basic.find(i -> i.path().equals("/api/traces")), VARYING)
        .willReturn(basic.find(i -> i.path().equals("/api/traces")).response()));
    Cassette byOperation = Cassette.load(DIR + "TestJaegerSearchTraces.test_search_traces_with_operation.yaml");
    wireMock.register(Cassette.stubFor(byOperation.find(i -> i.path().equals("/api/traces")), VARYING)
        .willReturn(byOperation.find(i -> i.path().equals("/api/traces")).response()));
    Cassette byDuration = Cassette.load(DIR + "TestJaegerSearchTraces.test_search_traces_with_duration_filter.yaml");
    wireMock.register(Cassette.stubFor(byDuration.find(i -> i.path().equals("/api/traces")), VARYING)
        .willReturn(byDuration.find(i -> i.path().equals("/api/traces")).response()));
    // Services with no traces in the recording answer as Jaeger does: the recorded empty search result.
    Cassette empty = Cassette.load(DIR + "TestJaegerSearchTraces.test_search_traces_with_generic_filter.yaml");
    wireMock.register(get(urlPathEqualTo("/api/traces")).atPriority(100)
        .willReturn(empty.find(i -> i.path().equals("/api/traces")).response()));
  }

  private static void stub(WireMock wireMock, String file, String path) {
    Cassette cassette = Cassette.load(DIR + file);
    Cassette.Interaction interaction = cassette.findByPath(path);
    wireMock.register(Cassette.stubFor(interaction, VARYING).willReturn(interaction.response()));
  }
}
