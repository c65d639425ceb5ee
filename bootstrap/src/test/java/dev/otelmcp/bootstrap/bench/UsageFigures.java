package dev.otelmcp.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of an LLM usage answer — calls and tokens, and the cost when the server prices them — read from either
 * server's answer, or computed from the generated data itself (the ground truth).
 *
 * @param costUsd {@code null} for the ground truth: the two servers price from different tables, so cost is compared
 *     between them, not against one answer
 * @param callsByService the calls per service, to see which part of the data a partial answer covers
 */
record UsageFigures(long calls, long inputTokens, long outputTokens, long totalTokens, Double costUsd,
    Map<String, Long> callsByService) {

  /**
   * What the data holds, read from the span attributes directly: in the samples an LLM call is exactly a span naming a
   * model ({@code gen_ai.request.model}); tokens are {@code gen_ai.usage.input_tokens} / {@code output_tokens}, and the
   * total is {@code gen_ai.usage.total_tokens} where the instrumentation wrote one, else their sum. Cross-checked with
   * the domain's own reading ({@link LlmCalls}), so that a sample file unlike the others cannot go unnoticed.
   */
  static UsageFigures truth(List<Trace> traces) {
    long calls = 0;
    long input = 0;
    long output = 0;
    long total = 0;
    Map<String, Long> byService = new TreeMap<>();
    long domainCalls = 0;
    long domainTotal = 0;
    for (Trace trace : traces) {
      for (Span span : trace.spans()) {
        Attributes a = span.attributes();
        if (a.containsKey("gen_ai.request.model")) {
          long in = (long) a.getNumber("gen_ai.usage.input_tokens").orElse(0);
          long out = (long) a.getNumber("gen_ai.usage.output_tokens").orElse(0);
          calls++;
          byService.merge(span.serviceName(), 1L, Long::sum);
          input += in;
          output += out;
          total += a.containsKey("gen_ai.usage.total_tokens")
              ? (long) a.getNumber("gen_ai.usage.total_tokens").orElseThrow() : in + out;
        }
      }
      for (LlmCall call : LlmCalls.of(trace)) {
        domainCalls++;
        domainTotal += call.usage().total();
      }
    }
    if (calls != domainCalls || total != domainTotal) {
      throw new IllegalStateException("the attributes hold " + calls + " calls, " + total + " tokens; the domain reads "
          + domainCalls + " calls, " + domainTotal + " tokens");
    }
    return new UsageFigures(calls, input, output, total, null, byService);
  }

  /** otel-mcp's {@code get_llm_usage}: {@code totals} of the structured content. */
  @SuppressWarnings("unchecked")
  static UsageFigures ofOtelMcp(Map<String, Object> structured) {
    Map<String, Object> totals = (Map<String, Object>) structured.get("totals");
    Map<String, Long> byService = new TreeMap<>();
    for (Map<String, Object> row : (List<Map<String, Object>>) structured.get("by_service")) {
      byService.put((String) row.get("name"), number(row, "request_count"));
    }
    return new UsageFigures(number(totals, "request_count"), number(totals, "input_tokens"),
        number(totals, "output_tokens"), number(totals, "total_tokens"),
        ((Number) totals.get("cost_usd")).doubleValue(), byService);
  }

  /** autotel-mcp's {@code get_llm_usage}: {@code data.summary} of the JSON text. */
  static UsageFigures ofAutotel(JsonNode answer) {
    JsonNode summary = answer.path("data").path("summary");
    if (!summary.has("totalRequests")) {
      throw new IllegalStateException("autotel-mcp answered without a summary: " + answer);
    }
    Map<String, Long> byService = new TreeMap<>();
    answer.path("data").path("byService").fields()
        .forEachRemaining(e -> byService.put(e.getKey(), e.getValue().path("requests").asLong()));
    return new UsageFigures(summary.path("totalRequests").asLong(), summary.path("totalPromptTokens").asLong(),
        summary.path("totalCompletionTokens").asLong(), summary.path("totalTokens").asLong(),
        summary.path("totalCostUsd").asDouble(), byService);
  }

  /** Whether the calls and tokens equal the truth's (cost aside). */
  boolean countsEqual(UsageFigures truth) {
    return calls == truth.calls && inputTokens == truth.inputTokens && outputTokens == truth.outputTokens
        && totalTokens == truth.totalTokens;
  }

  private static long number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).longValue();
  }
}
