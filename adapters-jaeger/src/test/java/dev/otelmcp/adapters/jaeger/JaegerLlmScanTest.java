package dev.otelmcp.adapters.jaeger;

import static dev.otelmcp.adapters.jaeger.SearchableJaeger.BASE;
import static dev.otelmcp.adapters.jaeger.SearchableJaeger.MINUTE;
import static dev.otelmcp.adapters.jaeger.SearchableJaeger.WINDOW;
import static dev.otelmcp.adapters.jaeger.SearchableJaeger.span;
import static dev.otelmcp.adapters.jaeger.SearchableJaeger.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.LlmViewFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Jaeger store's own LLM call scan ({@link JaegerLlmScan}) against a Jaeger that honours a search's service, end
 * and limit: a window fuller than one search is read in rounds, newest first, each trace once; only the tags the LLM
 * views read are kept, with the same calls and figures as the whole trace; the calls are prepared where they are read;
 * a service that refuses is named, and a call that must stop stops between rounds, saying from where it read.
 */
class JaegerLlmScanTest {

  /** The trace spanning both services (ids are read as 32 hex digits). */
  private static final String CROSSING = "00000000000000000000000000000c01";
  /** Most traces one search asks for: small, so that the window takes rounds. */
  private static final int SEARCH_LIMIT = 3;

  private SearchableJaeger jaeger;
  private JaegerTraceStore store;

  @AfterEach
  void close() {
    if (jaeger != null) {
      jaeger.close();
    }
  }

  /** An LLM call's tags, with a prompt and an attribute no LLM view reads. */
  private static String[] callTags(String model) {
    return new String[] {"gen_ai.request.model", "string", "\"" + model + "\"",
        "gen_ai.usage.input_tokens", "int64", "10", "gen_ai.usage.output_tokens", "int64", "5",
        "gen_ai.prompt.0.content", "string", "\"" + "a long prompt ".repeat(20) + "\"",
        "span.kind", "string", "\"client\"", "custom.key", "string", "\"x\""};
  }

  /**
   * Ten traces of "agent" a minute apart, four of "tools" between them, two of "rare" (the newest and the oldest), and
   * one trace spanning "agent" and "tools".
   */
  private JaegerTraceStore storeOverTwoServices(Set<String> refusing) throws Exception {
    List<SearchableJaeger.StoredTrace> traces = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      traces.add(trace(String.format("a%02d", i), span("1" + i, "agent", BASE + i * MINUTE, callTags("gpt-4o"))));
    }
    for (int i = 1; i <= 4; i++) {
      traces.add(trace(String.format("b%02d", i), span("2" + i, "tools", BASE + i * MINUTE + MINUTE / 2,
          callTags("claude-sonnet-4"))));
    }
    // A service with only two traces, the newest and the oldest of the window: its answer holds all of it at once.
    traces.add(trace("d01", span("41", "rare", BASE + 9 * MINUTE + MINUTE / 2, callTags("gpt-4o"))));
    traces.add(trace("d02", span("42", "rare", BASE + MINUTE / 2, callTags("gpt-4o"))));
    traces.add(trace("c01", span("31", "agent", BASE + 6 * MINUTE + MINUTE / 5, "span.kind", "string", "\"server\""),
        span("32", "tools", BASE + 6 * MINUTE + MINUTE / 4, callTags("gpt-4o-mini"))));
    jaeger = new SearchableJaeger(traces, refusing);
    store = jaeger.store(SEARCH_LIMIT);
    return store;
  }

  private List<String> searchedNewestFirst(List<Filter> filters) {
    return store.searchTraces(new TraceQuery(WINDOW, filters, 100)).hits().stream().map(TraceHit::traceId).toList();
  }

  @Test
  void aWindowFullerThanOneSearchIsReadInRoundsNewestFirstEachTraceOnce() throws Exception {
    storeOverTwoServices(Set.of());
    List<String> visited = new ArrayList<>();

    LlmCallScan.Report report = store.llmCallScan().orElseThrow().scan(WINDOW, List.of(), Integer.MAX_VALUE,
        (trace, calls) -> visited.add(trace.traceId()));

    List<Map<String, String>> searches = jaeger.searches();
    List<Integer> returned = jaeger.returned();
    assertThat(visited).hasSize(17).doesNotHaveDuplicates().isEqualTo(searchedNewestFirst(List.of()));
    assertThat(report.tracesRead()).isEqualTo(17);
    assertThat(report.spansRead()).isEqualTo(18);
    assertThat(report.moreAvailable()).isFalse();
    assertThat(report.shortfall()).isNull();
    List<Long> agentEnds = searches.stream().filter(q -> q.get("service").equals("agent"))
        .map(q -> Long.parseLong(q.get("end"))).toList();
    assertThat(agentEnds).as("each round searches up to where the last one's full answers reached")
        .hasSizeGreaterThan(2).isSortedAccordingTo(Collections.reverseOrder());
    assertThat(searches).allSatisfy(q -> assertThat(q.get("limit")).isEqualTo(Integer.toString(SEARCH_LIMIT)));
    for (String service : List.of("agent", "tools", "rare")) {
      List<Integer> sizes = new ArrayList<>();
      for (int i = 0; i < searches.size(); i++) {
        if (searches.get(i).get("service").equals(service)) {
          sizes.add(returned.get(i));
        }
      }
      assertThat(sizes.subList(0, sizes.size() - 1)).as("%s is asked again only after a full answer", service)
          .allSatisfy(size -> assertThat(size).isEqualTo(SEARCH_LIMIT));
    }
  }

  @Test
  void aScanStopsAtItsLimitAndSaysMoreRemain() throws Exception {
    storeOverTwoServices(Set.of());
    List<String> visited = new ArrayList<>();

    LlmCallScan.Report report = store.llmCallScan().orElseThrow().scan(WINDOW, List.of(), 2,
        (trace, calls) -> visited.add(trace.traceId()));

    assertThat(jaeger.searches()).allSatisfy(q -> assertThat(q.get("limit")).as("one more than wanted").isEqualTo("3"));
    assertThat(visited).isEqualTo(searchedNewestFirst(List.of()).subList(0, 2));
    assertThat(report.moreAvailable()).isTrue();
  }

  @Test
  void onlyTheTagsTheLlmViewsReadAreKeptWithTheWholeTracesCallsAndFigures() throws Exception {
    storeOverTwoServices(Set.of());
    Map<String, Trace> whole = new LinkedHashMap<>();
    store.searchTraces(new TraceQuery(WINDOW, List.of(), 100)).hits().forEach(h -> whole.put(h.traceId(), (Trace) h));
    Map<String, Trace> read = new LinkedHashMap<>();
    Map<String, List<LlmCall>> calls = new LinkedHashMap<>();

    store.llmCallScan().orElseThrow().scan(WINDOW, List.of(), Integer.MAX_VALUE, (trace, found) -> {
      read.put(trace.traceId(), trace);
      calls.put(trace.traceId(), found);
    });

    assertThat(read.keySet()).isEqualTo(whole.keySet());
    for (Trace trace : read.values()) {
      Trace all = whole.get(trace.traceId());
      assertThat(LlmViewFigures.of(trace)).as("figures of %s", trace.traceId()).isEqualTo(LlmViewFigures.of(all));
      assertThat(calls.get(trace.traceId())).extracting(call -> call.span().spanId())
          .isEqualTo(LlmCalls.of(all).stream().map(call -> call.span().spanId()).toList());
      for (Span span : trace.spans()) {
        assertThat(span.attributes().asMap()).doesNotContainKeys("gen_ai.prompt.0.content", "custom.key");
      }
    }
    Span call = read.get(CROSSING).spans().stream().filter(s -> s.spanId().endsWith("32")).findFirst().orElseThrow();
    assertThat(call.attributes().asMap()).containsKeys("gen_ai.request.model", "gen_ai.usage.input_tokens");
    assertThat(call.kind()).as("a tag the mapping turns into a span field").isEqualTo(SpanKind.CLIENT);
    assertThat(whole.get(CROSSING).spans()).anySatisfy(
        s -> assertThat(s.attributes().asMap()).containsKeys("gen_ai.prompt.0.content", "custom.key"));
  }

  @Test
  void anAttributeAFilterComparesIsKeptForTheFilter() throws Exception {
    storeOverTwoServices(Set.of());
    List<Filter> filters = List.of(Filter.equalsString("custom.key", "x"));
    List<Trace> read = new ArrayList<>();

    store.llmCallScan().orElseThrow().scan(WINDOW, filters, Integer.MAX_VALUE, (trace, calls) -> read.add(trace));

    assertThat(read).extracting(Trace::traceId).isEqualTo(searchedNewestFirst(filters)).hasSize(17);
    assertThat(read).allSatisfy(trace -> assertThat(trace.spans()).anySatisfy(
        span -> assertThat(span.attributes().getText("custom.key")).contains("x")));
  }

  @Test
  void callsArePreparedWhereTheyAreReadAndVisitedAsPrepared() throws Exception {
    storeOverTwoServices(Set.of());
    Set<List<LlmCall>> prepared = Collections.newSetFromMap(Collections.synchronizedMap(new IdentityHashMap<>()));
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<List<LlmCall>> visited = new ArrayList<>();

    store.llmCallScan().orElseThrow().scan(WINDOW, List.of(), Integer.MAX_VALUE, new LlmCallScan.Visitor() {
      @Override
      public void visit(Trace trace, List<LlmCall> calls) {
        visited.add(calls);
      }

      @Override
      public List<LlmCall> prepare(List<LlmCall> calls) {
        threads.add(Thread.currentThread().getName());
        List<LlmCall> copy = new ArrayList<>(calls);
        prepared.add(copy);
        return copy;
      }
    });

    assertThat(visited).hasSize(17).allSatisfy(calls -> assertThat(prepared).as("what prepare made").anySatisfy(
        made -> assertThat(made).isSameAs(calls)));
    // Read, and so prepared, in the fan-out's threads (a round with one service left reads it on the caller's).
    assertThat(threads).anySatisfy(name -> assertThat(name).contains("jaeger-fanout"));
  }

  @Test
  void aServiceThatRefusesIsNamedAndTheOthersAreRead() throws Exception {
    storeOverTwoServices(Set.of("tools"));
    List<String> visited = new ArrayList<>();

    LlmCallScan.Report report = store.llmCallScan().orElseThrow().scan(WINDOW, List.of(), Integer.MAX_VALUE,
        (trace, calls) -> visited.add(trace.traceId()));

    assertThat(visited).hasSize(13).allSatisfy(id -> assertThat(id).matches("0+(a\\d\\d|d\\d\\d|c01)"));
    assertThat(report.shortfall()).isNotNull();
    assertThat(report.shortfall().failedParts()).singleElement().asString().contains("service tools");
  }

  @Test
  void aCallThatMustStopStopsBetweenRoundsAndSaysFromWhereItRead() throws Exception {
    storeOverTwoServices(Set.of());
    CallContext call = CallContext.startingNow(Duration.ofMinutes(1), Duration.ofSeconds(5), (d, t, m) -> { });
    List<Trace> visited = new ArrayList<>();

    LlmCallScan.Report report = call.call(() -> store.llmCallScan().orElseThrow().scan(WINDOW, List.of(),
        Integer.MAX_VALUE, (trace, calls) -> {
          visited.add(trace);
          call.cancel();
        }));

    assertThat(report.tracesRead()).isEqualTo(visited.size()).isBetween(1, 16);
    assertThat(report.moreAvailable()).isTrue();
    assertThat(report.shortfall().stoppedBy()).isEqualTo(StopReason.CANCELLED);
    Instant oldest = visited.stream().map(Trace::startTime).min(Instant::compareTo).orElseThrow();
    assertThat(report.shortfall().searchedFrom()).as("read whole from there to the window's end").isEqualTo(oldest);
    assertThat(visited).extracting(Trace::traceId).isEqualTo(searchedNewestFirst(List.of()).subList(0, visited.size()));
  }

  @Test
  void moreTracesStartingAtOneInstantThanASearchReturnsAreReadOnceAndTheRestNamed() throws Exception {
    List<SearchableJaeger.StoredTrace> traces = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      traces.add(trace("e0" + i, span("5" + i, "agent", BASE + MINUTE, callTags("gpt-4o"))));
    }
    jaeger = new SearchableJaeger(traces, Set.of());
    store = jaeger.store(SEARCH_LIMIT);
    List<String> visited = new ArrayList<>();

    LlmCallScan.Report report = store.llmCallScan().orElseThrow().scan(WINDOW, List.of(), Integer.MAX_VALUE,
        (trace, calls) -> visited.add(trace.traceId()));

    assertThat(visited).hasSize(SEARCH_LIMIT).doesNotHaveDuplicates();
    assertThat(report.moreAvailable()).isTrue();
    assertThat(report.shortfall().failedParts()).singleElement().asString()
        .contains("more than 3 traces start at", "cannot be paged past");
  }
}
