package dev.otelmcp.application.usecase;

import static dev.otelmcp.application.TestTraces.T0;
import static dev.otelmcp.application.TestTraces.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.application.InMemoryTraceStore;
import dev.otelmcp.application.TestPrices;
import dev.otelmcp.application.TestTraces;
import dev.otelmcp.application.errors.ErrorGroups;
import dev.otelmcp.application.page.After;
import dev.otelmcp.application.search.SpanSearcher;
import dev.otelmcp.application.search.TraceHydrator;
import dev.otelmcp.application.search.TraceSearcher;
import dev.otelmcp.application.trace.AttributeText;
import dev.otelmcp.application.trace.SpanSelection;
import dev.otelmcp.application.trace.TraceOverview;
import dev.otelmcp.application.trace.TraceSpans;
import dev.otelmcp.application.view.Projection;
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
import java.util.Set;
import org.junit.jupiter.api.Test;

class UseCasesTest {

  private static final TimeRange WINDOW = new TimeRange(T0.minusSeconds(10), T0.plusSeconds(10_000));
  /** No {@code fields}: the compact default columns only. */
  private static final Projection NO_FIELDS = Projection.parse(List.of(), Set.of());

  private static Trace failingLlmCall() {
    Span root = TestTraces.span(5, 1, null, "agent", "workflow", 5, 900, false);
    Span failed = TestTraces.span(5, 2, TestTraces.spanId(5, 1), "agent", "openai.chat", 5, 400, false,
            "gen_ai.request.model", "gpt-4o").toBuilder()
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

  private static FindErrorsUseCase findErrors(InMemoryTraceStore store, ApplicationSettings settings) {
    TraceSearcher traces = new TraceSearcher(store, new TraceHydrator(store, settings), settings);
    return new FindErrorsUseCase(traces, new SpanSearcher(store, traces, settings), settings);
  }

  @Test
  void findErrorsGroupsFailuresWithTotalsAndAnExemplarStackCut() {
    Trace again = new Trace(TestTraces.traceId(7), failingLlmCall().spans().stream()
        .map(s -> s.toBuilder().traceId(TestTraces.traceId(7)).startTime(s.startTime().plusSeconds(60)).build()).toList());
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(failingLlmCall(), again, simple(6, "agent", "ok", 10, false)));
    ApplicationSettings settings = new ApplicationSettings(Duration.ofHours(24), 100, 2, 120);

    FindErrorsUseCase.Grouped result = findErrors(store, settings).grouped(
        new FindErrorsUseCase.Request(WINDOW, List.of(), FindErrorsUseCase.GroupBy.ERROR, 10, null));

    assertThat(result.errorTraceCount()).isEqualTo(2);
    assertThat(result.errorSpanCount()).isEqualTo(4);
    assertThat(result.groupCount()).isEqualTo(2);
    ErrorGroups.Group llm = result.groups().stream().filter(g -> g.operationName().equals("openai.chat")).findFirst().orElseThrow();
    assertThat(llm.count()).isEqualTo(2);
    assertThat(llm.traceCount()).isEqualTo(2);
    assertThat(llm.errorType()).isEqualTo("openai.RateLimitError");
    assertThat(llm.messagePattern()).isEqualTo("Rate limit reached for gpt-<n>o");
    assertThat(llm.exampleTraceIds()).containsExactly(TestTraces.traceId(7), TestTraces.traceId(5));
    assertThat(llm.lastSeen()).isAfter(llm.firstSeen());
    assertThat(llm.exemplar().traceId()).isEqualTo(TestTraces.traceId(7));
    assertThat(llm.exemplar().stackTrace()).hasSize(120).startsWith("Traceback");
    assertThat(llm.exemplar().stackTraceTruncated()).isTrue();
    assertThat(llm.isLlmError()).isTrue();
    assertThat(llm.model()).isEqualTo("gpt-4o");
    ErrorGroups.Group db = result.groups().stream().filter(g -> g.operationName().equals("db.query")).findFirst().orElseThrow();
    assertThat(db.messagePattern()).isEqualTo("connection reset");
    assertThat(db.errorType()).isNull();
    assertThat(db.exemplar().stackTrace()).isNull();
    assertThat(result.scope().tracesScanned()).isEqualTo(3);
    assertThat(result.scope().limitReached()).isFalse();
  }

  @Test
  void findErrorsListsFailedSpansNewestFirstAPageAtATime() {
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(failingLlmCall(), simple(6, "agent", "ok", 10, false)));
    FindErrorsUseCase useCase = findErrors(store, ApplicationSettings.DEFAULTS);

    FindErrorsUseCase.Flat first = useCase.flat(
        new FindErrorsUseCase.Request(WINDOW, List.of(), FindErrorsUseCase.GroupBy.NONE, 1, null));
    FindErrorsUseCase.ErrorSpanRow newest = first.errors().get(0);
    FindErrorsUseCase.Flat second = useCase.flat(new FindErrorsUseCase.Request(WINDOW, List.of(),
        FindErrorsUseCase.GroupBy.NONE, 1, new After(newest.startTime(), newest.traceId(), newest.spanId())));

    assertThat(first.truncated()).isTrue();
    assertThat(second.errors()).singleElement().satisfies(row -> assertThat(row.spanId()).isNotEqualTo(newest.spanId()));
    assertThat(List.of(newest.operationName(), second.errors().get(0).operationName()))
        .containsExactlyInAnyOrder("openai.chat", "db.query");
    assertThat(second.truncated()).isFalse();
  }

  @Test
  void getTraceSummarisesAndShowsSpansAndValuesOnRequest() {
    InMemoryTraceStore store = new InMemoryTraceStore(List.of(failingLlmCall()));
    GetTraceUseCase useCase = new GetTraceUseCase(store, TestPrices.pricing());

    TraceOverview overview = useCase.overview("5");
    TraceSpans spans = useCase.spans("5", new SpanSelection.All(), 100);
    String failedId = TestTraces.spanId(5, 2);
    AttributeText stack = useCase.attribute("5", failedId, "exception.stacktrace", 1_000);

    assertThat(overview.trace().traceId()).isEqualTo(TestTraces.traceId(5));
    assertThat(overview.trace().spanCount()).isEqualTo(3);
    assertThat(overview.trace().status()).isEqualTo("error");
    assertThat(overview.errors()).extracting(TraceOverview.ErrorSpan::operationName).containsExactly("openai.chat", "db.query");
    assertThat(overview.spanTree().rows()).hasSize(3);
    assertThat(spans.spans()).hasSize(3);
    assertThat(spans.spans().get(1).events()).hasSize(1);
    assertThat((String) spans.spans().get(1).events().get(0).attributes().get("exception.stacktrace")).endsWith("more chars]");
    assertThat(stack.foundIn()).isEqualTo("event");
    assertThat(String.join("", stack.untrustedChunks())).hasSize(stack.length()).startsWith("Traceback").endsWith("line 1\n");
    assertThatThrownBy(() -> useCase.overview("not-an-id"))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("trace_id");
    assertThatThrownBy(() -> useCase.overview("abcdef"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining("00000000000000000000000000abcdef");
    assertThatThrownBy(() -> useCase.attribute("5", failedId, "no.such.key", 100)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> useCase.attribute("5", "not-a-span", "exception.stacktrace", 100))
        .isInstanceOf(InvalidQueryException.class).hasMessage("span id 'not-a-span' is not a span id");
    assertThat(useCase.attribute("5", failedId.toUpperCase(), "exception.stacktrace", 1_000).spanId())
        .as("a span id in any case is read once, then canonical").isEqualTo(failedId);
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
    TraceHydrator hydrator = new TraceHydrator(store, settings);
    SearchTracesUseCase useCase = new SearchTracesUseCase(new TraceSearcher(store, hydrator, settings), hydrator, TestPrices.pricing());

    SearchTracesUseCase.Result result = useCase.execute(
        new SearchTracesUseCase.Request(WINDOW, List.of(), 1, null, NO_FIELDS));

    assertThat(result.count()).isEqualTo(1);
    assertThat(result.truncated()).isTrue();
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
    TraceHydrator hydrator = new TraceHydrator(store, capped);
    SearchTracesUseCase useCase = new SearchTracesUseCase(new TraceSearcher(store, hydrator, capped), hydrator, TestPrices.pricing());

    SearchTracesUseCase.Result result = useCase.execute(new SearchTracesUseCase.Request(WINDOW,
        List.of(dev.otelmcp.domain.query.Filter.equalsString("gen_ai.request.model", "gpt-4o")), 10, null,
        NO_FIELDS));

    assertThat(result.count()).isEqualTo(3);
    assertThat(result.hint()).startsWith("Stopped after scanning 30 traces (MAX_TRACES_PER_QUERY) with 3 traces found");
    assertThat(result.scope().tracesScanned()).isEqualTo(30);
  }
}
