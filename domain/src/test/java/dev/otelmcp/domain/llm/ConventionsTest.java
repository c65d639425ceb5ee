package dev.otelmcp.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The LLM view of real spans from every convention the fixtures hold. */
class ConventionsTest {

  @Test
  void everyKeyAModelOrATokenCountIsReadFromBeginsWithAPrefixTheQuickCheckLooksFor() {
    List<List<String>> lists = List.of(LlmConventions.REQUEST_MODEL, LlmConventions.RESPONSE_MODEL,
        LlmConventions.INPUT_TOKENS, LlmConventions.OUTPUT_TOKENS, LlmConventions.TOTAL_TOKENS,
        LlmConventions.CACHE_READ_TOKENS, LlmConventions.CACHE_CREATION_TOKENS, LlmConventions.REASONING_TOKENS);
    for (List<String> keys : lists) {
      for (String key : keys) {
        assertThat(LlmConventions.CALL_KEY_PREFIXES).as(key).anyMatch(key::startsWith);
        Span span = Span.builder().traceId("0af7651916cd43dd8448eb211c80319c").spanId("b7ad6b7169203331")
            .name("call").serviceName("app").startTime(java.time.Instant.EPOCH).duration(java.time.Duration.ofMillis(5))
            .attributes(dev.otelmcp.domain.model.Attributes.ofPairs(key, key.contains("token") ? "12" : "gpt-4o"))
            .build();
        assertThat(LlmCalls.read(span)).as("a span with only %s", key).isPresent();
      }
    }
    Span plain = Span.builder().traceId("0af7651916cd43dd8448eb211c80319c").spanId("b7ad6b7169203331")
        .name("GET /").serviceName("app").startTime(java.time.Instant.EPOCH).duration(java.time.Duration.ofMillis(5))
        .attributes(dev.otelmcp.domain.model.Attributes.ofPairs("http.method", "GET", "model", "gpt-4o")).build();
    assertThat(LlmCalls.read(plain)).isEmpty();
  }

  @Test
  void openInferenceSpan() {
    LlmCall call = LlmCalls.read(FixtureSpans.flat("openinference_client_span_tool_calls.json")).orElseThrow();

    assertThat(call.provider()).isEqualTo("openai");
    assertThat(call.requestModel()).isNull();
    assertThat(call.responseModel()).isEqualTo("gpt-4-0613");
    assertThat(call.model()).isEqualTo("gpt-4-0613");
    assertThat(call.usage()).isEqualTo(new TokenUsage(97L, 52L, 149L, null, null, null));
    assertThat(call.usage().total()).isEqualTo(149);
    assertThat(call.failed()).isFalse();
  }

  @Test
  void otelGenAiCurrentSpanHasNoTotalSoItIsInputPlusOutput() {
    LlmCall call = LlmCalls.read(FixtureSpans.flat("otel_genai_client_span_tool_calls.json")).orElseThrow();

    assertThat(call.provider()).isEqualTo("openai");
    assertThat(call.operation()).isEqualTo("chat");
    assertThat(call.requestModel()).isEqualTo("gpt-4");
    assertThat(call.responseModel()).isEqualTo("gpt-4-0613");
    assertThat(call.usage()).isEqualTo(new TokenUsage(97L, 52L, null, null, null, null));
    assertThat(call.usage().total()).isEqualTo(149);
    assertThat(call.finishReasons()).containsExactly("stop");
    assertThat(call.isModel("gpt-4")).isTrue();
    assertThat(call.isModel("gpt-4-0613")).isTrue();
  }

  @Test
  void theSameCallInEveryConventionGivesTheSameFigures() {
    List<LlmCall> calls = List.of(
        LlmCalls.read(FixtureSpans.flat("openinference_client_span_tool_calls.json")).orElseThrow(),
        LlmCalls.read(FixtureSpans.flat("openinference_client_span_input_output_only.json")).orElseThrow(),
        LlmCalls.read(FixtureSpans.flat("otel_genai_client_span_tool_calls.json")).orElseThrow(),
        LlmCalls.read(FixtureSpans.flat("otel_genai_deprecated_client_span_tool_calls.json")).orElseThrow());

    assertThat(calls).allSatisfy(call -> {
      assertThat(call.model()).isEqualTo("gpt-4-0613");
      assertThat(call.provider()).isEqualTo("openai");
      assertThat(call.usage().inputOrZero()).isEqualTo(97);
      assertThat(call.usage().outputOrZero()).isEqualTo(52);
      assertThat(call.usage().total()).isEqualTo(149);
    });
  }

  @Test
  void aToolExecutionSpanIsAToolCallNotAnLlmCall() {
    Span tool = FixtureSpans.flat("otel_genai_tool_execution_span.json");

    assertThat(LlmCalls.read(tool)).isEmpty();
    assertThat(SpanRole.of(tool)).isEqualTo(SpanRole.TOOL);
    assertThat(ToolCalls.read(tool)).hasValueSatisfying(call -> assertThat(call.name()).isEqualTo("get_weather"));
  }

  @Test
  void jaegerGenAiAgentTrace() {
    Trace trace = FixtureSpans.jaegerGenAiTrace();

    List<LlmCall> calls = LlmCalls.of(trace);

    // chat model-a x4 (1840 in, 260 out, 920 cached each) and chat model-b x1 (920, 140, 460); the
    // invoke_agent spans carry gen_ai.provider.name but are agents, not calls.
    assertThat(calls).extracting(LlmCall::model).containsExactly("model-a", "model-a", "model-a", "model-b", "model-a");
    assertThat(calls.stream().mapToLong(c -> c.usage().inputOrZero()).sum()).isEqualTo(8280);
    assertThat(calls.stream().mapToLong(c -> c.usage().outputOrZero()).sum()).isEqualTo(1180);
    assertThat(calls.stream().mapToLong(c -> c.usage().total()).sum()).isEqualTo(9460);
    assertThat(calls.stream().mapToLong(c -> c.usage().cacheReadOrZero()).sum()).isEqualTo(4140);
    assertThat(calls).allSatisfy(c -> assertThat(c.provider()).isEqualTo("example-ai"));
    assertThat(ToolCalls.of(trace)).extracting(ToolCall::name).containsExactly(
        "list_dashboards", "search_traces", "list_dashboards", "search_traces", "list_dashboards", "search_traces",
        "summarize_findings");
  }

  @Test
  void openLlmetryBeforeV055AsTempoReturnedIt() {
    Trace trace = FixtureSpans.tempoOpenLlmetryTrace();

    List<LlmCall> calls = LlmCalls.of(trace);

    // Two openai.response spans; only one names a model and reports usage. Workflow/agent/tool spans
    // carry gen_ai.system=openai_agents and are not calls.
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.provider()).isEqualTo("openai");
      assertThat(call.operation()).isEqualTo("response");
      assertThat(call.model()).isEqualTo("gpt-4o-2024-08-06");
      assertThat(call.usage()).isEqualTo(new TokenUsage(313L, 81L, 394L, null, null, null));
    });
    assertThat(ToolCalls.of(trace)).extracting(ToolCall::name)
        .containsExactlyInAnyOrder("get_destination_info", "get_weather_forecast", "get_location_coordinates");
  }

  @Test
  void traceloopApiStringValues() {
    Trace trace = FixtureSpans.traceloopTrace();

    List<LlmCall> calls = LlmCalls.of(trace);

    assertThat(calls).hasSize(7);
    assertThat(calls.stream().mapToLong(c -> c.usage().inputOrZero()).sum()).isEqualTo(12852);
    assertThat(calls.stream().mapToLong(c -> c.usage().outputOrZero()).sum()).isEqualTo(2696);
    assertThat(calls.stream().mapToLong(c -> c.usage().total()).sum()).isEqualTo(15548);
    LlmCall mini = calls.stream().filter(c -> "gpt-4o-mini".equals(c.requestModel())).findFirst().orElseThrow();
    assertThat(mini.model()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(mini.usage().cacheRead()).as("a reported 0 is 0, not missing").isZero();
    assertThat(mini.usage().reasoning()).isZero();
    assertThat(mini.finishReasons()).containsExactly("stop");
    assertThat(calls).filteredOn(c -> c.finishReasons().equals(List.of("tool_calls"))).hasSize(5);
    assertThat(calls).allSatisfy(c -> {
      assertThat(c.provider()).isEqualTo("openai");
      assertThat(c.warnings()).isZero();
    });
    assertThat(ToolCalls.of(trace)).extracting(ToolCall::name).containsExactly(
        "search_destinations", "get_location_coordinates", "get_weather_forecast", "get_destination_info",
        "create_itinerary");
  }
}
