package dev.otelmcp.domain.llm;

import dev.otelmcp.domain.pricing.BillableUsage;
import java.util.Set;

/**
 * A call's tokens as a price table reads them — every input token, cached ones included; every output token,
 * reasoning included — whatever the instrumentation reported. Instrumentations disagree, and the attribute names do
 * not say which way a span was written, so the instrumentation scope decides (the evidence, repository by
 * repository, is in docs/pricing.md):
 *
 * <ul>
 *   <li>OTel GenAI says {@code input_tokens} includes cached tokens, and so do every OpenAI and Gemini
 *       instrumentation (they copy the APIs' numbers) and the Anthropic ones that follow the conventions;
 *   <li>OpenLLMetry JS's Anthropic and Bedrock instrumentations (up to 0.27.0), OpenLLMetry Python's Bedrock, and
 *       OpenInference JS's Anthropic and Bedrock copy Anthropic's raw {@code input_tokens}, which excludes cache
 *       reads and writes: those are added back;
 *   <li>whatever the scope, an input smaller than its cached parts cannot include them, and is completed the same
 *       way;
 *   <li>the Vertex AI / Gemini instrumentations of OpenLLMetry and OpenInference report output without the
 *       thinking tokens Google bills as output: those are added (from the reasoning attribute, else total − input −
 *       output).
 * </ul>
 *
 * The token figures tools report stay as the spans wrote them; only pricing reads this view.
 */
public final class BillableTokens {

  /** Scopes whose input tokens leave cache reads and writes out. */
  public static final Set<String> INPUT_WITHOUT_CACHE = Set.of(
      "@traceloop/instrumentation-anthropic", "@traceloop/instrumentation-bedrock",
      "opentelemetry.instrumentation.bedrock",
      "@arizeai/openinference-instrumentation-anthropic", "@arizeai/openinference-instrumentation-bedrock");

  /** Scopes whose output tokens leave the thinking tokens out. */
  public static final Set<String> OUTPUT_WITHOUT_REASONING = Set.of(
      "opentelemetry.instrumentation.vertexai", "opentelemetry.instrumentation.google_generativeai",
      "@traceloop/instrumentation-vertexai", "@traceloop/instrumentation-google-generativeai",
      "openinference.instrumentation.vertexai");

  private BillableTokens() {}

  public static BillableUsage of(LlmCall call) {
    TokenUsage usage = call.usage();
    String scope = call.span().scopeName();
    long cached = usage.cacheReadOrZero() + usage.cacheCreationOrZero();
    long input = usage.inputOrZero();
    if (cached > 0 && (INPUT_WITHOUT_CACHE.contains(scope) || input < cached)) {
      input += cached;
    }
    long output = usage.outputOrZero();
    long reasoning = usage.reasoningOrZero();
    if (OUTPUT_WITHOUT_REASONING.contains(scope)) {
      long thinking = usage.reasoning() != null ? reasoning
          : usage.reportedTotal() != null ? Math.max(0, usage.reportedTotal() - usage.inputOrZero() - output) : 0;
      output += thinking;
      reasoning = thinking;
    }
    return new BillableUsage(input, usage.cacheReadOrZero(), usage.cacheCreationOrZero(), 0, output,
        Math.min(reasoning, output));
  }
}
