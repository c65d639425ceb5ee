package dev.otelmcp.application.view;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A whole trace: its summary, each service's resource attributes (once), and every span. */
public record TraceDetailView(
    String traceId,
    String serviceName,
    String rootOperation,
    Instant startTime,
    double durationMs,
    String status,
    int spanCount,
    int errorSpanCount,
    List<String> services,
    Map<String, Map<String, Object>> resources,
    List<SpanView> spans) {

  public static TraceDetailView of(Trace trace, int maxAttributeChars) {
    Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    for (Span span : trace.spans()) {
      if (!span.resource().isEmpty()) {
        resources.putIfAbsent(span.serviceName(), Views.attributes(span.resource(), maxAttributeChars));
      }
    }
    return new TraceDetailView(
        trace.traceId(),
        trace.serviceName(),
        trace.rootOperation(),
        trace.startTime(),
        Views.millis(trace.duration()),
        trace.status().name(),
        trace.spanCount(),
        (int) trace.errorSpanCount(),
        trace.services(),
        resources,
        trace.spans().stream().map(s -> SpanView.of(s, maxAttributeChars)).toList());
  }
}
