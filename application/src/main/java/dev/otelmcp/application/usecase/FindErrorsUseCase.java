package dev.otelmcp.application.usecase;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.search.TraceSearchOutcome;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.application.view.TraceSummaryView;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.ErrorDetails;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code find_errors}: traces with failed spans, and for each failed span what went wrong, read from its
 * exception events, status message and error attributes.
 */
public final class FindErrorsUseCase {

  public record Request(TimeRange window, List<Filter> filters, int limit) {}

  /** One failed span. {@code stackTrace} is cut to the configured length ({@code stackTraceTruncated}). */
  public record ErrorSpanView(
      String spanId,
      String operationName,
      String serviceName,
      Instant startTime,
      String errorType,
      String errorMessage,
      String stackTrace,
      Boolean stackTraceTruncated,
      int exceptionCount,
      Boolean isLlmError,
      String llmProvider,
      String llmModel) {}

  public record ErrorTraceView(TraceSummaryView trace, List<ErrorSpanView> errorSpans) {}

  public record Result(int count, List<ErrorTraceView> errorTraces, boolean truncated, String hint, Scope scope) {}

  private static final Filter FAILED = Filter.of("status", FilterOperator.EQUALS, FilterValueType.STRING, List.of("ERROR"));

  private final TraceSearcher searcher;
  private final ApplicationSettings settings;

  @Inject
  public FindErrorsUseCase(TraceSearcher searcher, ApplicationSettings settings) {
    this.searcher = searcher;
    this.settings = settings;
  }

  public Result execute(Request request) {
    List<Filter> filters = new ArrayList<>(request.filters());
    filters.add(FAILED);
    TraceSearchOutcome outcome = searcher.search(request.window(), filters, request.limit(), true);
    List<ErrorTraceView> traces = new ArrayList<>();
    int spans = 0;
    for (var hit : outcome.hits()) {
      Trace trace = (Trace) hit;
      spans += trace.spanCount();
      List<ErrorSpanView> errors = new ArrayList<>();
      for (Span span : trace.spans()) {
        if (span.isError()) {
          errors.add(view(span, ErrorDetails.of(span)));
        }
      }
      traces.add(new ErrorTraceView(TraceSummaryView.of(trace), errors));
    }
    boolean cut = outcome.moreAvailable() || outcome.scanCapped();
    return new Result(
        traces.size(),
        traces,
        cut,
        ResultHints.forList("error traces", traces.size(), request.limit(), outcome.moreAvailable(),
            outcome.scanCapped(), outcome.tracesScanned() + " traces"),
        Scope.of(request.window(), outcome.tracesScanned(), spans, cut));
  }

  private ErrorSpanView view(Span span, Optional<ErrorDetails> details) {
    ErrorDetails d = details.orElse(new ErrorDetails(null, null, null, 0));
    String stack = d.stackTrace();
    Boolean truncated = null;
    if (stack != null && stack.length() > settings.stackTraceChars()) {
      stack = stack.substring(0, settings.stackTraceChars());
      truncated = true;
    }
    Optional<LlmCall> llm = LlmCalls.read(span);
    return new ErrorSpanView(span.spanId(), span.name(), span.serviceName(), span.startTime(), d.type(),
        d.message(), stack, truncated, d.exceptionCount(), llm.isPresent() ? Boolean.TRUE : null,
        llm.map(LlmCall::provider).orElse(null), llm.map(LlmCall::model).orElse(null));
  }
}
