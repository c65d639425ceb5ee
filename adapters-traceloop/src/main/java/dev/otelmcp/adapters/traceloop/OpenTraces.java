package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The traces a newest-first read of the span search has begun and not yet handed on, with their spans so far.
 *
 * <p>A trace's root (the span without a parent) starts before its other spans, so it is the last of its spans
 * the read meets. Rows come newest second first but in no order within a second, so once the read has met a row
 * of a second older than the root's, every span of the trace has been read: the trace is complete
 * ({@link #completeBefore}). A trace whose root was not read stays open until the end of the window
 * ({@link #rootless}). A span read twice (the second read again at a page boundary) is kept once.
 */
final class OpenTraces {

  /** Newest root first; for roots of the same millisecond, by trace id (a stable order). */
  static final Comparator<Trace> NEWEST_FIRST = Comparator
      .comparing((Trace trace) -> trace.root().startTime()).reversed()
      .thenComparing(Trace::traceId);

  private final Map<String, Map<String, Span>> spans = new LinkedHashMap<>();
  private final Map<String, Span> roots = new HashMap<>();

  /** Adds a span read; whether it was new (false for a span read again). */
  boolean add(Span span) {
    boolean added = spans.computeIfAbsent(span.traceId(), id -> new LinkedHashMap<>())
        .putIfAbsent(span.spanId(), span) == null;
    if (added && span.isRoot()) {
      roots.putIfAbsent(span.traceId(), span);
    }
    return added;
  }

  /**
   * Takes out the traces whose root started in a second after {@code second} (the second of the row being read),
   * newest first.
   */
  List<Trace> completeBefore(long second) {
    List<Trace> complete = new ArrayList<>();
    for (Iterator<Map.Entry<String, Span>> it = roots.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Span> root = it.next();
      if (seconds(root.getValue()) > second) {
        it.remove();
        complete.add(new Trace(root.getKey(), List.copyOf(spans.remove(root.getKey()).values())));
      }
    }
    complete.sort(NEWEST_FIRST);
    return complete;
  }

  /** At the end of the window: takes out every trace whose root was read, newest first. */
  List<Trace> rooted() {
    return completeBefore(Long.MIN_VALUE);
  }

  /**
   * At the end of the window, after {@link #rooted}: the ids of the traces whose root was not read, in the order
   * their first span was read (their spans are let go: such a trace is read whole to tell whether it has a root).
   */
  List<String> rootless() {
    List<String> rest = List.copyOf(spans.keySet());
    spans.clear();
    return rest;
  }

  int size() {
    return spans.size();
  }

  private static long seconds(Span span) {
    return Math.floorDiv(span.startTime().toEpochMilli(), 1000L);
  }
}
