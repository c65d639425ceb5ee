package dev.otelmcp.application.llm;

import static dev.otelmcp.application.llm.LlmTraces.agent;
import static dev.otelmcp.application.llm.LlmTraces.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.InMemoryTraceStore;
import dev.otelmcp.application.TestPrices;
import dev.otelmcp.application.TestTraces;
import dev.otelmcp.application.search.TraceHydrator;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.usecase.GetLlmExpensiveTracesUseCase;
import dev.otelmcp.application.usecase.GetLlmExpensiveTracesUseCase.RankBy;
import dev.otelmcp.application.usecase.GetLlmSlowTracesUseCase;
import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.LlmTraceRanking;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rankings made where the spans are kept ({@code LlmTraceRanking}) are the rankings made by reading every trace. */
class TraceRankingTest {

  private static final TimeRange WINDOW = new TimeRange(TestTraces.T0.minusSeconds(10), TestTraces.T0.plusSeconds(10_000));
  private static final ApplicationSettings SETTINGS = ApplicationSettings.DEFAULTS;

  /** Priced, unpriced and cached calls of several providers, and copies of one trace that tie on every measure. */
  private static final List<Trace> TRACES = traces();

  private static List<Trace> traces() {
    List<Trace> traces = new ArrayList<>(List.of(
        agent(1, 4_000, List.of(call("gpt-4o", "gpt-4o-2024-08-06", 1000, 200),
            new LlmTraces.Call("agent-api", "openai", "gpt-4o", "gpt-4o-2024-08-06", 3000, 400, 2500, "length", false,
                900, 1_000)), List.of()),
        agent(2, 9_000, List.of(
            new LlmTraces.Call("summarizer", "anthropic", "claude-sonnet", "claude-sonnet-4", 500, 50, 0, "end_turn",
                true, 2_000, 0),
            new LlmTraces.Call("summarizer", "Anthropic", "claude-sonnet", "claude-sonnet-4", 700, 70, 0, "end_turn",
                false, 1_000, 1_500)), List.of()),
        agent(3, 1_000, List.of(), List.of()),
        agent(4, 2_000, List.of(new LlmTraces.Call("agent-api", "vllm", "llama-3-70b", "llama-3-70b", 50_000, 100, 0,
            "stop", false, 500, 0)), List.of()),
        agent(5, 3_000, List.of(call("gpt-4o-mini", "gpt-4o-mini", 10_000, 1_000)), List.of())));
    for (int n = 6; n <= 9; n++) {
      traces.add(agent(n, 3_000, List.of(call("gpt-4o-mini", "gpt-4o-mini", 10_000, 1_000)), List.of()));
    }
    return traces;
  }

  private static LlmScan scan(InMemoryTraceStore store) {
    return new LlmScan(store, new TraceSearcher(store, new TraceHydrator(store, SETTINGS), SETTINGS),
        TestPrices.pricing(), SETTINGS);
  }

  private static final List<CallFilter> FILTERS = List.of(LlmTraces.ALL_CALLS,
      new CallFilter(null, "ANTHROPIC", null, null), new CallFilter("agent-api", null, null, null),
      new CallFilter(null, null, "gpt-4o", "gpt-4o-2024-08-06"));
  private static final List<TraceRanking.Page> PAGES = List.of(TraceRanking.Page.ALL, new TraceRanking.Page(1, 2),
      new TraceRanking.Page(3, 3), new TraceRanking.Page(20, 5));

  @Test
  void expensiveTracesRankedByTheStoreAreTheTracesRankedByReading() {
    InMemoryTraceStore ranking = new InMemoryTraceStore(TRACES).claiming(filter -> true).rankingTraces();
    GetLlmExpensiveTracesUseCase ranked = new GetLlmExpensiveTracesUseCase(scan(ranking));
    GetLlmExpensiveTracesUseCase read = new GetLlmExpensiveTracesUseCase(scan(
        new InMemoryTraceStore(TRACES).claiming(filter -> true)));

    for (CallFilter filter : FILTERS) {
      for (RankBy rankBy : RankBy.values()) {
        for (long minTokens : new long[] {0, 2_000}) {
          for (Double minCost : Arrays.asList(null, 0.0021, 0.01)) {
            for (TraceRanking.Page page : PAGES) {
              LlmRequest request = new LlmRequest(WINDOW, filter, 1000);
              TraceRanking.Result expected = read.execute(request, minTokens, minCost, rankBy, page);
              assertThat(ranked.execute(request, minTokens, minCost, rankBy, page))
                  .as("%s by %s, %s tokens, %s USD, %s", filter, rankBy, minTokens, minCost, page)
                  .usingRecursiveComparison().isEqualTo(expected);
            }
          }
        }
      }
    }
    // Ranked by the store: no trace was searched or fetched.
    assertThat(ranking.searches).isEmpty();
    assertThat(ranking.getTraceCalls).hasValue(0);
  }

  @Test
  void slowTracesRankedByTheStoreAreTheTracesRankedByReading() {
    InMemoryTraceStore ranking = new InMemoryTraceStore(TRACES).claiming(filter -> true).rankingTraces();
    GetLlmSlowTracesUseCase ranked = new GetLlmSlowTracesUseCase(scan(ranking));
    GetLlmSlowTracesUseCase read = new GetLlmSlowTracesUseCase(scan(
        new InMemoryTraceStore(TRACES).claiming(filter -> true)));

    for (CallFilter filter : FILTERS) {
      for (Double minDuration : Arrays.asList(null, 3_000.0, 3_000.5)) {
        for (TraceRanking.Page page : PAGES) {
          LlmRequest request = new LlmRequest(WINDOW, filter, 1000);
          assertThat(ranked.execute(request, minDuration, page))
              .as("%s, at least %s ms, %s", filter, minDuration, page)
              .usingRecursiveComparison().isEqualTo(read.execute(request, minDuration, page));
        }
      }
    }
    assertThat(ranking.searches).isEmpty();
  }

  @Test
  void aStoreThatCannotEvaluateAFilterIsReadInstead() {
    InMemoryTraceStore ranking = new InMemoryTraceStore(TRACES).rankingTraces();

    TraceRanking.Result result = new GetLlmSlowTracesUseCase(scan(ranking))
        .execute(new LlmRequest(WINDOW, new CallFilter("summarizer", null, null, null), 1000), null,
            TraceRanking.Page.ALL);

    assertThat(result.traces()).extracting(t -> t.trace().traceId()).containsExactly(TestTraces.traceId(2));
    assertThat(ranking.searches).isNotEmpty();
  }

  @Test
  void aStoreThatCannotRankARequestAfterAllIsReadInstead() {
    InMemoryTraceStore refusing = new InMemoryTraceStore(TRACES) {
      @Override
      public Optional<LlmTraceRanking> llmTraceRanking() {
        return Optional.of((request, page) -> {
          throw new UnsupportedQueryException("a page this deep is not ranked here", "Read the traces instead.");
        });
      }
    }.claiming(filter -> true);
    LlmRequest request = new LlmRequest(WINDOW, LlmTraces.ALL_CALLS, 1000);

    TraceRanking.Result result = new GetLlmExpensiveTracesUseCase(scan(refusing))
        .execute(request, 0, null, RankBy.COST, new TraceRanking.Page(1, 3));

    assertThat(result).usingRecursiveComparison().isEqualTo(new GetLlmExpensiveTracesUseCase(scan(
        new InMemoryTraceStore(TRACES).claiming(filter -> true))).execute(request, 0, null, RankBy.COST,
        new TraceRanking.Page(1, 3)));
    assertThat(result.traces()).hasSize(3);
    assertThat(refusing.searches).isNotEmpty();
  }

  @Test
  void expensiveTracesRankByTokensAndSkipTracesWithoutTokens() {
    TraceRanking.Result ranked = new GetLlmExpensiveTracesUseCase(scan(new InMemoryTraceStore(LlmTraces.AGENTS)))
        .execute(all(10), 0, null, GetLlmExpensiveTracesUseCase.RankBy.TOKENS, TraceRanking.Page.ALL);

    assertThat(ranked.traces()).extracting(t -> t.trace().traceId())
        .containsExactly(TestTraces.traceId(1), TestTraces.traceId(2));
    assertThat(ranked.traces().get(0).tokens().totalTokens()).isEqualTo(4600);
    assertThat(ranked.traces().get(0).models()).containsExactly("gpt-4o-2024-08-06");
    assertThat(new GetLlmExpensiveTracesUseCase(scan(new InMemoryTraceStore(LlmTraces.AGENTS))).execute(all(10), 2000, null,
        GetLlmExpensiveTracesUseCase.RankBy.TOKENS, TraceRanking.Page.ALL).count()).isEqualTo(1);
  }

  @Test
  void slowTracesReportTheShareOfTimeInLlmCallsCountingOverlapsOnce() {
    TraceRanking.Result ranked = new GetLlmSlowTracesUseCase(scan(new InMemoryTraceStore(LlmTraces.AGENTS)))
        .execute(all(1), null, TraceRanking.Page.ALL);

    // trace 2 (the root starts 1 ms after the first call: 9001 ms): calls at 0-2000 ms and 1500-2500 ms
    // overlap -> 2500 ms of LLM time, 2500 / 9001 of the trace.
    // Every qualifying trace is ranked, slowest first (the tool pages through them).
    assertThat(ranked.traces()).extracting(t -> t.trace().traceId())
        .containsExactly(TestTraces.traceId(2), TestTraces.traceId(1));
    assertThat(ranked.traces().get(0)).satisfies(t -> {
      assertThat(t.llmTimeMs()).isEqualTo(2500.0);
      assertThat(t.llmTimeShare()).isEqualTo(0.2777);
    });
    assertThat(ranked.truncated()).isFalse();
  }

  private static LlmRequest all(int limit) {
    return new LlmRequest(WINDOW, LlmTraces.ALL_CALLS, limit);
  }
}
