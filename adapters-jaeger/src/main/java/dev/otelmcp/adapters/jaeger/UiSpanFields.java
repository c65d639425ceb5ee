package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.model.Attributes;
import java.util.List;

/**
 * What one span of Jaeger's UI JSON says, held only until its trace's {@code processes} have been read: Jaeger
 * writes them after the spans, and a span's service and resource come from its process. Tags are already typed.
 * Fields are {@code null} when absent.
 */
final class UiSpanFields {

  /** A reference ({@code CHILD_OF}, {@code FOLLOWS_FROM}) as written: ids not yet normalised. */
  record Reference(String refType, String traceId, String spanId) {}

  /** A log: its time in microseconds ({@code null} when absent) and its typed fields. */
  record Log(Long timestamp, Attributes.Builder fields) {}

  /** A process: the service and its typed tags (the OTLP resource without {@code service.name}). */
  record Process(String serviceName, Attributes tags) {}

  String traceId;
  String spanId;
  String parentSpanId;
  String operationName;
  /** {@code null} entries stand for JSON nulls in the list, which are skipped. */
  List<Reference> references;
  Long startTime;
  Long duration;
  Attributes.Builder tags;
  /** {@code null} entries stand for JSON nulls in the list, which are skipped. */
  List<Log> logs;
  String processId;
  /** The process written into the span itself, which older Jaeger versions did; it wins over {@link #processId}. */
  Process process;
}
