package dev.otelmcp.application.trace;

import java.util.List;

/** Which spans of a trace to show in full. */
public sealed interface SpanSelection {

  /** Every span, in tree order. */
  record All() implements SpanSelection {}

  /** These spans, in tree order. */
  record Ids(List<String> spanIds) implements SpanSelection {
    public Ids {
      spanIds = List.copyOf(spanIds);
    }
  }

  /** A span and its descendants down to {@code depth} levels below it. */
  record Subtree(String spanId, int depth) implements SpanSelection {}
}
