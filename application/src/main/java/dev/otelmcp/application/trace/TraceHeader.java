package dev.otelmcp.application.trace;

import dev.otelmcp.domain.model.Trace;
import java.time.Instant;
import java.util.List;

/**
 * What a trace is at a glance. When the root span is missing, {@code root_span_id} is absent, the service and
 * operation are those of the earliest span whose parent is missing, and {@code incomplete} says so.
 *
 * @param incomplete {@code true} when spans are known to be missing (no root, or parents not in the trace)
 * @param orphanSpanCount spans whose parent is not in the trace, when there are any
 */
public record TraceHeader(
    String traceId,
    String serviceName,
    String operationName,
    String rootSpanId,
    Instant startTime,
    double durationMs,
    String status,
    int spanCount,
    int errorSpanCount,
    List<String> services,
    Boolean incomplete,
    Integer orphanSpanCount) {

  public static TraceHeader of(Trace trace) {
    int orphans = trace.orphanCount();
    return new TraceHeader(
        trace.traceId(),
        trace.serviceName(),
        trace.rootOperation(),
        trace.hasRoot() ? trace.root().spanId() : null,
        trace.startTime(),
        Math.round(trace.duration().toNanos() / 1_000.0) / 1_000.0,
        trace.status().wireName(),
        trace.spanCount(),
        (int) trace.errorSpanCount(),
        trace.services(),
        trace.isIncomplete() ? Boolean.TRUE : null,
        orphans > 0 ? orphans : null);
  }
}
