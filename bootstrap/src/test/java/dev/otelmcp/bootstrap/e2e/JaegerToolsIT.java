package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every core tool, called through the real server process over stdio, against a Jaeger made of recorded
 * responses. Expected values were read from the recordings.
 */
@SuppressWarnings("unchecked")
class JaegerToolsIT {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance()
      .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort())
      .resetOnEachTest(false)
      .build();

  private static ServerProcess server;

  private static final Map<String, Object> RECORDED_WINDOW =
      Map.of("start_time", "2025-11-11T00:00:00Z", "end_time", "2025-11-14T00:00:00Z");

  @BeforeAll
  static void start() {
    RecordedJaeger.serve(jaeger.getRuntimeInfo().getWireMock());
    server = ServerProcess.start("--backend", "jaeger", "--url", jaeger.baseUrl(), "--timeout", "10s");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, Object> window(Object... more) {
    Map<String, Object> arguments = new java.util.LinkedHashMap<>(RECORDED_WINDOW);
    for (int i = 0; i < more.length; i += 2) {
      arguments.put((String) more[i], more[i + 1]);
    }
    return arguments;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
    return (List<Map<String, Object>>) result.get(key);
  }

  @Test
  void listsTheToolsWithSchemasAndReadOnlyHints() {
    List<Tool> tools = server.client().listTools().tools();

    assertThat(tools).extracting(Tool::name).containsExactly(
        "list_services", "list_operations", "search_traces", "search_spans", "get_trace", "find_errors",
        "get_llm_usage", "list_llm_models", "get_llm_model_stats", "get_llm_expensive_traces", "get_llm_slow_traces",
        "list_llm_tools", "compare_llm_models", "get_docs");
    assertThat(tools).allSatisfy(tool -> {
      assertThat(tool.description()).isNotBlank();
      assertThat(tool.inputSchema()).containsEntry("type", "object").containsEntry("additionalProperties", false);
      assertThat(tool.outputSchema()).containsKey("properties");
      assertThat(tool.annotations().readOnlyHint()).isTrue();
    });
    Map<String, Object> limit = (Map<String, Object>) ((Map<String, Object>) tools.get(2).inputSchema().get("properties")).get("limit");
    assertThat(limit).containsEntry("minimum", 1).containsEntry("maximum", 1000).containsEntry("default", 100);
  }

  @Test
  void listServicesAnswersTheRecordedServicesSorted() {
    Map<String, Object> result = server.ok("list_services", Map.of());

    assertThat(result.get("services")).isEqualTo(List.of("jaeger", "model-comparison", "trace-analyzer-agent", "travel-agent-demo"));
    assertThat(result.get("count")).isEqualTo(4);
    assertThat((Map<String, Object>) result.get("window")).containsKeys("start_time", "end_time");
  }

  @Test
  void listOperationsOfTheAgentService() {
    Map<String, Object> result = server.ok("list_operations", Map.of("service_name", "trace-analyzer-agent"));

    assertThat(list(result, "operations")).extracting(o -> o.get("name"))
        .containsExactly("initialize.mcp", "openai.chat", "search_traces.tool", "tools/list.mcp");
  }

  @Test
  void searchTracesOfOneServiceNewestFirst() {
    Map<String, Object> result = server.ok("search_traces", window("service_name", "jaeger", "limit", 10));

    List<Map<String, Object>> traces = list(result, "traces");
    assertThat(traces).hasSize(10);
    assertThat(traces.get(0)).containsEntry("trace_id", "0a133b2ffa5d05faf89fe1f489cb020e")
        .containsEntry("service_name", "jaeger")
        .containsEntry("operation_name", "/api/services")
        .containsEntry("start_time", "2025-11-13T13:01:48.559873Z")
        .containsEntry("duration_ms", 1.576)
        .containsEntry("status", "ok")
        .containsEntry("span_count", 1);
    assertThat(traces.get(4)).containsEntry("trace_id", "27c89f0bedca520adf874fb5a2c9d7f4").containsEntry("status", "error");
    Map<String, Object> scope = (Map<String, Object>) result.get("scope");
    assertThat(scope).containsEntry("start_time", "2025-11-11T00:00:00Z").containsEntry("end_time", "2025-11-14T00:00:00Z");
  }

  @Test
  void searchTracesWithoutAServiceFansOutOverEveryService() {
    Map<String, Object> result = server.ok("search_traces", window("limit", 5));

    assertThat(list(result, "traces")).extracting(t -> t.get("trace_id")).containsExactly(
        "0a133b2ffa5d05faf89fe1f489cb020e", "f32788bf0c0139422b6740730014efc0", "062e848dd2141f687dc0c075740a9336",
        "1a5a797a62b4258d0b8c27fa6dce775e", "27c89f0bedca520adf874fb5a2c9d7f4");
    assertThat(result.get("truncated")).isEqualTo(true);

    // The next page is exactly what one larger search finds after the first five.
    Map<String, Object> next = server.ok("search_traces", Map.of("cursor", result.get("next_cursor")));
    Map<String, Object> ten = server.ok("search_traces", window("limit", 10));
    assertThat(list(next, "traces").subList(0, 5)).extracting(t -> t.get("trace_id"))
        .isEqualTo(list(ten, "traces").subList(5, 10).stream().map(t -> t.get("trace_id")).toList());
  }

  @Test
  void searchTracesByMinimumDuration() {
    Map<String, Object> result = server.ok("search_traces", window("service_name", "jaeger", "min_duration_ms", 100));

    assertThat(list(result, "traces")).singleElement().satisfies(trace -> assertThat(trace)
        .containsEntry("trace_id", "1d734c967c68f583f71156dcdfeaa552")
        .containsEntry("operation_name", "/api/traces")
        .containsEntry("duration_ms", 174.013));
  }

  @Test
  void searchSpansOfOneOperation() {
    Map<String, Object> result = server.ok("search_spans",
        window("service_name", "jaeger", "operation_name", "/api/metrics/latencies", "limit", 3,
            "fields", List.of("attributes.http.*")));

    List<Map<String, Object>> spans = list(result, "spans");
    assertThat(spans).hasSize(3).allSatisfy(span -> assertThat(span)
        .containsEntry("operation_name", "/api/metrics/latencies")
        .containsEntry("service_name", "jaeger")
        .containsEntry("span_kind", "server")
        .containsEntry("role", "other"));
    assertThat((Map<String, Object>) spans.get(0).get("attributes")).containsEntry("http.route", "/api/metrics/latencies")
        .allSatisfy((key, value) -> assertThat(key).startsWith("http."));
  }

  @Test
  void getTraceSummarisesAndShowsEverySpanWithAttributesAndResourcesOnRequest() {
    Map<String, Object> summary = server.ok("get_trace", Map.of("trace_id", "0A133B2FFA5D05FAF89FE1F489CB020E"));
    Map<String, Object> full = server.ok("get_trace", Map.of("trace_id", "0a133b2ffa5d05faf89fe1f489cb020e", "view", "spans"));

    assertThat((Map<String, Object>) summary.get("trace")).containsEntry("trace_id", "0a133b2ffa5d05faf89fe1f489cb020e")
        .containsEntry("operation_name", "/api/services")
        .containsEntry("root_span_id", "8a526433ee1e70cb")
        .containsEntry("span_count", 1)
        .containsEntry("status", "ok")
        .doesNotContainKey("incomplete");
    assertThat((List<List<Object>>) ((Map<String, Object>) summary.get("span_tree")).get("rows"))
        .containsExactly(java.util.Arrays.asList(0, "8a526433ee1e70cb", "/api/services", "jaeger", "other", 1.576, "unset",
            null, 1));
    Map<String, Object> span = list(full, "spans").get(0);
    assertThat(span).containsEntry("span_id", "8a526433ee1e70cb")
        .containsEntry("start_time", "2025-11-13T13:01:48.559873Z")
        .containsEntry("span_kind", "server")
        .containsEntry("resource_id", 0)
        .doesNotContainKey("parent_span_id");
    assertThat((Map<String, Object>) span.get("attributes")).containsEntry("http.request.method", "GET")
        .containsEntry("http.response.status_code", 200)
        .doesNotContainKey("span.kind");
    assertThat(list(full, "resources")).singleElement().satisfies(r -> assertThat(r).containsEntry("service_name", "jaeger"));
  }

  @Test
  void getTraceOfAnUnknownIdIsNotFound() {
    Map<String, Object> error = server.error("get_trace", Map.of("trace_id", "00000000000000000000000000000000"));

    assertThat(error).containsEntry("code", "NOT_FOUND");
    assertThat((String) error.get("message")).contains("00000000000000000000000000000000");
  }

  @Test
  void findErrorsGroupsTheFailedSpansOfTheRecordedWindow() {
    Map<String, Object> result = server.ok("find_errors", window("service_name", "jaeger"));
    Map<String, Object> flat = server.ok("find_errors", window("service_name", "jaeger", "group_by", "none"));

    assertThat(result).containsEntry("error_trace_count", 6);
    List<Map<String, Object>> groups = list(result, "groups");
    assertThat(groups.stream().mapToInt(g -> (Integer) g.get("count")).sum()).isEqualTo(result.get("error_span_count"));
    assertThat(groups).anySatisfy(group -> assertThat(group)
        .containsEntry("operation_name", "/api/metrics/latencies")
        .containsEntry("error_type", "501"));
    assertThat(list(flat, "errors")).extracting(e -> e.get("trace_id")).containsSubsequence(
        "27c89f0bedca520adf874fb5a2c9d7f4", "7c99e184607854405c6b7c710237cc9a", "9dad0fbd40bb6c67a5d47a0ca478c441",
        "9118c026cdd270ba42f3d1bdacee1a5f", "e7932a2c99def9ad022dbddd1a8cf9cf", "630b5de079516eadb159fa8f78b8e219");
    assertThat(list(flat, "errors")).hasSize((Integer) result.get("error_span_count"));
  }

  @Test
  void badArgumentsAreInvalidArgumentErrorsNamingTheField() {
    assertThat(server.error("search_traces", Map.of("limit", 0)))
        .containsEntry("code", "INVALID_ARGUMENT")
        .containsEntry("message", "limit must be between 1 and 1000, got 0");
    assertThat(server.error("search_traces", Map.of("start_time", "yesterday-ish")))
        .containsEntry("code", "INVALID_ARGUMENT")
        .containsEntry("message", "start_time 'yesterday-ish' is not a time");
    assertThat(server.error("search_spans", Map.of("filters", List.of(Map.of("field", "x", "operator", "like", "value", "y")))))
        .containsEntry("message", "filters[0].operator 'like' is not an operator");
    assertThat(server.error("get_trace", Map.of()))
        .containsEntry("message", "trace_id is required");
    assertThat(server.ok("list_services", Map.of())).containsEntry("count", 4);
  }
}
