package dev.otelmcp.application.view;

import dev.otelmcp.application.llm.TokenTotals;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of a trace list. Fields a backend's summary does not report are {@code null} rather than a
 * made-up zero; {@code llmSpanCount} and {@code totalTokens} count the trace's LLM calls (see
 * {@code LlmCalls}: each call once, wrappers left out) and {@code costUsd} what they cost, when the whole trace is at
 * hand. {@code services} and
 * the root span's {@code attributes} are there when a {@link Projection} asks for them (its prompts and outputs in
 * {@code untrustedContent}, apart: see {@code Views.content}).
 */
public record TraceSummaryView(
    String traceId,
    String serviceName,
    String operationName,
    Instant startTime,
    double durationMs,
    String status,
    Integer spanCount,
    Integer errorSpanCount,
    Integer llmSpanCount,
    Long totalTokens,
    Double costUsd,
    Boolean costIsPartial,
    List<String> services,
    Map<String, Object> attributes,
    Map<String, Object> untrustedContent) {

  /** The row of a trace known by its summary only: no LLM figures. */
  public static TraceSummaryView of(TraceSummary summary) {
    Integer errors = summary.errorSpanCount();
    String status = (errors == null ? StatusCode.UNSET : errors > 0 ? StatusCode.ERROR : StatusCode.OK).wireName();
    return new TraceSummaryView(
        summary.traceId(),
        summary.rootServiceName(),
        summary.rootOperationName(),
        summary.startTime(),
        Views.millis(summary.duration()),
        status,
        summary.spanCount(),
        errors,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The summary of a whole trace whose LLM calls the caller has already read and priced. */
  public static TraceSummaryView of(Trace trace, List<LlmCall> calls) {
    TokenTotals totals = TokenTotals.of(calls);
    return new TraceSummaryView(
        trace.traceId(),
        trace.serviceName(),
        trace.rootOperation(),
        trace.startTime(),
        Views.millis(trace.duration()),
        trace.status().wireName(),
        trace.spanCount(),
        (int) trace.errorSpanCount(),
        calls.size(),
        totals.totalTokens(),
        totals.costUsd(),
        totals.costIsPartial(),
        null,
        null,
        null);
  }

  /** This summary with what {@code projection} asks for besides the compact columns. */
  public TraceSummaryView with(Trace trace, Projection projection) {
    return new TraceSummaryView(traceId, serviceName, operationName, startTime, durationMs, status, spanCount,
        errorSpanCount, llmSpanCount, totalTokens, costUsd, costIsPartial,
        projection.includes(Projection.SERVICES) ? trace.services() : null,
        projection.attributes(trace.root().attributes(), SpanRow.MAX_VALUE_CHARS),
        projection.content(trace.root().attributes(), SpanRow.MAX_VALUE_CHARS));
  }
}
