package dev.otelmcp.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.tck.TestResources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Golden test of the LLM tools over stdio: a Jaeger holding jaeger-ui's GenAI agent trace. Every expected
 * figure was computed by hand from the fixture: five chat spans — model-a four times (1840 input, 260
 * output, 920 cache-read tokens each, 1800 ms, service coding-agent) and model-b once (920, 140, 460,
 * 3500 ms, summarizer-agent) — seven execute_tool spans, and one failed span (GET /api/v1/pods).
 */
@SuppressWarnings("unchecked")
class JaegerLlmToolsIT {

  @RegisterExtension
  static WireMockExtension jaeger = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort())
      .resetOnEachTest(false)
      .build();

  private static ServerProcess server;
  static final String TRACE_ID = "4a1b2c3d4e5f60718293a4b5c6d7e8f9";
  static final Map<String, Object> WINDOW = Map.of("start_time", "2026-02-01", "end_time", "2026-02-03");

  @BeforeAll
  static void start() throws Exception {
    serveGenaiTrace(jaeger.getRuntimeInfo().getWireMock());
    server = ServerProcess.start("--backend", "jaeger", "--url", jaeger.baseUrl());
  }

  /** Jaeger's GenAI agent trace behind the classic API, with the services of its processes. */
  static void serveGenaiTrace(com.github.tomakehurst.wiremock.client.WireMock wireMock) throws Exception {
    String trace = TestResources.text("fixtures/jaeger-ui/genaiTestTrace.json");
    String envelope = "{\"data\":[" + trace + "],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}";
    TreeSet<String> services = new TreeSet<>();
    new ObjectMapper().readTree(trace).path("processes").forEach(p -> services.add(p.path("serviceName").asText()));
    String serviceList = new ObjectMapper().writeValueAsString(
        Map.of("data", services, "total", services.size(), "limit", 0, "offset", 0));
    wireMock.register(get(urlPathEqualTo("/api/services")).willReturn(okJson(serviceList)));
    wireMock.register(get(urlPathEqualTo("/api/traces")).willReturn(okJson(envelope)));
    wireMock.register(get(urlPathEqualTo("/api/traces/" + TRACE_ID)).willReturn(okJson(envelope)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, Object> args(Object... more) {
    Map<String, Object> arguments = new LinkedHashMap<>(WINDOW);
    for (int i = 0; i < more.length; i += 2) {
      arguments.put((String) more[i], more[i + 1]);
    }
    return arguments;
  }

  private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
    return (List<Map<String, Object>>) result.get(key);
  }

  private static Map<String, Object> map(Map<String, Object> result, String key) {
    return (Map<String, Object>) result.get(key);
  }

  @Test
  void llmUsageTotalsAndBreakdowns() {
    Map<String, Object> usage = server.ok("get_llm_usage", args());

    assertThat(map(usage, "totals")).containsEntry("request_count", 5).containsEntry("error_count", 0)
        .containsEntry("input_tokens", 8280).containsEntry("output_tokens", 1180).containsEntry("total_tokens", 9460)
        .containsEntry("cache_read_input_tokens", 4140).containsEntry("cache_creation_input_tokens", 0)
        .containsEntry("reasoning_tokens", 0);
    assertThat(list(usage, "by_model")).extracting(g -> g.get("name"), g -> g.get("total_tokens"), g -> g.get("request_count"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("model-a", 8400, 4), org.assertj.core.groups.Tuple.tuple("model-b", 1060, 1));
    assertThat(list(usage, "by_service")).extracting(g -> g.get("name"), g -> g.get("input_tokens"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("coding-agent", 7360), org.assertj.core.groups.Tuple.tuple("summarizer-agent", 920));
    assertThat(list(usage, "by_provider")).singleElement().satisfies(g -> assertThat(g).containsEntry("name", "example-ai"));
    // No price table knows example-ai's models: the cost is not a silent zero but partial, and names what is missing.
    assertThat(map(usage, "totals")).containsEntry("cost_is_partial", true).containsEntry("unpriced_request_count", 5);
    assertThat(list(usage, "unpriced_models")).extracting(m -> m.get("model"), m -> m.get("request_count"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("model-a", 4), org.assertj.core.groups.Tuple.tuple("model-b", 1));
    assertThat(map(usage, "scope")).containsEntry("traces_scanned", 1).containsEntry("spans_scanned", 57)
        .containsEntry("request_count", 5).containsEntry("limit_reached", false).containsEntry("warnings", 0);
  }

  @Test
  void usageOfOneProviderAndModel() {
    Map<String, Object> usage = server.ok("get_llm_usage", args("gen_ai_request_model", "model-b"));

    assertThat(map(usage, "totals")).containsEntry("request_count", 1).containsEntry("total_tokens", 1060);
    assertThat(map(server.ok("get_llm_usage", args("gen_ai_system", "EXAMPLE-AI")), "totals")).containsEntry("request_count", 5);
  }

  @Test
  void modelsInUse() {
    Map<String, Object> models = server.ok("list_llm_models", args());

    assertThat(list(models, "models")).extracting(m -> m.get("model")).containsExactly("model-a", "model-b");
    assertThat(list(models, "models").get(0)).containsEntry("provider", "example-ai").containsEntry("request_count", 4)
        .containsEntry("total_tokens", 8400).containsEntry("first_seen", "2026-02-02T02:40:00.005Z")
        .containsEntry("last_seen", "2026-02-02T02:40:00.056Z")
        .containsEntry("request_models", List.of("model-a")).containsEntry("response_models", List.of("model-a"));
  }

  @Test
  void statsOfOneModel() {
    Map<String, Object> stats = server.ok("get_llm_model_stats", args("model_name", "model-a"));

    assertThat(stats).containsEntry("request_count", 4).containsEntry("success_count", 4).containsEntry("error_rate", 0.0)
        .containsEntry("length_truncations", 0);
    assertThat(map(stats, "latency_ms")).containsEntry("mean", 1800.0).containsEntry("p99", 1800.0);
    assertThat(map(stats, "input_tokens")).containsEntry("p50", 1840.0);
    assertThat(map(stats, "total_tokens")).containsEntry("mean", 2100.0);
    assertThat(server.error("get_llm_model_stats", args("model_name", "model-c"))).containsEntry("code", "NOT_FOUND");
  }

  @Test
  void expensiveAndSlowTraces() {
    Map<String, Object> expensive = server.ok("get_llm_expensive_traces", args());
    Map<String, Object> slow = server.ok("get_llm_slow_traces", args());

    Map<String, Object> top = list(expensive, "traces").get(0);
    assertThat(map(top, "trace")).containsEntry("trace_id", TRACE_ID).containsEntry("llm_span_count", 5);
    assertThat(top).containsEntry("models", List.of("model-a", "model-b"));
    assertThat(map(top, "tokens")).containsEntry("request_count", 5).containsEntry("total_tokens", 9460).containsEntry("cache_read_input_tokens", 4140);
    Map<String, Object> slowest = list(slow, "traces").get(0);
    // calls overlap from 5 ms to 3554 ms after the trace's epoch: 3549 ms of a 44000 ms trace.
    assertThat(map(slowest, "trace")).containsEntry("duration_ms", 44000.0);
    assertThat(slowest).containsEntry("llm_time_ms", 3549.0).containsEntry("llm_time_share", 0.0807);
    assertThat(server.ok("get_llm_expensive_traces", args("min_tokens", 10_000))).containsEntry("count", 0);
  }

  @Test
  void toolsTheAgentCalled() {
    Map<String, Object> tools = server.ok("list_llm_tools", args());

    assertThat(tools).containsEntry("call_count", 7).containsEntry("count", 3);
    List<Map<String, Object>> list = list(tools, "tools");
    assertThat(list).extracting(t -> t.get("tool_name"), t -> t.get("call_count"), t -> t.get("mean_duration_ms"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("list_dashboards", 3, 900.0),
            org.assertj.core.groups.Tuple.tuple("search_traces", 3, 900.0),
            org.assertj.core.groups.Tuple.tuple("summarize_findings", 1, 4000.0));
    assertThat(list.get(0)).containsEntry("services", List.of("coding-agent"));
  }

  @Test
  void traceSummariesAndErrorsCarryTheLlmFigures() {
    Map<String, Object> search = server.ok("search_traces", args("limit", 5));
    Map<String, Object> errors = server.ok("find_errors", args());
    Map<String, Object> trace = server.ok("get_trace", Map.of("trace_id", "4a1b2c3d4e5f60718293a4b5c6d7e8f9"));

    assertThat(list(search, "traces")).singleElement().satisfies(t -> assertThat(t)
        .containsEntry("llm_span_count", 5).containsEntry("total_tokens", 9460).containsEntry("status", "error"));
    assertThat(list(errors, "groups")).singleElement().satisfies(group -> assertThat(group)
        .containsEntry("operation_name", "GET /api/v1/pods").containsEntry("service_name", "k8s-api")
        .containsEntry("count", 1)
        .containsEntry("example_trace_ids", List.of("4a1b2c3d4e5f60718293a4b5c6d7e8f9"))
        .doesNotContainKey("is_llm_error"));
    assertThat(errors).containsEntry("error_trace_count", 1).containsEntry("error_span_count", 1);
    // The summary states the trace's LLM figures, counted once each: 5 calls, 8,280 in, 1,180 out, 4,140 cached.
    assertThat((Map<String, Object>) trace.get("llm")).containsEntry("request_count", 5)
        .containsEntry("input_tokens", 8280).containsEntry("output_tokens", 1180).containsEntry("total_tokens", 9460)
        .containsEntry("cache_read_input_tokens", 4140);
    assertThat(list(trace, "errors")).singleElement().satisfies(e -> assertThat(e)
        .containsEntry("operation_name", "GET /api/v1/pods").containsEntry("is_origin", true));
    Map<String, Object> tree = (Map<String, Object>) trace.get("span_tree");
    List<List<Object>> rows = (List<List<Object>>) tree.get("rows");
    int tokenColumn = ((List<String>) tree.get("columns")).indexOf("total_tokens");
    assertThat(rows.stream().map(r -> r.get(tokenColumn)).filter(java.util.Objects::nonNull)
        .mapToLong(v -> ((Number) v).longValue()).sum()).as("the rows' tokens add up to the trace's").isEqualTo(9460);
  }

}
