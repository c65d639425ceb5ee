package dev.otelmcp.application.llm;

import static dev.otelmcp.application.llm.LlmTraces.agent;
import static dev.otelmcp.application.llm.LlmTraces.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.InMemoryTraceStore;
import dev.otelmcp.application.TestPrices;
import dev.otelmcp.application.TestTraces;
import dev.otelmcp.application.search.TraceHydrator;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.usecase.CompareLlmModelsUseCase;
import dev.otelmcp.application.usecase.GetLlmExpensiveTracesUseCase;
import dev.otelmcp.application.usecase.GetLlmModelStatsUseCase;
import dev.otelmcp.application.usecase.GetLlmUsageUseCase;
import dev.otelmcp.application.usecase.ListLlmModelsUseCase;
import dev.otelmcp.application.usecase.ListLlmToolsUseCase;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.Traces;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LlmUseCasesTest {

  private static final TimeRange WINDOW = new TimeRange(TestTraces.T0.minusSeconds(10), TestTraces.T0.plusSeconds(10_000));
  private static final ApplicationSettings SETTINGS = ApplicationSettings.DEFAULTS;
  /** Costs summed in another order agree to far below what an answer shows. */
  private static final Comparator<Double> NEAR = (a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b);

  private static final List<Trace> TRACES = LlmTraces.AGENTS;

  private static LlmScan scan(InMemoryTraceStore store) {
    return new LlmScan(store, new TraceSearcher(store, new TraceHydrator(store, SETTINGS), SETTINGS), TestPrices.pricing(), SETTINGS);
  }

  private static LlmRequest all(int limit) {
    return new LlmRequest(WINDOW, LlmTraces.ALL_CALLS, limit);
  }

  @Test
  void usageSumsEveryFigureOnceAndBreaksItDown() {
    GetLlmUsageUseCase.Result usage = new GetLlmUsageUseCase(scan(new InMemoryTraceStore(TRACES))).execute(all(1000));

    // gpt-4o: 1000 in + 200 out = 0.0025 + 0.002; 500 uncached + 2500 cached in + 400 out = 0.00125 + 0.003125
    // + 0.004. claude-sonnet: 500 in + 50 out = 0.0015 + 0.00075; 700 + 70 = 0.0021 + 0.00105. Sum 0.018275 USD.
    assertThat(usage.totals()).isEqualTo(new TokenTotals(4, 1, 5200, 720, 5920, 2500, 0, 0, 0.018275, null, null));
    assertThat(usage.byModel().get(0).totals().costUsd()).isEqualTo(0.012875);
    assertThat(usage.unpricedModels()).isNull();
    assertThat(usage.scope().priceSources()).containsExactly(TestPrices.SOURCE);
    assertThat(usage.byModel()).extracting(UsageGroup::name).containsExactly("gpt-4o-2024-08-06", "claude-sonnet-4");
    assertThat(usage.byModel().get(0).totals().totalTokens()).isEqualTo(4600);
    assertThat(usage.byService()).extracting(UsageGroup::name, group -> group.totals().requestCount())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("agent-api", 2L), org.assertj.core.groups.Tuple.tuple("summarizer", 2L));
    assertThat(usage.byProvider()).extracting(UsageGroup::name).containsExactly("openai", "anthropic");
    assertThat(usage.scope().tracesScanned()).isEqualTo(3);
    assertThat(usage.scope().requestCount()).isEqualTo(4);
    assertThat(usage.scope().spansScanned()).isEqualTo(3 + 2 + 2 + 2 + 1);
    assertThat(usage.scope().limitReached()).isFalse();
  }

  @Test
  void aStoreThatSumsUsageItselfGivesWhatReadingEveryCallGivesForUsageAndModels() {
    GetLlmUsageUseCase reading = new GetLlmUsageUseCase(scan(new InMemoryTraceStore(TRACES).claiming(filter -> true)));
    InMemoryTraceStore summing = new InMemoryTraceStore(TRACES).claiming(filter -> true).summingLlmUsage();
    GetLlmUsageUseCase summed = new GetLlmUsageUseCase(scan(summing));

    for (CallFilter filter : List.of(LlmTraces.ALL_CALLS, new CallFilter(null, "Anthropic", null, null),
        new CallFilter("agent-api", null, null, null), new CallFilter(null, null, "claude-sonnet", null))) {
      for (Duration interval : java.util.Arrays.asList(null, Duration.ofMinutes(30))) {
        for (int limit : new int[] {1000, 2}) {
          LlmRequest request = new LlmRequest(WINDOW, filter, limit);
          assertThat(summed.execute(request, interval)).as("%s every %s, %s traces", filter, interval, limit)
              .usingRecursiveComparison()
              .withComparatorForType(NEAR, Double.class)
              .isEqualTo(reading.execute(request, interval));
        }
      }
    }
    ListLlmModelsUseCase readingModels = new ListLlmModelsUseCase(scan(new InMemoryTraceStore(TRACES).claiming(f -> true)));
    ListLlmModelsUseCase summedModels = new ListLlmModelsUseCase(scan(summing));
    for (CallFilter filter : List.of(LlmTraces.ALL_CALLS, new CallFilter("summarizer", null, null, null))) {
      LlmRequest request = new LlmRequest(WINDOW, filter, 1000);
      assertThat(summedModels.execute(request)).as("models of %s", filter).usingRecursiveComparison()
          .withComparatorForType(NEAR, Double.class)
          .isEqualTo(readingModels.execute(request));
    }
    // Summed by the store: no trace was searched or fetched.
    assertThat(summing.searches).isEmpty();
    assertThat(summing.getTraceCalls).hasValue(0);
  }

  @Test
  void aStoreThatCannotSumAfterAllIsReadCallByCall() {
    GetLlmUsageUseCase reading = new GetLlmUsageUseCase(scan(new InMemoryTraceStore(TRACES)));
    InMemoryTraceStore refusing = new InMemoryTraceStore(TRACES).refusingLlmUsageSums();

    GetLlmUsageUseCase.Result usage = new GetLlmUsageUseCase(scan(refusing)).execute(all(1000));

    assertThat(usage).usingRecursiveComparison().isEqualTo(reading.execute(all(1000)));
    assertThat(refusing.searches).isNotEmpty();
  }

  @Test
  void filtersSelectCallsByProviderCaseInsensitivelyAndByService() {
    GetLlmUsageUseCase useCase = new GetLlmUsageUseCase(scan(new InMemoryTraceStore(TRACES)));

    TokenTotals anthropic = useCase.execute(new LlmRequest(WINDOW, new CallFilter(null, "Anthropic", null, null), 1000)).totals();
    TokenTotals agentApi = useCase.execute(new LlmRequest(WINDOW, new CallFilter("agent-api", null, null, null), 1000)).totals();

    assertThat(anthropic.requestCount()).isEqualTo(2);
    assertThat(anthropic.totalTokens()).isEqualTo(1320);
    assertThat(agentApi.requestCount()).isEqualTo(2);
    assertThat(agentApi.cacheReadInputTokens()).isEqualTo(2500);
  }

  @Test
  void modelsListRequestAndResponseNames() {
    ListLlmModelsUseCase.Result models = new ListLlmModelsUseCase(scan(new InMemoryTraceStore(TRACES))).execute(all(1000));

    assertThat(models.models()).hasSize(2);
    ListLlmModelsUseCase.ModelView claude = models.models().stream().filter(m -> m.model().equals("claude-sonnet-4")).findFirst().orElseThrow();
    assertThat(claude.provider()).isEqualTo("anthropic");
    assertThat(claude.requestModels()).containsExactly("claude-sonnet");
    assertThat(claude.responseModels()).containsExactly("claude-sonnet-4");
    assertThat(claude.totals().errorCount()).isEqualTo(1);
    assertThat(claude.firstSeen()).isEqualTo(TestTraces.T0.plusSeconds(2));
    assertThat(claude.lastSeen()).isEqualTo(TestTraces.T0.plusSeconds(2).plusMillis(1_500));
  }

  @Test
  void modelStatsMatchTheRequestedNameAndReportLatencyTokensAndTruncations() {
    GetLlmModelStatsUseCase useCase = new GetLlmModelStatsUseCase(scan(new InMemoryTraceStore(TRACES)));

    GetLlmModelStatsUseCase.Result stats = useCase.execute("gpt-4o", all(1000));

    assertThat(stats.requestCount()).isEqualTo(2);
    assertThat(stats.successRate()).isEqualTo(1.0);
    assertThat(stats.latencyMs().p50()).isEqualTo(500.0);
    assertThat(stats.latencyMs().max()).isEqualTo(900.0);
    assertThat(stats.inputTokens().mean()).isEqualTo(2000.0);
    assertThat(stats.finishReasons()).containsEntry("length", 1L).containsEntry("stop", 1L);
    assertThat(stats.lengthTruncations()).isEqualTo(1);
    assertThat(stats.responseModels()).containsExactly("gpt-4o-2024-08-06");
    assertThat(useCase.execute("claude-sonnet-4", all(1000)).errorRate()).isEqualTo(0.5);
    assertThatThrownBy(() -> useCase.execute("gpt-4", all(1000)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("'gpt-4'")
        .satisfies(e -> assertThat(((NotFoundException) e).hint()).contains("gpt-4o-2024-08-06"));
  }

  @Test
  void expensiveMeansDollarsByDefaultAndUnpricedCallsAreNamedNotZeroed() {
    // A: 10,000 + 1,000 gpt-4o-mini tokens = 0.0015 + 0.0006 = 0.0021 USD; B: 1,000 + 1,000 claude-sonnet tokens =
    // 0.003 + 0.015 = 0.018 USD; C: a self-hosted model no table knows.
    List<Trace> traces = List.of(
        agent(1, 1_000, List.of(call("gpt-4o-mini", "gpt-4o-mini", 10_000, 1_000)), List.of()),
        agent(2, 1_000, List.of(new LlmTraces.Call("agent-api", "anthropic", "claude-sonnet", "claude-sonnet-4", 1_000,
            1_000, 0, "end_turn", false, 500, 0)), List.of()),
        agent(3, 1_000, List.of(new LlmTraces.Call("agent-api", "vllm", "llama-3-70b", "llama-3-70b", 5_000, 100, 0,
            "stop", false, 500, 0)), List.of()));
    GetLlmExpensiveTracesUseCase useCase = new GetLlmExpensiveTracesUseCase(scan(new InMemoryTraceStore(traces)));

    TraceRanking.Result byCost = useCase.execute(all(10), 0, null, GetLlmExpensiveTracesUseCase.RankBy.COST,
        TraceRanking.Page.ALL);
    TraceRanking.Result byTokens = useCase.execute(all(10), 0, null, GetLlmExpensiveTracesUseCase.RankBy.TOKENS,
        TraceRanking.Page.ALL);
    TraceRanking.Result costly = useCase.execute(all(10), 0, 0.01, GetLlmExpensiveTracesUseCase.RankBy.COST,
        TraceRanking.Page.ALL);
    TraceRanking.Result second = useCase.execute(all(10), 0, null, GetLlmExpensiveTracesUseCase.RankBy.COST,
        new TraceRanking.Page(1, 1));
    TraceRanking.Result beyond = useCase.execute(all(10), 0, null, GetLlmExpensiveTracesUseCase.RankBy.COST,
        new TraceRanking.Page(5, 10));
    GetLlmUsageUseCase.Result usage = new GetLlmUsageUseCase(scan(new InMemoryTraceStore(traces))).execute(all(1000));

    assertThat(byCost.traces()).extracting(t -> t.trace().traceId())
        .containsExactly(TestTraces.traceId(2), TestTraces.traceId(1), TestTraces.traceId(3));
    assertThat(byCost.traces()).extracting(t -> t.tokens().costUsd()).containsExactly(0.018, 0.0021, 0.0);
    assertThat(byCost.traces().get(2).tokens().costIsPartial()).isTrue();
    assertThat(byTokens.traces()).extracting(t -> t.trace().traceId())
        .containsExactly(TestTraces.traceId(1), TestTraces.traceId(3), TestTraces.traceId(2));
    assertThat(costly.traces()).extracting(t -> t.trace().traceId()).containsExactly(TestTraces.traceId(2));
    // A page holds only its traces and says how many qualify in all.
    assertThat(second.traces()).singleElement().isEqualTo(byCost.traces().get(1));
    assertThat(second.count()).isEqualTo(3);
    assertThat(beyond.traces()).isEmpty();
    assertThat(beyond.count()).isEqualTo(3);
    assertThat(usage.totals().costUsd()).isEqualTo(0.0201);
    assertThat(usage.totals().costIsPartial()).isTrue();
    assertThat(usage.totals().unpricedRequestCount()).isEqualTo(1);
    assertThat(usage.unpricedModels()).singleElement().satisfies(m -> {
      assertThat(m.model()).isEqualTo("llama-3-70b");
      assertThat(m.provider()).isEqualTo("vllm");
      assertThat(m.requestCount()).isEqualTo(1);
    });
  }

  @Test
  void spendPerIntervalListsEveryBucketOfTheWindow() {
    // One gpt-4o-mini call of 10,000 + 1,000 tokens (0.0021 USD) in each of the first three traces' seconds.
    List<Trace> traces = IntStream.rangeClosed(1, 3)
        .mapToObj(i -> agent(i * 3_600, 1_000, List.of(call("gpt-4o-mini", "gpt-4o-mini", 10_000, 1_000)), List.of()))
        .toList();
    TimeRange day = new TimeRange(TestTraces.T0, TestTraces.T0.plus(Duration.ofHours(24)));

    GetLlmUsageUseCase.Result usage = new GetLlmUsageUseCase(scan(new InMemoryTraceStore(traces)))
        .execute(new LlmRequest(day, LlmTraces.ALL_CALLS, 1000), Duration.ofHours(1));

    assertThat(usage.series()).hasSize(24);
    assertThat(usage.series().get(0).startTime()).isEqualTo(TestTraces.T0);
    assertThat(usage.series()).extracting(UsageSeries.Bucket::requestCount).startsWith(0L, 1L, 1L, 1L, 0L);
    assertThat(usage.series().get(1).costUsd()).isEqualTo(0.0021);
    assertThat(usage.series().stream().mapToLong(UsageSeries.Bucket::requestCount).sum()).isEqualTo(3);
  }

  @Test
  void toolsAreCountedWithErrorsAndTheProviderFilterAppliesToTheTracesLlmCalls() {
    ListLlmToolsUseCase useCase = tools(new InMemoryTraceStore(TRACES));

    ListLlmToolsUseCase.Result all = useCase.execute(all(1000));
    ListLlmToolsUseCase.Result anthropicOnly = useCase.execute(new LlmRequest(WINDOW, new CallFilter(null, "anthropic", null, null), 1000));

    assertThat(all.tools()).extracting(ListLlmToolsUseCase.ToolView::toolName).containsExactly("search", "book");
    assertThat(all.tools().get(0).callCount()).isEqualTo(2);
    assertThat(all.tools().get(0).meanDurationMs()).isEqualTo(30.0);
    assertThat(all.tools().get(1).errorCount()).isEqualTo(1);
    assertThat(all.callCount()).isEqualTo(3);
    assertThat(anthropicOnly.tools()).singleElement().satisfies(t -> assertThat(t.callCount()).isEqualTo(1));
  }

  @Test
  void aStoreThatCountsToolCallsItselfGivesWhatReadingEveryTraceGives() {
    ListLlmToolsUseCase reading = tools(new InMemoryTraceStore(TRACES).claiming(filter -> true));
    InMemoryTraceStore counting = new InMemoryTraceStore(TRACES).claiming(filter -> true).countingToolUsage();
    ListLlmToolsUseCase counted = tools(counting);

    for (CallFilter filter : List.of(LlmTraces.ALL_CALLS, new CallFilter(null, "Anthropic", null, null),
        new CallFilter("agent-api", null, null, null), new CallFilter(null, "mistral", null, null))) {
      for (int limit : new int[] {1000, 1}) {
        LlmRequest request = new LlmRequest(WINDOW, filter, limit);
        assertThat(counted.execute(request)).as("%s, %s traces", filter, limit).usingRecursiveComparison()
            .isEqualTo(reading.execute(request));
      }
    }
    assertThat(counted.execute(all(1000)).tools()).extracting(ListLlmToolsUseCase.ToolView::toolName)
        .containsExactly("search", "book");
    // Counted by the store: no trace was searched or fetched.
    assertThat(counting.searches).isEmpty();
    assertThat(counting.getTraceCalls).hasValue(0);
  }

  @Test
  void aStoreThatPicksModelCallsItselfGivesTheModelStatsReadingEveryTraceGives() {
    GetLlmModelStatsUseCase reading = new GetLlmModelStatsUseCase(scan(new InMemoryTraceStore(TRACES)
        .claiming(filter -> true)));
    InMemoryTraceStore picking = new InMemoryTraceStore(TRACES).claiming(filter -> true).pickingModelCalls();
    GetLlmModelStatsUseCase picked = new GetLlmModelStatsUseCase(scan(picking));

    for (String model : List.of("gpt-4o", "gpt-4o-2024-08-06", "claude-sonnet-4", "claude-sonnet")) {
      for (CallFilter filter : List.of(LlmTraces.ALL_CALLS, new CallFilter("summarizer", null, null, null))) {
        for (int limit : new int[] {1000, 2}) {
          LlmRequest request = new LlmRequest(WINDOW, filter, limit);
          assertThat(statsOrNotFound(picked, model, request)).as("%s of %s, %s traces", model, filter, limit).usingRecursiveComparison()
              .isEqualTo(statsOrNotFound(reading, model, request));
        }
      }
    }
    // Picked by the store: no trace was searched or fetched.
    assertThat(picking.searches).isEmpty();
    assertThat(picking.getTraceCalls).hasValue(0);
  }

  /** The statistics, or what the not-found error says (message and hint). */
  private static Object statsOrNotFound(GetLlmModelStatsUseCase useCase, String model, LlmRequest request) {
    try {
      return useCase.execute(model, request);
    } catch (NotFoundException e) {
      return e.getMessage() + " / " + e.hint();
    }
  }

  @Test
  void aStoreThatPicksModelCallsItselfGivesTheComparisonReadingEveryTraceGives() {
    // A call asked for and answered under a dated name is priced as gpt-4o: picked by that name in a second read.
    List<Trace> traces = new java.util.ArrayList<>(TRACES);
    traces.add(agent(4, 2_000, List.of(call("gpt-4o-2024-08-06", "gpt-4o-2024-08-06", 100, 10)), List.of()));
    CompareLlmModelsUseCase reading = new CompareLlmModelsUseCase(scan(new InMemoryTraceStore(traces)
        .claiming(filter -> true)), TestPrices.pricing());
    InMemoryTraceStore picking = new InMemoryTraceStore(traces).claiming(filter -> true).pickingModelCalls();
    CompareLlmModelsUseCase picked = new CompareLlmModelsUseCase(scan(picking), TestPrices.pricing());

    for (String repriceAs : java.util.Arrays.asList(null, "gpt-4o-mini")) {
      for (CallFilter filter : List.of(LlmTraces.ALL_CALLS, new CallFilter("agent-api", null, null, null))) {
        LlmRequest request = new LlmRequest(WINDOW, filter, 1000);
        CompareLlmModelsUseCase.Result expected = reading.execute(List.of("gpt-4o", "claude-sonnet"), request,
            repriceAs);
        assertThat(picked.execute(List.of("gpt-4o", "claude-sonnet"), request, repriceAs))
            .as("%s, repriced as %s", filter, repriceAs).usingRecursiveComparison()
            .withComparatorForType(NEAR, Double.class)
            .isEqualTo(expected);
      }
    }
    assertThat(picked.execute(List.of("gpt-4o", "claude-sonnet"), all(1000), null).models().get(0).requestCount())
        .isEqualTo(3);
    assertThat(picking.searches).isEmpty();
  }

  private static ListLlmToolsUseCase tools(InMemoryTraceStore store) {
    return new ListLlmToolsUseCase(new ToolCount(store, scan(store), TestPrices.pricing()));
  }

  @Test
  void anAggregateOverTwoHundredSummariesHydratesInParallelEachTraceOnce() {
    List<Trace> many = IntStream.rangeClosed(1, 200)
        .mapToObj(i -> agent(i, 1_000, List.of(call("gpt-4o", "gpt-4o", 10, 5)), List.of()))
        .toList();
    InMemoryTraceStore store = new InMemoryTraceStore(many).summariesOnly().slowGetTrace(20);
    ApplicationSettings settings = new ApplicationSettings(Duration.ofHours(24), 1000, 8, 2000);
    LlmScan scan = new LlmScan(store, new TraceSearcher(store, new TraceHydrator(store, settings), settings), TestPrices.pricing(), settings);

    GetLlmUsageUseCase.Result usage = new GetLlmUsageUseCase(scan).execute(new LlmRequest(WINDOW, LlmTraces.ALL_CALLS, 1000));

    assertThat(usage.totals().requestCount()).isEqualTo(200);
    assertThat(usage.totals().totalTokens()).isEqualTo(3000);
    assertThat(store.getTraceCalls.get()).as("each trace fetched once").isEqualTo(200);
    assertThat(store.maxInFlight.get()).as("fetched 8 at a time, never one by one").isEqualTo(8);
  }

  @Test
  void maxTracesPerQueryCapsTheScanAndTheScopeSaysSo() {
    List<Trace> many = IntStream.rangeClosed(1, 50)
        .mapToObj(i -> agent(i, 1_000, List.of(call("gpt-4o", "gpt-4o", 10, 5)), List.of()))
        .toList();
    ApplicationSettings capped = new ApplicationSettings(Duration.ofHours(24), 20, 8, 2000);
    InMemoryTraceStore store = new InMemoryTraceStore(many);
    LlmScan scan = new LlmScan(store, new TraceSearcher(store, new TraceHydrator(store, capped), capped), TestPrices.pricing(), capped);

    GetLlmUsageUseCase.Result usage = new GetLlmUsageUseCase(scan).execute(all(1000));

    assertThat(usage.scope().tracesScanned()).isEqualTo(20);
    assertThat(usage.scope().limitReached()).isTrue();
    assertThat(usage.totals().requestCount()).isEqualTo(20);
    Instant oldestRead = many.stream().sorted(Traces.NEWEST_FIRST).limit(20).map(Trace::startTime)
        .min(Comparator.naturalOrder()).orElseThrow();
    assertThat(usage.scope().partial()).isTrue();
    assertThat(usage.scope().coverage().stoppedBy()).isEqualTo("scan_cap");
    assertThat(usage.scope().coverage().startTime()).as("covered from the oldest trace read").isEqualTo(oldestRead);
  }

  @Test
  void aStoreThatScansItsOwnLlmCallsIsReadWholeWhateverTheSafetyCap() {
    List<Trace> many = IntStream.rangeClosed(1, 50)
        .mapToObj(i -> agent(i, 1_000, List.of(call("gpt-4o", "gpt-4o", 10, 5)), List.of()))
        .toList();
    ApplicationSettings capped = new ApplicationSettings(Duration.ofHours(24), 20, 8, 2000);
    InMemoryTraceStore store = new InMemoryTraceStore(many).scanningLlmCalls();
    LlmScan scan = new LlmScan(store, new TraceSearcher(store, new TraceHydrator(store, capped), capped), TestPrices.pricing(), capped);

    GetLlmUsageUseCase.Result usage = new GetLlmUsageUseCase(scan).execute(all(1_000_000));

    assertThat(usage.totals().requestCount()).isEqualTo(50);
    assertThat(usage.scope().tracesScanned()).isEqualTo(50);
    assertThat(usage.scope().limitReached()).isFalse();
    assertThat(usage.scope().partial()).isNull();
    assertThat(store.searches).as("no page read").isEmpty();
  }

  @Test
  void callsAStorePreparedWhereItReadThemArePricedAsTheCallerWouldHave() {
    List<Trace> traces = IntStream.rangeClosed(1, 12)
        .mapToObj(i -> agent(i, 1_000, List.of(call("gpt-4o", "gpt-4o", 10 * i, 5), call("claude-sonnet-4",
            "claude-sonnet-4", 7, 3 * i)), List.of()))
        .toList();
    InMemoryTraceStore reading = new InMemoryTraceStore(traces).scanningLlmCalls();
    InMemoryTraceStore preparing = new InMemoryTraceStore(traces).preparingScannedCalls();

    GetLlmUsageUseCase.Result priced = usage(reading);
    GetLlmUsageUseCase.Result prepared = usage(preparing);

    assertThat(preparing.prepared.get()).isEqualTo(12);
    assertThat(prepared.totals()).isEqualTo(priced.totals());
    assertThat(prepared.totals().costUsd()).isPositive();
    assertThat(prepared.byModel()).isEqualTo(priced.byModel());
  }

  private GetLlmUsageUseCase.Result usage(InMemoryTraceStore store) {
    ApplicationSettings settings = ApplicationSettings.DEFAULTS;
    LlmScan scan = new LlmScan(store, new TraceSearcher(store, new TraceHydrator(store, settings), settings),
        TestPrices.pricing(), settings);
    return new GetLlmUsageUseCase(scan).execute(all(1000));
  }
}
