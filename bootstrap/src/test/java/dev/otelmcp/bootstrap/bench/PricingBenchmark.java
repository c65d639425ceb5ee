package dev.otelmcp.bootstrap.bench;

import dev.otelmcp.adapters.pricing.PriceBooks;
import dev.otelmcp.application.llm.CallPricing;
import dev.otelmcp.application.llm.TokenSums;
import dev.otelmcp.application.llm.TokenTotals;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How fast calls are priced, on one core (run on demand: {@code mvn -B -q -Pbench-pricing -pl bootstrap -am verify}).
 * One million LLM calls of a mix seen in real traffic — OpenAI chat and reasoning models, Anthropic with cache reads
 * and writes (some above the 200k-token tier), Bedrock and Vertex ids, DeepSeek at peak and off-peak hours, dated
 * model names, and a self-hosted model no table knows — are summed twice, side by side: tokens only (the baseline),
 * and tokens plus cost through the genai-prices table — summed in place ({@link TokenSums}), as the aggregates do.
 */
public final class PricingBenchmark {

  private static final int CALLS = 1_000_000;
  private static final int RUNS = 7;

  private PricingBenchmark() {}

  public static void main(String[] args) {
    List<LlmCall> mix = mix();
    List<LlmCall> calls = new ArrayList<>(CALLS);
    for (int i = 0; i < CALLS; i++) {
      calls.add(mix.get(i % mix.size()));
    }
    CallPricing pricing = new CallPricing(PriceBooks.load(null));
    double[] baseline = new double[RUNS];
    double[] priced = new double[RUNS];
    long sink = 0;
    for (int warmup = 0; warmup < 3; warmup++) {
      sink += tokens(calls).totalTokens() + (long) priced(calls, pricing).costUsd();
    }
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      sink += tokens(calls).totalTokens();
      baseline[i] = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      TokenTotals totals = priced(calls, pricing);
      priced[i] = (System.nanoTime() - start) / 1e9;
      sink += (long) totals.costUsd() + totals.unpriced();
    }
    Arrays.sort(baseline);
    Arrays.sort(priced);
    double base = baseline[RUNS / 2];
    double cost = priced[RUNS / 2];
    TokenTotals totals = priced(calls, pricing);
    System.out.printf("%d distinct calls repeated to %,d; %,d unpriced; total %.2f USD (%d)%n", mix.size(), CALLS,
        totals.unpriced(), totals.costUsd(), sink % 10);
    System.out.println("| work, one core | calls/s | ns per call |");
    System.out.println("|---|---:|---:|");
    System.out.printf("| sum tokens (baseline) | %,.0f | %.0f |%n", CALLS / base, base * 1e9 / CALLS);
    System.out.printf("| price and sum tokens and cost | %,.0f | %.0f |%n", CALLS / cost, cost * 1e9 / CALLS);
    System.out.printf("| pricing alone | %,.0f | %.0f |%n", CALLS / (cost - base), (cost - base) * 1e9 / CALLS);
  }

  private static TokenTotals tokens(List<LlmCall> calls) {
    TokenSums sums = new TokenSums();
    for (LlmCall call : calls) {
      sums.add(call);
    }
    return sums.totals();
  }

  private static TokenTotals priced(List<LlmCall> calls, CallPricing pricing) {
    TokenSums sums = new TokenSums();
    for (LlmCall call : calls) {
      sums.add(pricing.price(call));
    }
    return sums.totals();
  }

  private static List<LlmCall> mix() {
    Instant day = Instant.parse("2026-10-01T00:00:00Z");
    Object[][] rows = {
        {"openai", "gpt-4o-2024-08-06", 1_200L, 300L, 0L, 0L, 9},
        {"openai", "gpt-4o-mini", 800L, 150L, 400L, 0L, 10},
        {"openai", "o3-mini-2025-01-31", 2_000L, 4_000L, 0L, 0L, 11},
        {"Anthropic", "claude-sonnet-4-5-20250929", 12_000L, 500L, 8_000L, 2_000L, 12},
        {"anthropic", "claude-sonnet-4-5-20250929", 250_000L, 2_000L, 120_000L, 30_000L, 13},
        {"anthropic", "claude-3-5-haiku-20241022", 3_000L, 200L, 0L, 1_000L, 14},
        {"aws.bedrock", "anthropic.claude-3-5-sonnet-20241022-v2:0", 5_000L, 400L, 0L, 0L, 15},
        {"gcp.vertex_ai", "gemini-2.5-pro", 300_000L, 1_000L, 50_000L, 0L, 16},
        {"gcp.gemini", "gemini-2.5-flash", 4_000L, 700L, 0L, 0L, 17},
        {"deepseek", "deepseek-chat", 10_000L, 1_000L, 6_000L, 0L, 3},
        {"deepseek", "deepseek-chat", 10_000L, 1_000L, 6_000L, 0L, 20},
        {"vllm", "llama-3.1-70b-instruct", 2_000L, 300L, 0L, 0L, 21},
    };
    List<LlmCall> calls = new ArrayList<>();
    int id = 1;
    for (Object[] row : rows) {
      Span span = Span.builder().traceId(Integer.toHexString(id)).spanId(Integer.toHexString(id++)).name("chat")
          .startTime(day.plus(Duration.ofHours((Integer) row[6])))
          .attributes(Attributes.ofPairs("gen_ai.provider.name", row[0], "gen_ai.request.model", row[1],
              "gen_ai.usage.input_tokens", row[2], "gen_ai.usage.output_tokens", row[3],
              "gen_ai.usage.cache_read.input_tokens", row[4], "gen_ai.usage.cache_creation.input_tokens", row[5]))
          .build();
      calls.add(LlmCalls.read(span).orElseThrow());
    }
    return calls;
  }
}
