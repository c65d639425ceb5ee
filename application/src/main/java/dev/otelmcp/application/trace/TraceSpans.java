package dev.otelmcp.application.trace;

import dev.otelmcp.application.view.EventView;
import dev.otelmcp.application.view.LinkView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Spans of a trace in full: attributes, events and links, text values cut at a length the caller chooses.
 * Resource attributes are listed once per resource and referred to by {@code resource_id}.
 *
 * @param missingSpanIds requested span ids the trace does not hold
 */
public record TraceSpans(
    TraceHeader trace, List<Resource> resources, List<Detail> spans, List<String> missingSpanIds, String hint) {

  /** One resource (process) of the trace. */
  public record Resource(int resourceId, String serviceName, Map<String, Object> attributes) {}

  /**
   * A span in full.
   *
   * @param depth 0 for a root
   * @param selfTimeMs duration minus the time its children cover
   * @param omittedEventCount events beyond the first ones shown
   */
  public record Detail(
      String spanId,
      String parentSpanId,
      int depth,
      String operationName,
      String serviceName,
      String spanKind,
      Instant startTime,
      double durationMs,
      double selfTimeMs,
      String status,
      String statusMessage,
      String role,
      int resourceId,
      Map<String, Object> attributes,
      Map<String, Object> untrustedContent,
      List<EventView> events,
      Integer omittedEventCount,
      List<LinkView> links) {}
}
