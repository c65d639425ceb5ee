package dev.otelmcp.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.pricing.BillableUsage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BillableTokensTest {

  private static BillableUsage billable(String scope, Object... attributes) {
    Span span = Span.builder().traceId("1").spanId("2").name("chat").startTime(Instant.parse("2026-10-01T00:00:00Z"))
        .scopeName(scope).attributes(Attributes.ofPairs(attributes)).build();
    return BillableTokens.of(LlmCalls.read(span).orElseThrow());
  }

  @Test
  void conventionalInputAlreadyHoldsItsCachedTokens() {
    BillableUsage usage = billable("opentelemetry.instrumentation.anthropic", "gen_ai.request.model", "claude-sonnet-4-5",
        "gen_ai.usage.input_tokens", 10_000, "gen_ai.usage.cache_read.input_tokens", 8_000,
        "gen_ai.usage.output_tokens", 200);

    assertThat(usage).isEqualTo(new BillableUsage(10_000, 8_000, 0, 0, 200, 0));
  }

  @Test
  void openLlmetryJsAnthropicReportsCacheBesideTheInputSoItIsAddedBack() {
    // @traceloop/instrumentation-anthropic 0.27.0 copies Anthropic's input_tokens, which excludes the cache
    BillableUsage usage = billable("@traceloop/instrumentation-anthropic", "gen_ai.request.model", "claude-sonnet-4-5",
        "gen_ai.usage.input_tokens", 5_000, "gen_ai.usage.cache_read.input_tokens", 1_000,
        "gen_ai.usage.cache_creation.input_tokens", 500, "gen_ai.usage.output_tokens", 200);

    assertThat(usage).isEqualTo(new BillableUsage(6_500, 1_000, 500, 0, 200, 0));
  }

  @Test
  void anInputSmallerThanItsCachedPartsCannotHoldThem() {
    BillableUsage usage = billable("some.other.instrumentation", "gen_ai.request.model", "claude-sonnet-4-5",
        "gen_ai.usage.input_tokens", 12, "gen_ai.usage.cache_read.input_tokens", 4_000, "gen_ai.usage.output_tokens", 90);

    assertThat(usage.input()).isEqualTo(4_012);
  }

  @Test
  void geminiThinkingTokensReportedBesideTheOutputAreBilledAsOutput() {
    BillableUsage fromAttribute = billable("@traceloop/instrumentation-google-generativeai", "gen_ai.request.model",
        "gemini-2.5-pro", "gen_ai.usage.input_tokens", 1_000, "gen_ai.usage.output_tokens", 300,
        "gen_ai.usage.reasoning_tokens", 700);
    BillableUsage fromTotal = billable("opentelemetry.instrumentation.vertexai", "gen_ai.request.model", "gemini-2.5-pro",
        "gen_ai.usage.prompt_tokens", 1_000, "gen_ai.usage.completion_tokens", 300, "llm.usage.total_tokens", 2_000);
    BillableUsage openAi = billable("opentelemetry.instrumentation.openai.v1", "gen_ai.request.model", "o3",
        "gen_ai.usage.input_tokens", 1_000, "gen_ai.usage.output_tokens", 3_000, "gen_ai.usage.reasoning_tokens", 2_500);

    assertThat(fromAttribute.output()).isEqualTo(1_000);
    assertThat(fromTotal.output()).isEqualTo(1_000);
    assertThat(openAi.output()).as("OpenAI's output already holds its reasoning").isEqualTo(3_000);
    assertThat(openAi.reasoning()).isEqualTo(2_500);
  }
}
