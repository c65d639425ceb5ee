package dev.otelmcp.application.trace;

import dev.otelmcp.domain.model.SpanId;
import java.util.List;

/** Which spans of a trace to show in full. */
public sealed interface SpanSelection {

  /** Every span, in tree order. */
  record All() implements SpanSelection {}

  /** These spans, in tree order. */
  record Ids(List<SpanId> spanIds) implements SpanSelection {
    public Ids {
      spanIds = List.copyOf(spanIds);
    }
  }

  /** A span and its descendants down to {@code depth} levels below it. */
  record Subtree(SpanId spanId, int depth) implements SpanSelection {}
}
