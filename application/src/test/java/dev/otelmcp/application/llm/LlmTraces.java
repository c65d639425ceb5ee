package dev.otelmcp.application.llm;

import dev.otelmcp.application.TestTraces;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Small agent traces for the LLM use cases: a workflow span, LLM calls and tool calls under it. */
final class LlmTraces {

  /** Every call: no service, provider or model condition. */
  static final CallFilter ALL_CALLS = new CallFilter(null, null, null, null);

  private LlmTraces() {}

  /** Three agent traces: two with calls (one with cache reads, one with a failed call) and tools, one without. */
  static final List<Trace> AGENTS = List.of(
      agent(1, 4_000, List.of(
          call("gpt-4o", "gpt-4o-2024-08-06", 1000, 200),
          new LlmTraces.Call("agent-api", "openai", "gpt-4o", "gpt-4o-2024-08-06", 3000, 400, 2500, "length", false, 900, 1_000)),
          List.of(new LlmTraces.Tool("search", false, 40), new LlmTraces.Tool("book", true, 60))),
      agent(2, 9_000, List.of(
          new LlmTraces.Call("summarizer", "anthropic", "claude-sonnet", "claude-sonnet-4", 500, 50, 0, "end_turn", true, 2_000, 0),
          new LlmTraces.Call("summarizer", "anthropic", "claude-sonnet", "claude-sonnet-4", 700, 70, 0, "end_turn", false, 1_000, 1_500)),
          List.of(new LlmTraces.Tool("search", false, 20))),
      agent(3, 1_000, List.of(), List.of()));


  /** A call: service, model asked, model answered, input, output, cache read, finish reason, failed. */
  record Call(String service, String provider, String requestModel, String responseModel, long input, long output,
      long cacheRead, String finishReason, boolean failed, long durationMs, long offsetMs) {}

  /** A tool span: name, failed, duration. */
  record Tool(String name, boolean failed, long durationMs) {}

  static Trace agent(int n, long durationMs, List<Call> calls, List<Tool> tools) {
    List<Span> spans = new ArrayList<>();
    String root = TestTraces.spanId(n, 1);
    spans.add(TestTraces.span(n, 1, null, "agent-api", "Agent Workflow", n, durationMs, false,
        "traceloop.span.kind", "workflow", "gen_ai.system", "openai_agents"));
    int id = 2;
    for (Call call : calls) {
      Span span = TestTraces.span(n, id++, root, call.service(), "chat " + call.requestModel(), n, call.durationMs(), false,
          "gen_ai.provider.name", call.provider(), "gen_ai.operation.name", "chat",
          "gen_ai.request.model", call.requestModel(), "gen_ai.response.model", call.responseModel(),
          "gen_ai.usage.input_tokens", call.input(), "gen_ai.usage.output_tokens", call.output(),
          "gen_ai.usage.cache_read.input_tokens", call.cacheRead(),
          "gen_ai.response.finish_reasons", call.finishReason());
      spans.add(span.toBuilder()
          .startTime(TestTraces.T0.plusSeconds(n).plusMillis(call.offsetMs()))
          .duration(Duration.ofMillis(call.durationMs()))
          .status(call.failed() ? SpanStatus.error("rate limited") : SpanStatus.OK)
          .build());
    }
    for (Tool tool : tools) {
      spans.add(TestTraces.span(n, id++, root, "agent-api", tool.name() + ".tool", n, tool.durationMs(), tool.failed(),
          "traceloop.span.kind", "tool", "traceloop.entity.name", tool.name()));
    }
    return new Trace(TestTraces.traceId(n), spans);
  }

  static Call call(String requestModel, String responseModel, long input, long output) {
    return new Call("agent-api", "openai", requestModel, responseModel, input, output, 0, "stop", false, 100, 10);
  }

}
