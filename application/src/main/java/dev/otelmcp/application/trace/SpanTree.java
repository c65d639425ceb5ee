package dev.otelmcp.application.trace;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parent/child structure of one trace. Roots are the true root and every span whose parent is not in
 * the trace; children are ordered by start time (then id). The walk is cycle-safe: a span reachable twice
 * (a corrupt parent chain) is visited once, and spans only reachable through a cycle are appended as roots,
 * so every span appears in {@link #preorder()} exactly once.
 */
public final class SpanTree {

  private static final Comparator<Span> BY_START = Comparator.comparing(Span::startTime).thenComparing(Span::spanId);

  private final Map<String, Span> byId = new LinkedHashMap<>();
  private final Map<String, List<Span>> children = new HashMap<>();
  private final List<Span> roots = new ArrayList<>();
  private final List<Span> preorder = new ArrayList<>();
  private final Map<String, Integer> depth = new HashMap<>();

  private SpanTree(Trace trace) {
    trace.spans().forEach(span -> byId.putIfAbsent(span.spanId(), span));
    for (Span span : byId.values()) {
      if (span.isRoot() || !byId.containsKey(span.parentSpanId())) {
        roots.add(span);
      } else {
        children.computeIfAbsent(span.parentSpanId(), k -> new ArrayList<>()).add(span);
      }
    }
    children.values().forEach(list -> list.sort(BY_START));
    roots.sort(Comparator.comparing((Span s) -> !s.isRoot()).thenComparing(BY_START));
    roots.forEach(this::walk);
    for (Span span : byId.values()) {
      if (!depth.containsKey(span.spanId())) {
        roots.add(span);
        walk(span);
      }
    }
  }

  public static SpanTree of(Trace trace) {
    return new SpanTree(trace);
  }

  private void walk(Span root) {
    Deque<Span> stack = new ArrayDeque<>();
    Deque<Integer> levels = new ArrayDeque<>();
    stack.push(root);
    levels.push(0);
    while (!stack.isEmpty()) {
      Span span = stack.pop();
      int level = levels.pop();
      if (depth.putIfAbsent(span.spanId(), level) != null) {
        continue;
      }
      preorder.add(span);
      List<Span> kids = children.getOrDefault(span.spanId(), List.of());
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack.push(kids.get(i));
        levels.push(level + 1);
      }
    }
  }

  /** The true root first (if present), then spans whose parent is missing, by start time. */
  public List<Span> roots() {
    return List.copyOf(roots);
  }

  public List<Span> children(String spanId) {
    return children.getOrDefault(spanId, List.of());
  }

  /** 0 for roots. */
  public int depth(String spanId) {
    return depth.getOrDefault(spanId, 0);
  }

  /** Every span once, each parent before its children, siblings by start time. */
  public List<Span> preorder() {
    return List.copyOf(preorder);
  }

  public Optional<Span> span(String spanId) {
    return Optional.ofNullable(byId.get(spanId));
  }

  /** The span and its descendants down to {@code levels} below it (0: the span alone), in preorder. */
  public List<Span> subtree(String spanId, int levels) {
    Span top = byId.get(spanId);
    if (top == null) {
      return List.of();
    }
    int base = depth(spanId);
    List<Span> out = new ArrayList<>();
    boolean inside = false;
    for (Span span : preorder) {
      if (span.spanId().equals(spanId)) {
        inside = true;
        out.add(span);
        continue;
      }
      if (inside) {
        if (depth(span.spanId()) <= base) {
          break;
        }
        if (depth(span.spanId()) - base <= levels) {
          out.add(span);
        }
      }
    }
    return out;
  }
}
