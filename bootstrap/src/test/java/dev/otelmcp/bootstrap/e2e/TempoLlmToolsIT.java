package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
    assertThat((Map<String, Object>) usage.get("scope")).containsEntry("traces_scanned", 4).containsEntry("request_count", 22);
    // genai-prices 0.1.8 list prices, USD per million tokens: gpt-4o 2.50 in / 10.00 out, gpt-4o-mini 0.15 / 0.60;
    // the recordings read no cache, so every row's cost is its tokens at those prices.
    Map<String, Object> gpt4o = list(usage, "by_model").get(0);
    Map<String, Object> mini = list(usage, "by_model").get(1);
    double gpt4oCost = (((Number) gpt4o.get("input_tokens")).longValue() * 2.50
        + ((Number) gpt4o.get("output_tokens")).longValue() * 10.00) / 1e6;
    double miniCost = (((Number) mini.get("input_tokens")).longValue() * 0.15
        + ((Number) mini.get("output_tokens")).longValue() * 0.60) / 1e6;
    assertThat(((Number) gpt4o.get("cost_usd")).doubleValue()).isCloseTo(gpt4oCost, within(1e-9));
    assertThat(((Number) mini.get("cost_usd")).doubleValue()).isCloseTo(miniCost, within(1e-9));
    assertThat(((Number) ((Map<String, Object>) usage.get("totals")).get("cost_usd")).doubleValue())
        .isCloseTo(gpt4oCost + miniCost, within(1e-9));
    assertThat((Map<String, Object>) usage.get("totals")).doesNotContainKey("cost_is_partial");
    assertThat(usage).doesNotContainKey("unpriced_models");
    assertThat((List<Map<String, Object>>) ((Map<String, Object>) usage.get("scope")).get("price_sources"))
        .containsExactly(Map.of("name", "genai-prices", "version", "0.1.8", "as_of", "2026-09-23"));
  }

  @Test
  void spendPerHourCoversTheWindowAndAddsUpToTheTotal() {
    Map<String, Object> usage = server.ok("get_llm_usage", demo("interval", "1h"));

    List<Map<String, Object>> series = list(usage, "series");
    assertThat(series).hasSize(24);
    assertThat(series.stream().mapToLong(b -> ((Number) b.get("request_count")).longValue()).sum()).isEqualTo(22);
    assertThat(series.stream().mapToDouble(b -> ((Number) b.get("cost_usd")).doubleValue()).sum())
        .isCloseTo(((Number) ((Map<String, Object>) usage.get("totals")).get("cost_usd")).doubleValue(), within(1e-8));
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
  void twoModelsSideBySideAndWhatTheBigOneWouldHaveCostOnTheSmallOne() {
    Map<String, Object> usage = server.ok("get_llm_usage", demo());
    Map<String, Object> compared = server.ok("compare_llm_models", demo("models", List.of("gpt-4o", "gpt-4o-mini"),
        "reprice_as", "gpt-4o-mini"));

    Map<String, Object> gpt4oUsage = list(usage, "by_model").get(0);
    List<Map<String, Object>> rows = list(compared, "models");
    assertThat(rows).extracting(r -> r.get("model"), r -> r.get("request_count")).containsExactly(
        tuple("gpt-4o", 18), tuple("gpt-4o-mini", 4));
    assertThat(((Number) rows.get(0).get("cost_usd")).doubleValue())
        .isCloseTo(((Number) gpt4oUsage.get("cost_usd")).doubleValue(), within(1e-9));
    // The 18 gpt-4o calls' own tokens at gpt-4o-mini's prices (0.15 / 0.60 per million).
    double asMini = (((Number) gpt4oUsage.get("input_tokens")).longValue() * 0.15
        + ((Number) gpt4oUsage.get("output_tokens")).longValue() * 0.60) / 1e6;
    Map<String, Object> repriced = (Map<String, Object>) rows.get(0).get("repriced");
    assertThat(repriced).containsEntry("as_model", "gpt-4o-mini");
    assertThat(((Number) repriced.get("cost_usd")).doubleValue()).isCloseTo(asMini, within(1e-9));
    assertThat((String) compared.get("note")).contains("tokenizer");
    assertThat(server.error("compare_llm_models", demo("models", List.of("gpt-4o"))))
        .containsEntry("code", "INVALID_ARGUMENT");
    assertThat(server.error("compare_llm_models", demo("models", List.of("gpt-4o", "gpt-4o-mini"), "reprice_as", "nope-1")))
        .containsEntry("code", "INVALID_ARGUMENT");
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

    assertThat(tools).containsEntry("call_count", 25);
    assertThat(list(tools, "tools")).extracting(t -> t.get("tool_name"), t -> t.get("call_count")).containsExactly(
        tuple("get_location_coordinates", 6), tuple("get_weather_forecast", 6), tuple("get_destination_info", 5),
        tuple("create_itinerary", 4), tuple("search_destinations", 4));
  }
}
