package dev.otelmcp.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counting rules: present zeros, malformed values, totals, wrappers, roles, errors. */
class LlmCallRulesTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private static Span span(int id, Integer parent, Object... attributes) {
    return Span.builder().traceId("ab").spanId(Integer.toHexString(id)).parentSpanId(parent == null ? null : Integer.toHexString(parent))
        .name("s" + id).startTime(T0.plusMillis(id)).duration(Duration.ofMillis(10))
        .attributes(Attributes.ofPairs(attributes)).build();
  }

  @Test
  void cacheAndReasoningTokensAreNeverAddedToTheTotalAgain() {
    LlmCall call = LlmCalls.read(span(1, null, "gen_ai.request.model", "o3",
        "gen_ai.usage.input_tokens", 100, "gen_ai.usage.output_tokens", 50,
        "gen_ai.usage.cache_read.input_tokens", 80, "gen_ai.usage.cache_creation.input_tokens", 10,
        "gen_ai.usage.reasoning.output_tokens", 20)).orElseThrow();

    assertThat(call.usage().total()).isEqualTo(150);
    assertThat(call.usage().cacheRead()).isEqualTo(80);
    assertThat(call.usage().cacheCreation()).isEqualTo(10);
    assertThat(call.usage().reasoning()).isEqualTo(20);
  }

  @Test
  void olderOpenLlmetryCacheKeysAndExplicitTotalsAreRead() {
    LlmCall call = LlmCalls.read(span(1, null, "gen_ai.system", "Anthropic", "gen_ai.request.model", "claude-3-5-sonnet",
        "gen_ai.usage.prompt_tokens", "1200", "gen_ai.usage.completion_tokens", "300", "llm.usage.total_tokens", "1500",
        "gen_ai.usage.cache_read_input_tokens", "1000", "gen_ai.usage.cache_creation_input_tokens", "0",
        "gen_ai.completion.0.finish_reason", "end_turn", "gen_ai.completion.1.finish_reason", "max_tokens")).orElseThrow();

    assertThat(call.provider()).isEqualTo("Anthropic");
    assertThat(call.usage()).isEqualTo(new TokenUsage(1200L, 300L, 1500L, 1000L, 0L, null));
    assertThat(call.finishReasons()).containsExactly("end_turn", "max_tokens");
  }

  @Test
  void aMalformedValueIsIgnoredAndCountedNeverDropsTheCall() {
    LlmCall call = LlmCalls.read(span(1, null, "gen_ai.request.model", "gpt-4o",
        "gen_ai.usage.input_tokens", "n/a", "gen_ai.usage.output_tokens", 12.5, "llm.usage.prompt_tokens", 40)).orElseThrow();

    assertThat(call.usage().input()).as("falls through to the next convention's key").isEqualTo(40);
    assertThat(call.usage().output()).isNull();
    assertThat(call.warnings()).isEqualTo(2);
  }

  @Test
  void theNewestProviderKeyWinsAndFinishReasonsComeFromJsonMessagesAsALastResort() {
    LlmCall call = LlmCalls.read(span(1, null, "gen_ai.provider.name", "aws.bedrock", "gen_ai.system", "openai",
        "gen_ai.response.model", "claude", "gen_ai.output.messages",
        "[{\"role\":\"assistant\",\"parts\":[],\"finish_reason\":\"length\"}]")).orElseThrow();

    assertThat(call.provider()).isEqualTo("aws.bedrock");
    assertThat(call.finishReasons()).containsExactly("length");
    assertThat(call.usage().isReported()).isFalse();
  }

  @Test
  void finishReasonsAsAStringListAreSplit() {
    assertThat(LlmCalls.read(span(1, null, "gen_ai.request.model", "m", "gen_ai.response.finish_reasons",
        "[\"stop\", \"length\"]")).orElseThrow().finishReasons()).containsExactly("stop", "length");
  }

  @Test
  void orchestrationSpansAreNotCallsEvenWithModelAndUsage() {
    assertThat(LlmCalls.read(span(1, null, "traceloop.span.kind", "workflow", "gen_ai.request.model", "gpt-4o",
        "llm.usage.total_tokens", 99))).isEmpty();
    assertThat(LlmCalls.read(span(1, null, "gen_ai.operation.name", "invoke_agent", "gen_ai.request.model", "gpt-4o"))).isEmpty();
    assertThat(LlmCalls.read(span(1, null, "openinference.span.kind", "CHAIN", "llm.model_name", "gpt-4o"))).isEmpty();
    assertThat(LlmCalls.read(span(1, null, "gen_ai.system", "openai"))).as("a provider alone is not a call").isEmpty();
  }

  @Test
  void aWrapperAroundACallWithUsageIsNotCountedTwice() {
    Trace trace = new Trace("ab", List.of(
        span(1, null, "traceloop.span.kind", "workflow"),
        span(2, 1, "gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", 10, "gen_ai.usage.output_tokens", 5),
        span(3, 2, "gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", 10, "gen_ai.usage.output_tokens", 5),
        span(4, 1, "gen_ai.request.model", "gpt-4o-mini", "gen_ai.usage.input_tokens", 7)));

    List<LlmCall> calls = LlmCalls.of(trace);

    assertThat(calls).extracting(c -> c.span().spanId()).containsExactly("0000000000000003", "0000000000000004");
    assertThat(calls.stream().mapToLong(c -> c.usage().total()).sum()).isEqualTo(22);
  }

  @Test
  void failuresAreReadFromStatusErrorTypeAndExceptionEvents() {
    Span byStatus = span(1, null, "gen_ai.request.model", "m").toBuilder().status(SpanStatus.error("overloaded")).build();
    Span byErrorType = span(2, null, "gen_ai.request.model", "m", "error.type", "timeout");
    Span byEvent = span(3, null, "gen_ai.request.model", "m").toBuilder().events(List.of(new SpanEvent("exception",
        T0, Attributes.ofPairs("exception.type", "openai.RateLimitError")))).build();

    assertThat(LlmCalls.read(byStatus).orElseThrow().failed()).isTrue();
    assertThat(LlmCalls.read(byErrorType).orElseThrow().errorType()).isEqualTo("timeout");
    assertThat(LlmCalls.read(byEvent).orElseThrow().errorType()).isEqualTo("openai.RateLimitError");
    assertThat(LlmCalls.read(span(4, null, "gen_ai.request.model", "m")).orElseThrow().failed()).isFalse();
  }

  @Test
  void mcpToolCallsAndNestedRepeatsOfOneTool() {
    Trace trace = new Trace("ab", List.of(
        span(1, null, "gen_ai.operation.name", "execute_tool", "gen_ai.tool.name", "search"),
        span(2, 1, "mcp.method.name", "tools/call", "gen_ai.tool.name", "search"),
        span(3, null, "mcp.method.name", "tools/call", "gen_ai.tool.name", "fetch"),
        span(4, null, "traceloop.span.kind", "tool"),
        span(5, null, "mcp.method.name", "tools/list")));

    assertThat(ToolCalls.of(trace)).extracting(ToolCall::name).containsExactly("search", "fetch", "s4");
  }
}
