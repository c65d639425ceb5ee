package dev.otelmcp.application.usecase;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.errors.ErrorGroups;
import dev.otelmcp.application.page.After;
import dev.otelmcp.application.search.SpanSearchOutcome;
import dev.otelmcp.application.search.SpanSearcher;
import dev.otelmcp.application.search.TraceSearchOutcome;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.application.view.Texts;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.ErrorDetails;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code find_errors}: what failed in a window. Grouped (the default), every failed span of the window is
 * read and grouped by service, operation, error type and message pattern, with totals; flat, the failed
 * spans are listed newest first, a page at a time.
 */
public final class FindErrorsUseCase {

  /** How the answer is shaped. */
  public enum GroupBy { ERROR, NONE }

  /**
   * @param filters span conditions (service, operation) a failed span must meet
   * @param limit failed spans per page (flat); groups are paged by the tool
   * @param after where the previous flat page stopped, or {@code null}
   */
  public record Request(TimeRange window, List<Filter> filters, GroupBy groupBy, int limit, After after) {}

  /** The grouped answer; {@code groups} are ordered by count, largest first. */
  public record Grouped(
      int groupCount, List<ErrorGroups.Group> groups, int errorTraceCount, int errorSpanCount, boolean truncated,
      String hint, Scope scope) {}

  /** One failed span of the flat list. */
  public record ErrorSpanRow(
      String traceId, String spanId, String operationName, String serviceName, Instant startTime, String errorType,
      String message, String stackHead, Boolean isLlmError, String model) {}

  public record Flat(int count, List<ErrorSpanRow> errors, boolean truncated, String hint, Scope scope) {}

  static final Filter FAILED = Filter.of("status", FilterOperator.EQUALS, FilterValueType.STRING, List.of("ERROR"));
  private static final int MESSAGE_CHARS = 300;

  private final TraceSearcher traces;
  private final SpanSearcher spans;
  private final ApplicationSettings settings;

  @Inject
  public FindErrorsUseCase(TraceSearcher traces, SpanSearcher spans, ApplicationSettings settings) {
    this.traces = traces;
    this.spans = spans;
    this.settings = settings;
  }

  /** Every failed span of the window (up to MAX_TRACES_PER_QUERY traces), grouped. */
  public Grouped grouped(Request request) {
    List<Filter> filters = withFailed(request.filters());
    TraceSearchOutcome outcome = traces.search(request.window(), filters, settings.maxTracesPerQuery(), true);
    ErrorGroups groups = new ErrorGroups(settings.stackTraceChars());
    int spanCount = 0;
    for (TraceHit hit : outcome.hits()) {
      Trace trace = (Trace) hit;
      spanCount += trace.spanCount();
      for (Span span : trace.spans()) {
        if (span.isError() && FilterEvaluator.matches(span, request.filters())) {
          groups.add(span);
        }
      }
    }
    List<ErrorGroups.Group> ordered = groups.ordered();
    boolean cut = outcome.moreAvailable() || outcome.scanCapped();
    String hint = cut
        ? "Counts cover the newest " + outcome.tracesScanned() + " traces with errors only (MAX_TRACES_PER_QUERY); "
            + "narrow the window or add service_name for complete counts."
        : ordered.isEmpty() ? "No failed spans in this window; widen start_time (e.g. -7d) or check service_name." : null;
    return new Grouped(ordered.size(), ordered, groups.traceCount(), groups.spanCount(), false, hint,
        Scope.of(request.window(), outcome.tracesScanned(), spanCount, cut)
            .covering(outcome.coverage(request.window(), outcome.scanCapped())));
  }

  /** Failed spans, newest first, one page. */
  public Flat flat(Request request) {
    SpanSearchOutcome outcome = spans.search(request.window(), withFailed(request.filters()), request.limit(), request.after());
    List<ErrorSpanRow> rows = new ArrayList<>();
    for (Span span : outcome.spans()) {
      rows.add(row(span));
    }
    boolean cut = outcome.moreAvailable() || outcome.scanCapped();
    return new Flat(rows.size(), rows, cut,
        ResultHints.forList("failed spans", rows.size(), outcome.scanCapped(), outcome.tracesScanned() > 0
            ? outcome.tracesScanned() + " traces" : outcome.spansScanned() + " spans"),
        Scope.of(request.window(), outcome.tracesScanned(), outcome.spansScanned(), cut)
            .covering(outcome.coverage(request.window(), outcome.scanCapped())));
  }

  private static ErrorSpanRow row(Span span) {
    ErrorDetails details = ErrorDetails.of(span).orElse(new ErrorDetails(null, null, null, 0));
    Optional<LlmCall> llm = LlmCalls.read(span);
    return new ErrorSpanRow(span.traceId(), span.spanId(), span.name(), span.serviceName(), span.startTime(),
        details.type(), Texts.cut(details.message(), MESSAGE_CHARS), Texts.stackHead(details.stackTrace()),
        llm.isPresent() ? Boolean.TRUE : null, llm.map(LlmCall::model).orElse(null));
  }

  private static List<Filter> withFailed(List<Filter> filters) {
    List<Filter> all = new ArrayList<>(filters);
    all.add(FAILED);
    return all;
  }
}
