package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LLM tools over Tempo, through the real server process: the four travel-agent-demo traces Tempo
 * returned in the recordings (OpenLLMetry 0.47.5, openai-agents), hydrated in parallel from their recorded
 * trace bodies. Figures computed by hand from those bodies: 22 LLM calls — 42ff… 1 call, 394 tokens,
 * 10109.71 ms; 9a8c… 8 calls, 17976 tokens, 127512.595 ms; 693b… 7 calls, 15203 tokens; eed6… 6 calls, 13291
 * tokens, 87687.739 ms — 36630 input and 10234 output tokens; gpt-4o-2024-08-06 answered 18 calls (37805
 * tokens), gpt-4o-mini-2024-07-18 4 (9059); 25 tool calls.
 */
@SuppressWarnings("unchecked")
class TempoLlmToolsIT {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort())
      .resetOnEachTest(false)
      .build();

  private static ServerProcess server;

  @BeforeAll
  static void start() {
    TempoToolsIT.serveRecordedTempo(tempo.getRuntimeInfo().getWireMock());
    server = ServerProcess.start("--backend", "tempo", "--url", tempo.baseUrl(), "--timeout", "10s",
        "--backend-option", "tenant=travel-team");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, Object> demo(Object... more) {
    Map<String, Object> arguments = new LinkedHashMap<>(Map.of("service_name", "travel-agent-demo",
        "start_time", "2025-11-13T00:00:00Z", "end_time", "2025-11-14T00:00:00Z"));
    for (int i = 0; i < more.length; i += 2) {
      arguments.put((String) more[i], more[i + 1]);
    }
    return arguments;
  }

  private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
    return (List<Map<String, Object>>) result.get(key);
  }

  @Test
  void usageOfTheDemoService() {
    Map<String, Object> usage = server.ok("get_llm_usage", demo());

    assertThat((Map<String, Object>) usage.get("totals")).containsEntry("request_count", 22)
        .containsEntry("input_tokens", 36630).containsEntry("output_tokens", 10234).containsEntry("total_tokens", 46864)
        .containsEntry("error_count", 0);
    assertThat(list(usage, "by_model")).extracting(m -> m.get("name"), m -> m.get("request_count"), m -> m.get("total_tokens"))
        .containsExactly(tuple("gpt-4o-2024-08-06", 18, 37805), tuple("gpt-4o-mini-2024-07-18", 4, 9059));
    assertThat((Map<String, Object>) usage.get("scope")).containsEntry("traces_scanned", 4).containsEntry("llm_calls", 22);
  }

  @Test
  void modelsAndOneModelsStatistics() {
    Map<String, Object> models = server.ok("list_llm_models", demo());
    Map<String, Object> stats = server.ok("get_llm_model_stats", demo("model_name", "gpt-4o-mini"));

    assertThat(list(models, "models")).extracting(m -> m.get("model")).containsExactly("gpt-4o-2024-08-06",
        "gpt-4o-mini-2024-07-18");
    assertThat(stats).containsEntry("request_count", 4).containsEntry("response_models", List.of("gpt-4o-mini-2024-07-18"));
    assertThat((Map<String, Object>) stats.get("token_totals")).containsEntry("total_tokens", 9059);
  }

  @Test
  void expensiveAndSlowTraces() {
    Map<String, Object> expensive = server.ok("get_llm_expensive_traces", demo("limit", 2));
    Map<String, Object> slow = server.ok("get_llm_slow_traces", demo("limit", 2));

    assertThat(list(expensive, "traces")).extracting(t -> ((Map<String, Object>) t.get("trace")).get("trace_id"),
            t -> ((Map<String, Object>) t.get("tokens")).get("total_tokens"))
        .containsExactly(tuple("9a8cb895bee63fabb705329a05ced33b", 17976), tuple("693bde2879b745ff467c20bf9cd2ea7a", 15203));
    assertThat(expensive).containsEntry("truncated", true);
    assertThat(list(slow, "traces")).extracting(t -> ((Map<String, Object>) t.get("trace")).get("trace_id"),
            t -> ((Map<String, Object>) t.get("trace")).get("duration_ms"))
        .containsExactly(tuple("9a8cb895bee63fabb705329a05ced33b", 127512.595),
            tuple("eed63641fc3ffa3ea40a166e2604edd2", 87687.739));
  }

  @Test
  void toolsTheAgentCalled() {
    Map<String, Object> tools = server.ok("list_llm_tools", demo());

    assertThat(tools).containsEntry("total_calls", 25);
    assertThat(list(tools, "tools")).extracting(t -> t.get("tool_name"), t -> t.get("usage_count")).containsExactly(
        tuple("get_location_coordinates", 6), tuple("get_weather_forecast", 6), tuple("get_destination_info", 5),
        tuple("create_itinerary", 4), tuple("search_destinations", 4));
  }
}
