package dev.otelmcp.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The LLM views read nothing but {@link LlmAttributeKeys#SPAN_KEYS}, the per-choice finish reasons, the output
 * messages and {@link LlmAttributeKeys#EVENT_KEYS}: spans with every other attribute left out give the same calls and
 * tool calls. A store that projects spans to these keys for an LLM scan relies on it.
 */
class LlmViewProjectionTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static Stream<Trace> traces() {
    List<Trace> traces = new ArrayList<>(List.of(FixtureSpans.jaegerGenAiTrace(), FixtureSpans.tempoOpenLlmetryTrace(),
        FixtureSpans.traceloopTrace(), wrapperAboveARetrySpan(), failedToolAndCall()));
    for (String file : List.of("openinference_client_span_input_output_only.json",
        "openinference_client_span_tool_calls.json", "otel_genai_client_span_tool_calls.json",
        "otel_genai_deprecated_client_span_tool_calls.json", "otel_genai_tool_execution_span.json")) {
      traces.add(new Trace("1", List.of(FixtureSpans.flat(file))));
    }
    return traces.stream();
  }

  @ParameterizedTest
  @MethodSource("traces")
  void theViewsReadTheSameFromSpansProjectedToTheKeysTheyRead(Trace trace) {
    Trace projected = project(trace);

    assertThat(calls(projected)).isEqualTo(calls(trace));
    assertThat(tools(projected)).isEqualTo(tools(trace));
  }

  @Test
  void theFixturesHoldCallsToolsAndFailuresSoTheComparisonSeesThem() {
    List<Trace> all = traces().toList();
    assertThat(all.stream().mapToLong(trace -> LlmCalls.of(trace).size()).sum()).isGreaterThan(10);
    assertThat(all.stream().mapToLong(trace -> ToolCalls.of(trace).size()).sum()).isGreaterThan(2);
    assertThat(all.stream().flatMap(trace -> LlmCalls.of(trace).stream()).filter(LlmCall::failed)).isNotEmpty();
    assertThat(all.stream().flatMap(trace -> LlmCalls.of(trace).stream()).filter(c -> !c.finishReasons().isEmpty()))
        .isNotEmpty();
  }

  @Test
  void theProjectionLeavesOutTheAttributesTheViewsDoNotRead() {
    Trace trace = wrapperAboveARetrySpan();
    assertThat(project(trace).spans()).extracting(span -> span.attributes().keys()).containsExactly(
        java.util.Set.of("gen_ai.request.model", "gen_ai.usage.input_tokens"), java.util.Set.of(),
        java.util.Set.of("gen_ai.request.model", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens",
            "gen_ai.completion.0.finish_reason"));
  }

  @Test
  void leavingOutAKeyTheViewsReadChangesWhatTheyRead() {
    // The comparison can fail: a projection that also drops the model key reads a different call.
    Trace trace = FixtureSpans.jaegerGenAiTrace();
    Trace without = new Trace(trace.traceId(), trace.spans().stream()
        .map(span -> span.toBuilder().attributes(keep(span.attributes(), k -> !k.equals("gen_ai.request.model")
            && !k.equals("gen_ai.response.model"))).build()).toList());
    assertThat(calls(without)).isNotEqualTo(calls(trace));
  }

  /** The spans with only what the views read. */
  static Trace project(Trace trace) {
    return new Trace(trace.traceId(), trace.spans().stream().map(span -> span.toBuilder()
        .attributes(keep(span.attributes(), key -> LlmAttributeKeys.SPAN_KEYS.contains(key)
            || LlmAttributeKeys.perChoiceFinishReason(key) || key.equals(LlmAttributeKeys.OUTPUT_MESSAGES)))
        .resource(Attributes.empty())
        .events(span.events().stream().map(event -> new SpanEvent(event.name(), event.time(),
            keep(event.attributes(), LlmAttributeKeys.EVENT_KEYS::contains))).toList())
        .build()).toList());
  }

  private static Attributes keep(Attributes attributes, java.util.function.Predicate<String> key) {
    Attributes.Builder kept = Attributes.builder();
    attributes.asMap().forEach((k, v) -> {
      if (key.test(k)) {
        kept.put(k, v);
      }
    });
    return kept.build();
  }

  private static List<String> calls(Trace trace) {
    return LlmCalls.of(trace).stream().map(call -> String.join("|", call.span().spanId(), call.provider() + "",
        call.operation() + "", call.requestModel() + "", call.responseModel() + "", call.usage().toString(),
        call.finishReasons().toString(), call.failed() + "", call.errorType() + "", call.conversationId() + "",
        call.warnings() + "", BillableTokens.of(call).toString())).toList();
  }

  private static List<String> tools(Trace trace) {
    return ToolCalls.of(trace).stream().map(tool -> tool.span().spanId() + "|" + tool.name() + "|" + tool.failed())
        .toList();
  }

  /** A framework span with usage above a retry span (no LLM keys) above the provider's span: the leaf counts. */
  private static Trace wrapperAboveARetrySpan() {
    return new Trace("2", List.of(
        span("2", "a1", null, "langchain.chat", Map.of("gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", "10",
            "http.url", "https://x", "gen_ai.prompt", "a long prompt")),
        span("2", "a2", "a1", "retry", Map.of("retry.attempt", "1")),
        span("2", "a3", "a2", "openai.chat", Map.of("gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", "10",
            "gen_ai.usage.output_tokens", "n/a", "gen_ai.completion.0.finish_reason", "stop",
            "gen_ai.completion.0.content", "the answer"))));
  }

  /** A failed call (an exception event with its type) and a failed tool. */
  private static Trace failedToolAndCall() {
    Span call = span("3", "b1", null, "chat", Map.of("gen_ai.request.model", "claude-sonnet-4-5",
        "gen_ai.output.messages", "[{\"role\":\"assistant\",\"finish_reason\":\"length\"}]"))
        .toBuilder().status(SpanStatus.error("boom"))
        .events(List.of(new SpanEvent("exception", T0, Attributes.ofPairs("exception.type", "TimeoutError",
            "exception.message", "took too long", "exception.stacktrace", "at x")))).build();
    Span tool = span("3", "b2", "b1", "execute_tool get_weather", Map.of("gen_ai.operation.name", "execute_tool",
        "error.type", "500"));
    return new Trace("3", List.of(call, tool));
  }

  private static Span span(String traceId, String id, String parent, String name, Map<String, String> attributes) {
    Attributes.Builder builder = Attributes.builder();
    attributes.forEach(builder::put);
    return Span.builder().traceId(traceId).spanId(id).parentSpanId(parent).name(name).serviceName("app")
        .startTime(T0).duration(Duration.ofMillis(5)).attributes(builder.build()).build();
  }
}
