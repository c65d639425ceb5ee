package dev.otelmcp.application.trace;

import dev.otelmcp.domain.model.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a trace's time went: each span's self time (its duration minus the time covered by its children,
 * overlaps counted once) and the critical path (from the root, the child that finished last, recursively —
 * the chain the request waited on).
 */
public final class SpanTimes {

  private final SpanTree tree;
  private final Map<String, Long> selfNanos = new HashMap<>();

  public SpanTimes(SpanTree tree) {
    this.tree = tree;
    for (Span span : tree.preorder()) {
      selfNanos.put(span.spanId(), self(span));
    }
  }

  public double selfMs(String spanId) {
    return Math.round(selfNanos.getOrDefault(spanId, 0L) / 1_000.0) / 1_000.0;
  }

  /** The spans with the most self time, longest first. */
  public List<Span> slowestBySelfTime(int count) {
    return tree.preorder().stream()
        .sorted(Comparator.comparingLong((Span s) -> selfNanos.get(s.spanId())).reversed().thenComparing(Span::spanId))
        .limit(count)
        .toList();
  }

  /** From the first root, the last-finishing child at every level. */
  public List<Span> criticalPath() {
    List<Span> path = new ArrayList<>();
    if (tree.roots().isEmpty()) {
      return path;
    }
    Span current = tree.roots().get(0);
    while (current != null && path.size() < tree.preorder().size()) {
      path.add(current);
      current = tree.children(current.spanId()).stream()
          .max(Comparator.comparing(Span::endTime).thenComparing(Span::startTime))
          .orElse(null);
    }
    return path;
  }

  private long self(Span span) {
    Instant start = span.startTime();
    Instant end = span.endTime();
    List<Intervals.Interval> covered = new ArrayList<>();
    for (Span kid : tree.children(span.spanId())) {
      covered.add(new Intervals.Interval(kid.startTime().isBefore(start) ? start : kid.startTime(),
          kid.endTime().isAfter(end) ? end : kid.endTime()));
    }
    return Math.max(0, span.duration().toNanos() - Intervals.union(covered).toNanos());
  }
}
