package dev.otelmcp.application.usecase;

import static dev.otelmcp.application.TestTraces.T0;
import static dev.otelmcp.application.TestTraces.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.InMemoryTraceStore;
import dev.otelmcp.application.TestTraces;
import dev.otelmcp.application.search.TraceHydrator;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.view.TraceDetailView;
import dev.otelmcp.domain.error.ErrorCode;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UseCasesTest {

  private static final TimeRange WINDOW = new TimeRange(T0.minusSeconds(10), T0.plusSeconds(10_000));

  private static Trace failingLlmCall() {
    Span root = TestTraces.span(5, 1, null, "agent", "workflow", 5, 900, false);
    Span failed = TestTraces.span(5, 2, TestTraces.spanId(5, 1), "agent", "openai.chat", 5, 400, false).toBuilder()
        .status(SpanStatus.error(""))
        .events(List.of(new SpanEvent("exception", T0.plusSeconds(6), Attributes.ofPairs(
            "exception.type", "openai.RateLimitError",
            "exception.message", "Rate limit reached for gpt-4o",
            "exception.stacktrace", "Traceback (most recent call last):\n" + "  File \"x.py\", line 1\n".repeat(200)))))
        .build();
    Span statusOnly = TestTraces.span(5, 3, TestTraces.spanId(5, 1), "agent", "db.query", 5, 10, false).toBuilder()
        .status(SpanStatus.error("connection reset")).build();
    return new Trace(TestTraces.traceId(5), List.of(root, failed, statusOnly));
  }

  @Test
  void findErrorsReadsExceptionEventsAndStatusMessagesAndCutsStackTraces() {
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(failingLlmCall(), simple(6, "agent", "ok", 10, false)));
    ApplicationSettings settings = new ApplicationSettings(Duration.ofHours(24), 100, 2, 120);
    FindErrorsUseCase useCase = new FindErrorsUseCase(
        new TraceSearcher(store, new TraceHydrator(store, settings), settings), settings);

    FindErrorsUseCase.Result result = useCase.execute(new FindErrorsUseCase.Request(WINDOW, List.of(), 10));

    assertThat(result.count()).isEqualTo(1);
    FindErrorsUseCase.ErrorTraceView trace = result.errorTraces().get(0);
    assertThat(trace.trace().traceId()).isEqualTo(TestTraces.traceId(5));
    assertThat(trace.trace().errorSpanCount()).isEqualTo(2);
    FindErrorsUseCase.ErrorSpanView llm = trace.errorSpans().get(0);
    assertThat(llm.operationName()).isEqualTo("openai.chat");
    assertThat(llm.errorType()).isEqualTo("openai.RateLimitError");
    assertThat(llm.errorMessage()).isEqualTo("Rate limit reached for gpt-4o");
    assertThat(llm.stackTrace()).hasSize(120).startsWith("Traceback");
    assertThat(llm.stackTraceTruncated()).isTrue();
    assertThat(llm.exceptionCount()).isEqualTo(1);
    FindErrorsUseCase.ErrorSpanView db = trace.errorSpans().get(1);
    assertThat(db.errorMessage()).isEqualTo("connection reset");
    assertThat(db.errorType()).isNull();
    assertThat(db.stackTrace()).isNull();
    assertThat(result.scope().tracesScanned()).isEqualTo(2);
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void getTraceNormalisesTheIdAndRejectsWhatIsNotOne() {
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(failingLlmCall()));
    GetTraceUseCase useCase = new GetTraceUseCase(store);

    TraceDetailView view = useCase.execute("5");

    assertThat(view.traceId()).isEqualTo(TestTraces.traceId(5));
    assertThat(view.spanCount()).isEqualTo(3);
    assertThat(view.status()).isEqualTo("ERROR");
    assertThat(view.spans().get(1).events()).hasSize(1);
    assertThatThrownBy(() -> useCase.execute("not-an-id"))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("trace_id");
    assertThatThrownBy(() -> useCase.execute("abcdef"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining("00000000000000000000000000abcdef");
  }

  @Test
  void listOperationsOfAnUnknownServiceIsNotFoundNotAnEmptyList() {
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(failingLlmCall()));
    ListOperationsUseCase useCase = new ListOperationsUseCase(store);

    assertThat(useCase.execute("agent", WINDOW).operations())
        .extracting(ListOperationsUseCase.OperationView::name)
        .containsExactly("db.query", "openai.chat", "workflow");
    assertThatThrownBy(() -> useCase.execute("Agent", WINDOW))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("'Agent'");
  }

  @Test
  void searchTracesEchoesTheWindowAndSaysWhenTheListWasCut() {
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(simple(1, "a", "op", 5, false), simple(2, "a", "op", 5, false)));
    ApplicationSettings settings = ApplicationSettings.DEFAULTS;
    SearchTracesUseCase useCase = new SearchTracesUseCase(
        new TraceSearcher(store, new TraceHydrator(store, settings), settings));

    SearchTracesUseCase.Result result = useCase.execute(new SearchTracesUseCase.Request(WINDOW, List.of(), 1));

    assertThat(result.count()).isEqualTo(1);
    assertThat(result.truncated()).isTrue();
    assertThat(result.hint()).contains("limit");
    assertThat(result.scope().startTime()).isEqualTo(WINDOW.start());
    assertThat(result.scope().endTime()).isEqualTo(WINDOW.end());
    assertThat(result.scope().limitReached()).isTrue();
  }

  @Test
  void aCappedSearchSaysHowManyTracesItScanned() {
    List<Trace> traces = java.util.stream.IntStream.rangeClosed(1, 100)
        .mapToObj(i -> simple(i, "a", "op", 5, false, "gen_ai.request.model", i % 10 == 0 ? "gpt-4o" : "other"))
        .toList();
    InMemoryTraceStore store = new InMemoryTraceStore(traces);
    ApplicationSettings capped = new ApplicationSettings(Duration.ofHours(24), 30, 8, 2000);
    SearchTracesUseCase useCase = new SearchTracesUseCase(new TraceSearcher(store, new TraceHydrator(store, capped), capped));

    SearchTracesUseCase.Result result = useCase.execute(new SearchTracesUseCase.Request(WINDOW,
        List.of(dev.otelmcp.domain.query.Filter.equalsString("gen_ai.request.model", "gpt-4o")), 10));

    assertThat(result.count()).isEqualTo(3);
    assertThat(result.hint()).startsWith("Stopped after scanning 30 traces (MAX_TRACES_PER_QUERY) with 3 traces found");
    assertThat(result.scope().tracesScanned()).isEqualTo(30);
  }
}
