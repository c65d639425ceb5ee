package dev.otelmcp.domain.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembling traces from loose spans, as OTLP payloads deliver them. */
public final class Traces {

  /** Up to this many spans, repeated ids are looked for pair by pair. */
  private static final int SMALL_TRACE = 16;

  private Traces() {}

  /**
   * Groups spans by trace id into traces, newest trace first. A span id seen twice in one trace is kept
   * once (the first occurrence), as a backend may return a span from several storage shards.
   */
  public static List<Trace> group(Collection<Span> spans) {
    // Backends deliver a trace's spans one after another: the map is asked once per run of spans, not per span.
    Map<String, List<Span>> byTrace = new LinkedHashMap<>();
    String runTraceId = null;
    List<Span> run = null;
    for (Span span : spans) {
      if (!span.traceId().equals(runTraceId)) {
        runTraceId = span.traceId();
        run = byTrace.computeIfAbsent(runTraceId, k -> new ArrayList<>());
      }
      run.add(span);
    }
    List<Trace> traces = new ArrayList<>(byTrace.size());
    byTrace.forEach((id, members) -> traces.add(new Trace(id, withoutRepeatedIds(members))));
    // In the order they came: backends answer newest first, and sorting a sorted list is one pass.
    traces.sort(NEWEST_FIRST);
    return traces;
  }

  /** The spans with each span id once, the first occurrence kept, in their order. */
  static List<Span> withoutRepeatedIds(List<Span> spans) {
    if (spans.size() <= SMALL_TRACE) {
      // Comparing every pair of a few ids costs less than hashing each of them.
      for (int i = 1; i < spans.size(); i++) {
        String id = spans.get(i).spanId();
        for (int j = 0; j < i; j++) {
          if (spans.get(j).spanId().equals(id)) {
            return firstOfEachId(spans);
          }
        }
      }
      return spans;
    }
    return firstOfEachId(spans);
  }

  private static List<Span> firstOfEachId(List<Span> spans) {
    Map<String, Span> first = new LinkedHashMap<>(spans.size() * 2);
    for (Span span : spans) {
      first.putIfAbsent(span.spanId(), span);
    }
    return first.size() == spans.size() ? spans : new ArrayList<>(first.values());
  }

  /** Orders traces (or any hits) by start time, newest first, then by id for a stable order. */
  public static final Comparator<TraceHit> NEWEST_FIRST =
      Comparator.comparing(TraceHit::startTime).reversed().thenComparing(TraceHit::traceId);
}
