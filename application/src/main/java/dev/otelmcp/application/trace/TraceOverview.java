package dev.otelmcp.application.trace;

import dev.otelmcp.application.llm.LlmSummary;
import java.util.List;

/**
 * The first answer about a trace: its header, its LLM figures, what failed, where the time went, and its
 * shape as compact rows. Every part is bounded except the rows, which are paged.
 *
 * @param errors failed spans in tree order, at most {@value TraceOverviews#MAX_ERRORS}
 * @param criticalPath from the root, the child that finished last at each level
 * @param slowestSpans the spans with the most self time
 */
public record TraceOverview(
    TraceHeader trace,
    LlmSummary llm,
    List<ErrorSpan> errors,
    Integer omittedErrorCount,
    List<PathSpan> criticalPath,
    List<PathSpan> slowestSpans,
    SpanRows spanTree,
    String hint) {

  /**
   * A failed span.
   *
   * @param isOrigin {@code true} when no descendant failed: where the failure started
   * @param stackHead the first lines of the stack trace
   */
  public record ErrorSpan(
      String spanId, String operationName, String serviceName, String errorType, String message, String stackHead,
      Boolean isOrigin) {}

  /** A span on the critical path or among the slowest. */
  public record PathSpan(String spanId, String operationName, String serviceName, double durationMs, double selfTimeMs) {}

  /**
   * The span tree as rows of {@code columns}. A row whose {@code count} is above 1 stands for that many
   * siblings with the same name and service: its span id is the first one's, its duration and tokens are
   * their sums, and their descendants are not listed ({@code collapsed_span_count} counts every span not
   * listed).
   */
  public record SpanRows(List<String> columns, List<List<Object>> rows, int collapsedSpanCount) {}
}
