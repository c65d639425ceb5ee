package dev.otelmcp.domain.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembling traces from loose spans, as OTLP payloads deliver them. */
public final class Traces {

  private Traces() {}

  /**
   * Groups spans by trace id into traces, newest trace first. A span id seen twice in one trace is kept
   * once (the first occurrence), as a backend may return a span from several storage shards.
   */
  public static List<Trace> group(Collection<Span> spans) {
    Map<String, Map<String, Span>> byTrace = new LinkedHashMap<>();
    for (Span span : spans) {
      byTrace.computeIfAbsent(span.traceId(), k -> new LinkedHashMap<>()).putIfAbsent(span.spanId(), span);
    }
    List<Trace> traces = new ArrayList<>(byTrace.size());
    byTrace.forEach((id, members) -> traces.add(new Trace(id, new ArrayList<>(members.values()))));
    traces.sort(NEWEST_FIRST);
    return traces;
  }

  /** Orders traces (or any hits) by start time, newest first, then by id for a stable order. */
  public static final Comparator<TraceHit> NEWEST_FIRST =
      Comparator.comparing(TraceHit::startTime).reversed().thenComparing(TraceHit::traceId);
}
