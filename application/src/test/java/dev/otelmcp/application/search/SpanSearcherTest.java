package dev.otelmcp.application.search;

import static dev.otelmcp.application.TestTraces.T0;
import static dev.otelmcp.application.TestTraces.simple;
import static dev.otelmcp.application.TestTraces.span;
import static dev.otelmcp.application.TestTraces.spanId;
import static dev.otelmcp.application.TestTraces.traceId;
import static dev.otelmcp.application.TestTraces.withChildren;
import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.InMemoryTraceStore;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanSearcherTest {

  private static final TimeRange WINDOW = new TimeRange(T0.minusSeconds(10), T0.plusSeconds(100_000));

  private static SpanSearcher searcher(InMemoryTraceStore store) {
    ApplicationSettings settings = ApplicationSettings.DEFAULTS;
    TraceSearcher traces = new TraceSearcher(store, new TraceHydrator(store, settings), settings);
    return new SpanSearcher(store, traces, settings);
  }

  private static List<Trace> agentTraces() {
    List<Trace> traces = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      traces.add(withChildren(i, "agent", List.<Object[]>of(
          new Object[] {"agent", "search.tool", "traceloop.span.kind", "tool"},
          new Object[] {"agent", "openai.chat", "gen_ai.request.model", "gpt-4o"},
          new Object[] {"agent", "lookup.tool", "traceloop.span.kind", "tool"})));
    }
    return traces;
  }

  @Test
  void derivesSpanSearchFromTracesAndFiltersEachSpan() {
    InMemoryTraceStore store = new InMemoryTraceStore(agentTraces());
    Filter tools = Filter.equalsString("traceloop.span.kind", "tool");

    SpanSearchOutcome outcome = searcher(store).search(WINDOW, List.of(tools), 5);

    assertThat(outcome.spans()).hasSize(5).allSatisfy(s -> assertThat(s.name()).endsWith(".tool"));
    assertThat(outcome.spans()).extracting(Span::startTime).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(outcome.moreAvailable()).isTrue();
    assertThat(outcome.spansScanned()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void aNegativeFilterIsAppliedPerSpanNotPerTrace() {
    InMemoryTraceStore store = new InMemoryTraceStore(agentTraces().subList(0, 1));
    Filter notTool = Filter.of("traceloop.span.kind", FilterOperator.NOT_EQUALS, FilterValueType.STRING, List.of("tool"));

    SpanSearchOutcome outcome = searcher(store).search(WINDOW, List.of(notTool), 100);

    assertThat(outcome.spans()).extracting(Span::name).containsExactlyInAnyOrder("root", "openai.chat");
    assertThat(outcome.moreAvailable()).isFalse();
  }

  @Test
  void spanDurationBoundsApplyToSpansWhileTheTraceSearchUsesOnlySafeLowerBounds() {
    Trace shortAndLong = new Trace(traceId(9), List.of(
        span(9, 1, null, "svc", "long", 9, 2_000, false),
        span(9, 2, spanId(9, 1), "svc", "short", 9, 5, false)));
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(shortAndLong, simple(10, "svc", "alone", 50, false)));

    SpanSearchOutcome under10ms = searcher(store).search(WINDOW, List.of(Filter.number("duration_ms", FilterOperator.LT, 10)), 10);

    assertThat(under10ms.spans()).extracting(Span::name).containsExactly("short");
  }
}
