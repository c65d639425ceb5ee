package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answer sizes on the traces that used to overflow assistants ({@link AgentTraces}: a 1,500-span agent trace with
 * 3,000-character prompts, 300 failed traces of three kinds), through the real jar at the default budget of
 * 20,000 tokens. Every default answer must fit, the whole agent trace must be readable in at most 40 pages with
 * every span exactly once, and the figures must be the ones built into the data. The table it prints is the
 * README's "Answer sizes" table.
 */
@SuppressWarnings("unchecked")
class AnswerSizesIT {

  static final int BUDGET_TOKENS = 20_000;

  @TempDir
  static Path data;

  private static ServerProcess server;
  private static AgentTraces.Figures figures;
  private static final Map<String, Integer> SIZES = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    Path file = data.resolve("agent-traces.jsonl");
    figures = new AgentTraces().write(file);
    server = ServerProcess.start("--load", file.toString(), "--load-rebase", "--no-persist", "--otlp-port", "0");
  }

  @AfterAll
  static void stop() {
    server.close();
    System.out.println("| answer | tokens |");
    System.out.println("|---|---:|");
    SIZES.forEach((name, tokens) -> System.out.println("| " + name + " | " + tokens + " |"));
  }

  private static Map<String, Object> measured(String label, String tool, Map<String, Object> arguments) {
    CallToolResult result = server.call(tool, arguments);
    assertThat(result.isError()).as(label + ": " + result.content()).isNotEqualTo(Boolean.TRUE);
    int tokens = ((TextContent) result.content().get(0)).text().length() / 4;
    SIZES.merge(label, tokens, Math::max);
    assertThat(tokens).as(label + " in tokens").isLessThanOrEqualTo(BUDGET_TOKENS);
    return (Map<String, Object>) result.structuredContent();
  }

  @Test
  void everyDefaultAnswerFitsTheBudget() {
    for (String tool : List.of("list_services", "search_traces", "search_spans", "find_errors", "get_llm_usage",
        "list_llm_models", "get_llm_expensive_traces", "get_llm_slow_traces", "list_llm_tools")) {
      measured(tool, tool, Map.of());
    }
    measured("search_spans limit=1000", "search_spans", Map.of("limit", 1000));
    measured("find_errors group_by=none limit=1000", "find_errors", Map.of("group_by", "none", "limit", 1000));
    measured("get_llm_model_stats gpt-4o", "get_llm_model_stats", Map.of("model_name", "gpt-4o"));
  }

  @Test
  void theAgentTraceSummaryFitsAndStatesItsLlmFigures() {
    Map<String, Object> summary = measured("get_trace (summary, 1,500 spans)", "get_trace",
        Map.of("trace_id", AgentTraces.AGENT_TRACE));

    assertThat((Map<String, Object>) summary.get("trace")).containsEntry("span_count", AgentTraces.AGENT_SPANS);
    assertThat((Map<String, Object>) summary.get("llm"))
        .containsEntry("request_count", figures.llmCalls())
        .containsEntry("input_tokens", (int) figures.inputTokens())
        .containsEntry("output_tokens", (int) figures.outputTokens())
        .containsEntry("total_tokens", (int) (figures.inputTokens() + figures.outputTokens()));
    Map<String, Object> tree = (Map<String, Object>) summary.get("span_tree");
    assertThat((List<List<Object>>) tree.get("rows")).as("similar siblings collapsed").hasSizeLessThan(10);
  }

  @Test
  void theWholeAgentTraceIsReadInAtMostFortyPagesEachSpanOnce() {
    Set<String> seen = new HashSet<>();
    List<Integer> pageSizes = new ArrayList<>();
    Map<String, Object> page = measured("get_trace view=spans (a page)", "get_trace",
        Map.of("trace_id", AgentTraces.AGENT_TRACE, "view", "spans"));
    while (true) {
      List<Map<String, Object>> spans = (List<Map<String, Object>>) page.get("spans");
      pageSizes.add(spans.size());
      spans.forEach(span -> assertThat(seen.add((String) span.get("span_id"))).as("seen once").isTrue());
      if (page.get("next_cursor") == null) {
        break;
      }
      page = measured("get_trace view=spans (a page)", "get_trace", Map.of("cursor", page.get("next_cursor")));
    }

    assertThat(seen).hasSize(AgentTraces.AGENT_SPANS);
    assertThat(pageSizes.size()).as("pages").isLessThanOrEqualTo(40);
    SIZES.put("pages to read the 1,500-span trace", pageSizes.size());
  }

  @Test
  void errorsComeGroupedWithTheirTotals() {
    Map<String, Object> errors = measured("find_errors", "find_errors", Map.of());

    assertThat(errors).containsEntry("error_trace_count", AgentTraces.ERROR_TRACES)
        .containsEntry("error_span_count", AgentTraces.ERROR_TRACES)
        .containsEntry("group_count", 3);
    assertThat((List<Map<String, Object>>) errors.get("groups")).allSatisfy(group -> {
      assertThat(group).containsEntry("count", 100).containsEntry("trace_count", 100);
      assertThat((List<String>) group.get("example_trace_ids")).hasSize(3);
    });
  }
}
