package dev.otelmcp.application.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.application.TestTraces;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanTreeTest {

  private static Span span(int id, Integer parent, int startSecond, long durationMs) {
    return TestTraces.span(1, id, parent == null ? null : TestTraces.spanId(1, parent), "svc", "op" + id, startSecond,
        durationMs, false);
  }

  @Test
  void everySpanOnceParentsFirstOrphansAsRootsCyclesCut() {
    // 1 is the root; 5's parent (9) never arrived; 6 and 7 are each other's parent.
    Trace trace = new Trace(TestTraces.traceId(1), List.of(span(1, null, 0, 100), span(3, 1, 2, 10), span(2, 1, 1, 10),
        span(4, 2, 1, 5), span(5, 9, 3, 5), span(6, 7, 4, 1), span(7, 6, 4, 1)));

    SpanTree tree = SpanTree.of(trace);

    assertThat(tree.preorder()).extracting(Span::name).containsExactly("op1", "op2", "op4", "op3", "op5", "op6", "op7");
    assertThat(tree.roots()).extracting(Span::name).containsExactly("op1", "op5", "op6");
    assertThat(tree.depth(TestTraces.spanId(1, 4))).isEqualTo(2);
    assertThat(tree.subtree(TestTraces.spanId(1, 1), 1)).extracting(Span::name).containsExactly("op1", "op2", "op3");
    assertThat(tree.subtree(TestTraces.spanId(1, 2), 5)).extracting(Span::name).containsExactly("op2", "op4");
  }

  @Test
  void selfTimeCountsOverlappingChildrenOnceAndTheCriticalPathFollowsTheLastToFinish() {
    // root 0-10 s; children 1-4 s and 3-6 s overlap (5 s covered) and 7-8 s; grandchild under the last.
    Trace trace = new Trace(TestTraces.traceId(1), List.of(
        span(1, null, 0, 10_000), span(2, 1, 1, 3_000), span(3, 1, 3, 3_000), span(4, 1, 7, 1_000), span(5, 4, 7, 500)));

    SpanTimes times = new SpanTimes(SpanTree.of(trace));

    // The builder adds the span number in ms to each start: 2 starts at 1.002 s, 3 at 3.003 s, 4 at 7.004 s.
    assertThat(times.selfMs(TestTraces.spanId(1, 1))).isEqualTo(10_000 - 5_001 - 1_000);
    assertThat(times.slowestBySelfTime(1)).extracting(Span::name).containsExactly("op1");
    assertThat(times.criticalPath()).extracting(Span::name).containsExactly("op1", "op4", "op5");
  }
}
