package dev.otelmcp.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.tck.TestResources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Jaeger that only has the OTLP-based /api/v3 (as releases after v2.20 do): the server detects it by
 * itself and answers through it.
 */
@SuppressWarnings("unchecked")
class JaegerV3ToolsIT {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort()).build();

  private static final String TRACE_ID = "83a9efd15c1c98a977e0711cc93ee28b";

  @Test
  void answersThroughApiV3WhenTheClassicApiIsGone() {
    String trace = "{\"result\":" + TestResources.text("fixtures/jaeger/otlp2jaeger-in.json") + "}";
    jaeger.stubFor(get(urlPathEqualTo("/api/services")).willReturn(notFound()));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/services"))
        .willReturn(okJson(TestResources.text("fixtures/jaeger/GetServices.json"))));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces")).willReturn(okJson(trace)));
    jaeger.stubFor(get(urlPathEqualTo("/api/v3/traces/" + TRACE_ID)).willReturn(okJson(trace)));

    try (ServerProcess server = ServerProcess.start("--backend", "jaeger", "--url", jaeger.baseUrl())) {
      assertThat(server.ok("list_services", Map.of()).get("services")).isEqualTo(List.of("foo"));

      Map<String, Object> found = server.ok("search_traces", Map.of("service_name", "telemetrygen",
          "start_time", "2024-01-31T00:00:00Z", "end_time", "2024-02-01T00:00:00Z"));
      List<Map<String, Object>> traces = (List<Map<String, Object>>) found.get("traces");
      assertThat(traces).singleElement().satisfies(t -> assertThat(t)
          .containsEntry("trace_id", TRACE_ID)
          .containsEntry("service_name", "telemetrygen")
          .containsEntry("operation_name", "okey-dokey-0")
          .containsEntry("span_count", 1));

      // The recorded trace holds one span whose parent was never sent: the summary says it is incomplete.
      Map<String, Object> summary = server.ok("get_trace", Map.of("trace_id", TRACE_ID));
      assertThat((Map<String, Object>) summary.get("trace")).containsEntry("incomplete", true)
          .containsEntry("orphan_span_count", 1)
          .doesNotContainKey("root_span_id");
      Map<String, Object> whole = server.ok("get_trace", Map.of("trace_id", TRACE_ID, "view", "spans"));
      Map<String, Object> span = ((List<Map<String, Object>>) whole.get("spans")).get(0);
      assertThat(span).containsEntry("span_id", "e127af99e3b3e074")
          .containsEntry("parent_span_id", "909541b92cf05311")
          .containsEntry("span_kind", "server")
          .containsEntry("start_time", "2024-01-31T05:28:29.209712Z");
    }
    jaeger.verify(getRequestedFor(urlPathEqualTo("/api/v3/traces"))
        .withQueryParam("query.service_name", equalTo("telemetrygen")));
  }

}
