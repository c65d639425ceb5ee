package dev.otelmcp.domain.model;

import static dev.otelmcp.domain.model.SpanTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracesTest {

  private static final String OLD = "11111111111111111111111111111111";
  private static final String NEW = "22222222222222222222222222222222";

  private static Span span(String traceId, String spanId, long startMs, String name) {
    return Span.builder().traceId(traceId).spanId(spanId).name(name)
        .startTime(T0.plusMillis(startMs)).duration(Duration.ofMillis(5)).build();
  }

  @Test
  void groupsByTraceIdNewestTraceFirst() {
    List<Span> loose = List.of(
        span(OLD, "a1", 0, "old-root"),
        span(NEW, "b1", 1000, "new-root"),
        span(OLD, "a2", 2, "old-child"),
        span(NEW, "b2", 1001, "new-child"));

    List<Trace> traces = Traces.group(loose);

    assertThat(traces).extracting(Trace::traceId).containsExactly(NEW, OLD);
    assertThat(traces.get(0).spans()).extracting(Span::name).containsExactly("new-root", "new-child");
    assertThat(traces.get(1).spans()).extracting(Span::name).containsExactly("old-root", "old-child");
  }

  @Test
  void duplicateSpanIdsAreKeptOnceFirstOccurrenceWins() {
    List<Span> loose = List.of(
        span(OLD, "a1", 0, "first"),
        span(OLD, "a2", 1, "child"),
        span(OLD, "A1", 0, "duplicate from another shard"));

    List<Trace> traces = Traces.group(loose);

    assertThat(traces).hasSize(1);
    assertThat(traces.get(0).spans()).extracting(Span::name).containsExactly("first", "child");
  }

  @Test
  void spansOfTracesInterleavedAndLargeTracesWithRepeatsAreGroupedAlike() {
    // Two traces' spans alternating, each trace 40 spans long with every tenth id sent twice (the hashed path).
    List<Span> loose = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      loose.add(span(OLD, Integer.toHexString(i + 1), i, "old-" + i));
      loose.add(span(NEW, Integer.toHexString(i + 1), 100 + i, "new-" + i));
      if (i % 10 == 0) {
        loose.add(span(OLD, Integer.toHexString(i + 1), i, "old-again-" + i));
      }
    }

    List<Trace> traces = Traces.group(loose);

    assertThat(traces).extracting(Trace::traceId).containsExactly(Ids.traceId(NEW), Ids.traceId(OLD));
    assertThat(traces.get(0).spans()).hasSize(40);
    assertThat(traces.get(1).spans()).hasSize(40).extracting(Span::name).noneMatch(name -> name.contains("again"));
  }

  @Test
  void sameSpanIdInTwoTracesIsTwoSpans() {
    List<Trace> traces = Traces.group(List.of(span(OLD, "a1", 0, "x"), span(NEW, "a1", 5, "y")));
    assertThat(traces).extracting(Trace::spanCount).containsExactly(1, 1);
  }

  @Test
  void idsSpelledDifferentlyLandInOneTrace() {
    List<Trace> traces = Traces.group(List.of(
        span("abc", "a1", 0, "x"), span("00000000000000000000000000000ABC", "a2", 1, "y")));
    assertThat(traces).singleElement().satisfies(t -> {
      assertThat(t.traceId()).isEqualTo("00000000000000000000000000000abc");
      assertThat(t.spanCount()).isEqualTo(2);
    });
  }

  @Test
  void noSpansNoTraces() {
    assertThat(Traces.group(List.of())).isEmpty();
  }

  @Test
  void newestFirstBreaksTiesByTraceId() {
    TraceSummary b = new TraceSummary(NEW, "s", "op", T0, null, null, null, null);
    TraceSummary a = new TraceSummary(OLD, "s", "op", T0, null, null, null, null);
    TraceSummary newer = new TraceSummary("3", "s", "op", T0.plusSeconds(1), null, null, null, null);
    List<TraceHit> hits = new ArrayList<>(List.of(b, a, newer));

    hits.sort(Traces.NEWEST_FIRST);

    assertThat(hits).containsExactly(newer, a, b);
  }
}
