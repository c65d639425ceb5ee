package dev.otelmcp.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.tck.Cassette;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The core tools through the real server process over stdio, against a Tempo made of recorded responses
 * (searches and trace bodies of the OpenLLMetry demo traces recorded from a Tempo 2.x in November 2025).
 * Expected values were read from the recordings. The answers Tempo was never recorded giving are written in
 * its documented shapes (tag values, {@code /api/echo}) or, for a query nobody recorded, served with the
 * recorded answer of a query that the recorded traces answer the same way; each such stub says so.
 */
@SuppressWarnings("unchecked")
class TempoToolsIT {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance()
      .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort())
      .resetOnEachTest(false)
      .build();

  private static final String DIR = "cassettes/tempo/";
  private static final Set<String> UNRECORDED = Set.of("start", "end", "limit", "spss");
  private static final String DEMO = "{ resource.service.name = \"travel-agent-demo\" }";
  private static final Map<String, Object> RECORDED_WINDOW =
      Map.of("start_time", "2025-11-13T00:00:00Z", "end_time", "2025-11-14T00:00:00Z");
  private static final List<String> DEMO_TRACES = List.of("42ff472d7feb6215bec0cf4e350675b2",
      "9a8cb895bee63fabb705329a05ced33b", "693bde2879b745ff467c20bf9cd2ea7a", "eed63641fc3ffa3ea40a166e2604edd2");

  private static ServerProcess server;

  @BeforeAll
  static void start() {
    serveRecordedTempo(tempo.getRuntimeInfo().getWireMock());
    server = ServerProcess.start("--backend", "tempo", "--url", tempo.baseUrl(), "--timeout", "10s",
        "--backend-option", "tenant=travel-team");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void serveRecordedTempo(WireMock wireMock) {
    serveRecordedTempo(wireMock, 0);
  }

  /** The recordings, each trace body answered only after {@code traceDelayMillis}: a slow Tempo. */
  static void serveRecordedTempo(WireMock wireMock, int traceDelayMillis) {
    search(wireMock, "TestTempoListServices.test_list_services", "{}");
    search(wireMock, "TestTempoSearchTraces.test_search_traces_with_service_filter", DEMO);
    search(wireMock, "TestTempoSearchTraces.test_search_traces_with_error_filter", "{ status = error }");
    // Not recorded. Every recorded travel-agent-demo trace holds openai.response spans, so Tempo would name the
    // same four traces; the alias alternative for gpt-4o-mini is a superset Tempo may over-answer, which is
    // exactly what the store re-checks (42ff… has no gpt-4o-mini call and must not come back).
    answeredAsDemo(wireMock, "{ resource.service.name = \"travel-agent-demo\" && name = \"openai.response\" }");
    answeredAsDemo(wireMock, "{ resource.service.name = \"travel-agent-demo\" && (.gen_ai.request.model = \"gpt-4o-mini\""
        + " || .llm.request.model = \"gpt-4o-mini\" || .llm.request.model_name = \"gpt-4o-mini\") }");
    Cassette byService = cassette("TestTempoSearchTraces.test_search_traces_with_service_filter");
    for (Cassette.Interaction interaction : byService.interactions()) {
      if (interaction.path().startsWith("/api/traces/")) {
        wireMock.register(get(urlPathEqualTo(interaction.path()))
            .willReturn(interaction.response().withFixedDelay(traceDelayMillis)));
      }
    }
    Cassette unknown = cassette("TestTempoGetTrace.test_get_trace_invalid_id");
    Cassette.Interaction notFound = unknown.findByPath("/api/traces/00000000000000000000000000000000");
    wireMock.register(get(urlPathEqualTo(notFound.path())).willReturn(notFound.response()));
    // The recordings predate /api/v2/traces (Tempo 2.6): the route is missing, as on the recorded Tempo.
    wireMock.register(get(urlPathMatching("/api/v2/traces/.*")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("404 page not found\n")));
    // Tag values (not recorded), documented shape, with the services and span names of the recorded traces.
    wireMock.register(get(urlPathEqualTo("/api/v2/search/tag/resource.service.name/values"))
        .willReturn(okJson(tagValues(List.of("travel-agent-demo2", "travel-agent-demo")))));
    wireMock.register(get(urlPathEqualTo("/api/v2/search/tag/name/values")).withQueryParam("q", equalTo(DEMO))
        .willReturn(okJson(tagValues(List.of("Agent Workflow", "GET", "Travel Planner Agent.agent", "create_itinerary.tool",
            "get_destination_info.tool", "get_location_coordinates.tool", "get_weather_forecast.tool", "openai.chat",
            "openai.response", "search_destinations.tool")))));
  }

  private static Cassette cassette(String name) {
    return Cassette.load(DIR + name + ".yaml");
  }

  private static Cassette.Interaction recordedSearch(String cassette, String traceQl) {
    return cassette(cassette).find(i -> i.path().equals("/api/search") && traceQl.equals(i.queryParams().get("q")));
  }

  private static void search(WireMock wireMock, String cassette, String traceQl) {
    Cassette.Interaction recorded = recordedSearch(cassette, traceQl);
    wireMock.register(Cassette.stubFor(recorded, UNRECORDED).willReturn(recorded.response()));
  }

  private static void answeredAsDemo(WireMock wireMock, String traceQl) {
    Cassette.Interaction recorded = recordedSearch("TestTempoSearchTraces.test_search_traces_with_service_filter", DEMO);
    wireMock.register(get(urlPathEqualTo("/api/search")).withQueryParam("q", equalTo(traceQl)).willReturn(recorded.response()));
  }

  private static String tagValues(List<String> values) {
    return values.stream().map(v -> "{\"type\":\"string\",\"value\":\"" + v + "\"}")
        .collect(Collectors.joining(",", "{\"tagValues\":[", "],\"metrics\":{\"inspectedBytes\":\"1024\"}}"));
  }

  private static Map<String, Object> window(Object... more) {
    Map<String, Object> arguments = new LinkedHashMap<>(RECORDED_WINDOW);
    for (int i = 0; i < more.length; i += 2) {
      arguments.put((String) more[i], more[i + 1]);
    }
    return arguments;
  }

  private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
    return (List<Map<String, Object>>) result.get(key);
  }

  @Test
  void listServicesAnswersEveryServiceOfTheWindowSortedWithTheTenantSent() {
    Map<String, Object> result = server.ok("list_services", Map.of());

    assertThat(result.get("services")).isEqualTo(List.of("travel-agent-demo", "travel-agent-demo2"));
    assertThat(result.get("count")).isEqualTo(2);
    tempo.verify(getRequestedFor(urlPathEqualTo("/api/v2/search/tag/resource.service.name/values"))
        .withHeader("X-Scope-OrgID", equalTo("travel-team")));
  }

  @Test
  void listOperationsAreEverySpanNameOfTheService() {
    Map<String, Object> result = server.ok("list_operations", Map.of("service_name", "travel-agent-demo"));

    assertThat(list(result, "operations")).extracting(o -> o.get("name")).containsExactly("Agent Workflow", "GET",
        "Travel Planner Agent.agent", "create_itinerary.tool", "get_destination_info.tool",
        "get_location_coordinates.tool", "get_weather_forecast.tool", "openai.chat", "openai.response",
        "search_destinations.tool");
  }

  @Test
  void searchTracesOfOneServiceReadsThePageWholeForItsLlmFigures() {
    Map<String, Object> result = server.ok("search_traces", window("service_name", "travel-agent-demo", "limit", 10,
        "fields", List.of("services")));

    List<Map<String, Object>> traces = list(result, "traces");
    assertThat(traces).extracting(t -> t.get("trace_id")).containsExactlyElementsOf(DEMO_TRACES);
    assertThat(traces.get(0)).containsEntry("service_name", "travel-agent-demo")
        .containsEntry("operation_name", "Agent Workflow")
        .containsEntry("start_time", "2025-11-13T13:56:27.232503Z")
        .containsEntry("duration_ms", 10109.71)
        .containsEntry("status", "ok")
        .containsEntry("span_count", 10)
        .containsEntry("error_span_count", 0)
        .containsEntry("services", List.of("travel-agent-demo"));
    assertThat(traces.get(1)).containsEntry("span_count", 28);
    // Tempo's search answers no tokens: the page's traces were read whole, as TempoLlmToolsIT's figures say.
    assertThat(traces).extracting(t -> t.get("llm_span_count"), t -> t.get("total_tokens")).containsExactly(
        tuple(1, 394), tuple(8, 17976), tuple(7, 15203), tuple(6, 13291));
    assertThat(result.get("truncated")).isEqualTo(false);
  }

  @Test
  void searchTracesWithoutAServiceSearchesEveryServiceAtOnce() {
    Map<String, Object> result = server.ok("search_traces", window("limit", 3));

    assertThat(list(result, "traces")).extracting(t -> t.get("trace_id")).containsExactly(
        "bec9c8df1c3a22a134e4c9c7aa0f0ce3", "6ce0a0129015a826c7f54b78275cfe37", "b37b4c7727a54482f8c71cb88799c108");
    assertThat(list(result, "traces").get(0)).containsEntry("service_name", "travel-agent-demo2");
    assertThat(result.get("truncated")).isEqualTo(true);
  }

  @Test
  void hasErrorTrueAsksTempoForErrorSpansAndFalseKeepsTracesWithoutAny() {
    Map<String, Object> failed = server.ok("search_traces", window("has_error", true));
    assertThat(failed.get("count")).as("the recorded Tempo holds no failed span").isEqualTo(0);

    Map<String, Object> clean = server.ok("search_traces", window("service_name", "travel-agent-demo", "has_error", false));
    List<Map<String, Object>> traces = list(clean, "traces");
    assertThat(traces).extracting(t -> t.get("trace_id")).containsExactlyElementsOf(DEMO_TRACES);
    // "No span failed" is checked on whole traces, which carry nanoseconds.
    assertThat(traces.get(0)).containsEntry("status", "ok").containsEntry("duration_ms", 10109.71);
  }

  @Test
  void searchTracesWithAFilterReturnsOnlyRealMatches() {
    Map<String, Object> result = server.ok("search_traces", window("service_name", "travel-agent-demo",
        "filters", List.of(Map.of("field", "gen_ai.request.model", "operator", "equals", "value", "gpt-4o-mini"))));

    assertThat(list(result, "traces")).extracting(t -> t.get("trace_id")).containsExactly(
        "9a8cb895bee63fabb705329a05ced33b", "693bde2879b745ff467c20bf9cd2ea7a", "eed63641fc3ffa3ea40a166e2604edd2");
  }

  @Test
  void searchSpansAnswersWholeSpansOfTheOperation() {
    Map<String, Object> result = server.ok("search_spans",
        window("service_name", "travel-agent-demo", "operation_name", "openai.response", "limit", 3,
            "fields", List.of("attributes.gen_ai.system")));

    List<Map<String, Object>> spans = list(result, "spans");
    assertThat(spans).hasSize(3).allSatisfy(span -> assertThat(span)
        .containsEntry("operation_name", "openai.response")
        .containsEntry("service_name", "travel-agent-demo")
        .containsEntry("span_kind", "client")
        .containsEntry("status", "ok"));
    assertThat(spans).extracting(s -> s.get("span_id")).startsWith("267fb9e41508b20f", "34fcf1bb3fafa39e");
    assertThat(spans.get(0)).containsEntry("trace_id", "42ff472d7feb6215bec0cf4e350675b2");
    assertThat((Map<String, Object>) spans.get(0).get("attributes")).containsEntry("gen_ai.system", "openai");
  }

  @Test
  void getTraceAcceptsHexOrBase64AndAnswersHexIdsOnly() {
    Map<String, Object> result = server.ok("get_trace", Map.of("trace_id", "42FF472D7FEB6215BEC0CF4E350675B2"));
    Map<String, Object> full = server.ok("get_trace", Map.of("trace_id", "42ff472d7feb6215bec0cf4e350675b2", "view", "spans"));

    assertThat((Map<String, Object>) result.get("trace")).containsEntry("trace_id", "42ff472d7feb6215bec0cf4e350675b2")
        .containsEntry("service_name", "travel-agent-demo")
        .containsEntry("operation_name", "Agent Workflow")
        .containsEntry("duration_ms", 10109.71)
        .containsEntry("span_count", 10);
    assertThat((Map<String, Object>) result.get("llm")).containsEntry("request_count", 1).containsEntry("total_tokens", 394);
    List<Map<String, Object>> spans = list(full, "spans");
    assertThat(spans).hasSize(10).allSatisfy(span -> {
      assertThat((String) span.get("span_id")).matches("[0-9a-f]{16}");
      if (span.containsKey("parent_span_id")) {
        assertThat((String) span.get("parent_span_id")).matches("[0-9a-f]{16}");
      }
    });
    assertThat(spans).filteredOn(s -> "34fcf1bb3fafa39e".equals(s.get("span_id"))).singleElement()
        .satisfies(span -> assertThat(span).containsEntry("parent_span_id", "a94b4056fdcc5ab8"));

    Map<String, Object> byBase64 = server.ok("get_trace", Map.of("trace_id", "Qv9HLX/rYhW+wM9ONQZ1sg=="));
    assertThat((Map<String, Object>) byBase64.get("trace")).containsEntry("trace_id", "42ff472d7feb6215bec0cf4e350675b2");
  }

  @Test
  void findErrorsAsksTempoForFailedSpans() {
    Map<String, Object> result = server.ok("find_errors", window());

    assertThat(result).containsEntry("group_count", 0).containsEntry("error_span_count", 0);
    assertThat(list(result, "groups")).isEmpty();
    tempo.verify(getRequestedFor(urlPathEqualTo("/api/search")).withQueryParam("q", equalTo("{ status = error }")));
  }

  @Test
  void badArgumentsAreInvalidArgumentErrors() {
    assertThat(server.error("search_traces", Map.of("limit", 0)))
        .containsEntry("code", "INVALID_ARGUMENT")
        .containsEntry("message", "limit must be between 1 and 1000, got 0");
    assertThat(server.error("search_spans", Map.of("filters", List.of(Map.of("field", "x", "operator", "like", "value", "y")))))
        .containsEntry("message", "filters[0].operator 'like' is not an operator");
  }

  @Test
  void getTraceOfAnUnknownIdIsNotFound() {
    Map<String, Object> error = server.error("get_trace", Map.of("trace_id", "00000000000000000000000000000000"));

    assertThat(error).containsEntry("code", "NOT_FOUND");
    assertThat((String) error.get("message")).contains("00000000000000000000000000000000");
  }
}
