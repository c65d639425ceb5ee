package dev.otelmcp.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.llm.ToolGroup;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.TraceSummary;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.LlmModelCalls;
import dev.otelmcp.domain.port.LlmToolUsage;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.port.LlmUsageSums;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The TCK's part on the optional LLM abilities ({@link TraceStore#llmCallScan()} and the aggregates a store computes
 * where the spans are kept): each ability a store offers must give what the domain's view of the whole traces gives.
 * A store that offers none passes by skipping. {@link AbstractTraceStoreContractTest} is the class backends extend.
 */
public abstract class AbstractLlmAbilitiesContractTest {

  /** The store under test, opened for this test. */
  protected abstract TraceStore store();

  protected abstract AbstractTraceStoreContractTest.KnownData knownData();

  @Test
  void aStoreThatScansLlmCallsItselfVisitsTheSearchsTracesWithTheDomainsCalls() {
    Optional<LlmCallScan> scan = store().llmCallScan();
    assumeTrue(scan.isPresent(), "store has no LLM call scan of its own");
    TimeRange window = knownData().window();
    List<TraceHit> searched = store().searchTraces(new TraceQuery(window, List.of(), 10_000)).hits();
    List<String> visited = new ArrayList<>();
    Map<String, List<String>> figures = new LinkedHashMap<>();

    LlmCallScan.Report report = scan.get().scan(window, List.of(), Integer.MAX_VALUE, (trace, calls) -> {
      visited.add(trace.traceId());
      assertThat(calls).as("calls of %s", trace.traceId()).extracting(call -> call.span().spanId())
          .containsExactlyElementsOf(LlmCalls.of(trace).stream().map(call -> call.span().spanId()).toList());
      figures.put(trace.traceId(), LlmViewFigures.of(trace));
    });

    assertThat(visited).as("every trace of the window, newest first").isNotEmpty()
        .isEqualTo(searched.stream().map(TraceHit::traceId).toList());
    // What the aggregates read of each trace is what they read of the whole trace, whatever the scan left out
    // (of the traces the store can return whole: a recording may hold only some).
    int compared = 0;
    for (TraceHit hit : searched) {
      Optional<Trace> whole = hit instanceof Trace trace ? Optional.of(trace)
          : store().getTrace(new TraceId(hit.traceId()));
      if (whole.isPresent()) {
        assertThat(figures.get(hit.traceId())).as("trace %s as the aggregates read it", hit.traceId())
            .isEqualTo(LlmViewFigures.of(whole.get()));
        compared++;
      }
    }
    assertThat(compared).as("traces compared with the whole trace").isPositive();
    assertThat(report.tracesRead()).isEqualTo(visited.size());
    assertThat(report.moreAvailable()).isFalse();
    assertThat(report.shortfall()).isNull();
  }

  @Test
  void aStoreThatSumsLlmUsageItselfSumsTheDomainsCallsGroupByGroup() {
    Optional<LlmUsageSums> sums = store().llmUsageSums();
    assumeTrue(sums.isPresent(), "store does not sum LLM usage itself");
    TimeRange window = knownData().window();
    List<Trace> traces = wholeTraces(window);
    PriceBreaks breaks = ExpectedCallGroups.splitting(traces);
    for (Duration step : Arrays.asList(null, Duration.ofMinutes(1))) {
      List<CallGroup> reported = new ArrayList<>();
      LlmUsageSums.Report report = sums.get().sum(
          new LlmUsageSums.Request(window, List.of(), Integer.MAX_VALUE, breaks, step), reported::add);

      Map<String, CallGroup> expected = ExpectedCallGroups.of(traces, breaks, step);
      assertThat(expected).as("groups the fixture's calls make").hasSizeGreaterThan(1);
      assertThat(ExpectedCallGroups.byKey(reported, breaks, step)).as("groups with series step %s", step)
          .isEqualTo(expected);
      assertThat(report.tracesRead()).isEqualTo(traces.size());
      assertThat(report.spansRead()).isEqualTo(traces.stream().mapToLong(Trace::spanCount).sum());
      assertThat(report.moreAvailable()).isFalse();
    }
  }

  @Test
  void llmUsageSumsOfASampleSumTheNewestTracesAndSayMoreRemain() {
    Optional<LlmUsageSums> sums = store().llmUsageSums();
    assumeTrue(sums.isPresent(), "store does not sum LLM usage itself");
    TimeRange window = knownData().window();
    List<Trace> newest = store().searchTraces(new TraceQuery(window, List.of(), 3)).hits().stream()
        .map(this::whole).toList();
    List<CallGroup> reported = new ArrayList<>();

    LlmUsageSums.Report report = sums.get().sum(
        new LlmUsageSums.Request(window, List.of(), 2, PriceBreaks.NONE, null), reported::add);

    assertThat(ExpectedCallGroups.byKey(reported, PriceBreaks.NONE, null))
        .isEqualTo(ExpectedCallGroups.of(newest.subList(0, 2), PriceBreaks.NONE, null));
    assertThat(report.tracesRead()).isEqualTo(2);
    assertThat(report.moreAvailable()).isEqualTo(newest.size() > 2);
  }

  @Test
  void aStoreThatCountsToolCallsItselfCountsTheDomainsToolCalls() {
    Optional<LlmToolUsage> usage = store().llmToolUsage();
    assumeTrue(usage.isPresent(), "store does not count tool calls itself");
    TimeRange window = knownData().window();
    List<Trace> traces = wholeTraces(window);
    Map<String, ToolGroup> every = ExpectedToolGroups.of(traces, null, null);
    assertThat(every).as("tool calls the fixture holds").isNotEmpty();
    String provider = traces.stream().flatMap(t -> LlmCalls.of(t).stream()).map(LlmCall::provider)
        .filter(java.util.Objects::nonNull).findFirst().orElse("none").toUpperCase(java.util.Locale.ROOT);
    String toolService = every.values().iterator().next().serviceName();
    for (List<String> criteria : List.of(Arrays.asList((String) null, null), Arrays.asList(provider, null),
        Arrays.asList((String) null, toolService))) {
      List<ToolGroup> reported = new ArrayList<>();
      LlmToolUsage.Report report = usage.get().count(new LlmToolUsage.Request(window, List.of(), Integer.MAX_VALUE,
          criteria.get(0), criteria.get(1)), reported::add);

      assertThat(ExpectedToolGroups.byKey(reported)).as("tool groups of provider, tool service %s", criteria)
          .isEqualTo(ExpectedToolGroups.of(traces, criteria.get(0), criteria.get(1)));
      assertThat(report.tracesRead()).isEqualTo(traces.size());
      assertThat(report.spansRead()).isEqualTo(traces.stream().mapToLong(Trace::spanCount).sum());
      assertThat(report.llmCalls()).isEqualTo(ExpectedToolGroups.llmCalls(traces));
      assertThat(report.llmWarnings()).isEqualTo(ExpectedToolGroups.llmWarnings(traces));
      assertThat(report.moreAvailable()).isFalse();
    }
  }

  @Test
  void aStoreThatPicksModelCallsItselfHandsOnTheDomainsCalls() {
    Optional<LlmModelCalls> picking = store().llmModelCalls();
    assumeTrue(picking.isPresent(), "store does not pick model calls itself");
    TimeRange window = knownData().window();
    List<Trace> traces = wholeTraces(window);
    String model = traces.stream().flatMap(t -> LlmCalls.of(t).stream()).map(LlmCall::responseModel)
        .filter(java.util.Objects::nonNull).findFirst().orElseThrow(() -> new AssertionError("no answered call"));
    ExpectedModelCalls.HandedOn handedOn = new ExpectedModelCalls.HandedOn();

    LlmModelCalls.Report report = picking.get().calls(
        new LlmModelCalls.Request(window, List.of(), Integer.MAX_VALUE, Set.of(model)), handedOn);

    ExpectedModelCalls.HandedOn expected = ExpectedModelCalls.of(traces, Set.of(model));
    assertThat(expected.calls()).as("calls of %s", model).isNotEmpty();
    assertThat(handedOn.pairs()).isEqualTo(expected.pairs());
    assertThat(handedOn.calls()).containsExactlyInAnyOrderElementsOf(expected.calls());
    assertThat(report.tracesRead()).isEqualTo(traces.size());
    assertThat(report.spansRead()).isEqualTo(traces.stream().mapToLong(Trace::spanCount).sum());
    assertThat(report.warnings()).isEqualTo(ExpectedToolGroups.llmWarnings(traces));
    assertThat(report.moreAvailable()).isFalse();
  }

  @Test
  void anLlmCallScanStopsAtItsLimitAndSaysMoreRemain() {
    Optional<LlmCallScan> scan = store().llmCallScan();
    assumeTrue(scan.isPresent(), "store has no LLM call scan of its own");
    // A scan is given only filters the store evaluates (LlmCallScan#scan); a store evaluating none scans unfiltered.
    List<Filter> filters = List.of(Filter.equalsString("service.name", knownData().serviceName())).stream()
        .filter(store().capabilities()::evaluatesTraceFilter).toList();
    List<String> visited = new ArrayList<>();

    LlmCallScan.Report report = scan.get().scan(knownData().window(), filters, 1,
        (trace, calls) -> visited.add(trace.traceId()));

    List<TraceHit> searched = store().searchTraces(new TraceQuery(knownData().window(), filters, 2)).hits();
    assertThat(visited).containsExactly(searched.get(0).traceId());
    assertThat(report.moreAvailable()).isEqualTo(searched.size() > 1);
  }

  @Test
  void aStoreThatRanksTracesItselfRanksAsTheDomainDoes() {
    Optional<LlmTraceRanking> ranking = store().llmTraceRanking();
    assumeTrue(ranking.isPresent(), "store does not rank traces itself");
    TimeRange window = knownData().window();
    List<Trace> traces = wholeTraces(window);
    PriceBreaks breaks = ExpectedCallGroups.splitting(traces);
    String provider = traces.stream().flatMap(t -> LlmCalls.of(t).stream()).map(LlmCall::provider)
        .filter(java.util.Objects::nonNull).findFirst().orElse("none").toUpperCase(java.util.Locale.ROOT);
    for (LlmTraceRanking.Measure measure : LlmTraceRanking.Measure.values()) {
      for (LlmTraceRanking.Qualifying qualifying : List.of(LlmTraceRanking.Qualifying.ANY,
          new LlmTraceRanking.Qualifying(null, provider, null, null))) {
        for (int[] page : new int[][] {{0, 1_000}, {1, 2}}) {
          LlmTraceRanking.Request request = new LlmTraceRanking.Request(window, List.of(), Integer.MAX_VALUE,
              qualifying, measure, measure == LlmTraceRanking.Measure.DURATION ? 0 : 1, null, breaks,
              ExpectedRanking.varied(breaks), page[0], page[1]);
          List<Trace> handedOn = new ArrayList<>();

          LlmTraceRanking.Report report = ranking.get().rank(request, handedOn::add);

          ExpectedRanking.Outcome expected = ExpectedRanking.of(traces, false, request);
          assertThat(expected.ranking()).as("traces the fixture ranks").hasSizeGreaterThan(2);
          assertThat(handedOn).as("page %s of %s, %s", Arrays.toString(page), measure, qualifying)
              .extracting(Trace::traceId).containsExactlyElementsOf(
                  expected.page(request).stream().map(Trace::traceId).toList());
          assertThat(handedOn).extracting(LlmViewFigures::of)
              .containsExactlyElementsOf(expected.page(request).stream().map(LlmViewFigures::of).toList());
          assertThat(report).isEqualTo(expected.report());
        }
      }
    }
  }

  /** Every trace of the window, whole, newest first. */
  protected final List<Trace> wholeTraces(TimeRange window) {
    return store().searchTraces(new TraceQuery(window, List.of(), 10_000)).hits().stream().map(this::whole).toList();
  }

  /** The full trace behind a hit, fetching it when the store returned only a summary. */
  protected Trace whole(TraceHit hit) {
    if (hit instanceof Trace trace) {
      return trace;
    }
    TraceSummary summary = (TraceSummary) hit;
    return store().getTrace(new TraceId(summary.traceId()))
        .orElseThrow(() -> new AssertionError("search returned " + summary.traceId() + " but getTrace cannot find it"));
  }
}
