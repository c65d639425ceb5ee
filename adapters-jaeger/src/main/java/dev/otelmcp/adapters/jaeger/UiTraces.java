package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A classic {@code /api/traces} answer, decoded: the traces it holds as domain traces, how many elements its
 * {@code data} list had (a search that returned as many as it asked for may have more), and the errors its envelope
 * reports.
 *
 * @param traces grouped by normalised id, newest first (a span id seen twice in a trace is kept once)
 * @param count the elements of {@code data}, unreadable ones included
 */
record UiTraces(List<Trace> traces, int count, List<UiModel.Error> errors) {

  UiTraces {
    traces = List.copyOf(traces);
    // An error may be JSON null, which List.copyOf would refuse.
    errors = errors == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(errors));
  }
}
