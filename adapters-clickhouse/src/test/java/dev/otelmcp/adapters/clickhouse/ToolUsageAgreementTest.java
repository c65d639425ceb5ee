package dev.otelmcp.adapters.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.llm.ToolGroup;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.LlmToolUsage;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.ExpectedToolGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL reading of tool calls ({@code ToolColumns}, {@code ClickHouseToolUsage}) and the domain's Java reading
 * ({@code ToolCalls.of}) agree on spans made to tell them apart: a tool inside the same tool (directly and through a
 * plain span) and inside another, names from each name key, padded, and from span names with each prefix and the
 * suffix, protocol traffic and blank names, roles declared by a later key or overruled by an earlier one, an MCP method
 * that is almost {@code tools/call}, failures three ways, a tool span of another service, and providers named only by
 * a wrapper.
 */
class ToolUsageAgreementTest {

  private static final String DATABASE = "otel_tools";
  private static final Instant START = Instant.parse("2026-04-03T08:00:00Z");
  private static final TimeRange WINDOW = new TimeRange(START.minusSeconds(60), START.plusSeconds(3600));
  private static int spans;

  @BeforeAll
  static void load() {
    SampleTables.loadedWith(DATABASE, spans());
  }

  @Test
  void theSqlCountsWhatTheDomainFindsToolByToolAndService() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), DATABASE)) {
      List<Trace> traces = store.searchTraces(new TraceQuery(WINDOW, List.of(), 100)).hits().stream()
          .map(Trace.class::cast).toList();
      assertThat(traces.stream().mapToInt(Trace::spanCount).sum()).isEqualTo(spans);
      LlmToolUsage usage = store.llmToolUsage().orElseThrow();
      for (List<String> criteria : List.of(Arrays.asList((String) null, null), Arrays.asList("OPENAI", null),
          Arrays.asList("anthropic", null), Arrays.asList("mistral", null), Arrays.asList((String) null, "agent"),
          Arrays.asList((String) null, "tool-server"), Arrays.asList("openai", "tool-server"))) {
        List<ToolGroup> groups = new ArrayList<>();
        LlmToolUsage.Report report = usage.count(
            new LlmToolUsage.Request(WINDOW, List.of(), 100, criteria.get(0), criteria.get(1)), groups::add);

        assertThat(ExpectedToolGroups.byKey(groups)).as("provider, tool service %s", criteria)
            .isEqualTo(ExpectedToolGroups.of(traces, criteria.get(0), criteria.get(1)));
        assertThat(report.tracesRead()).isEqualTo(traces.size());
        assertThat(report.spansRead()).isEqualTo(spans);
        assertThat(report.llmCalls()).isEqualTo(ExpectedToolGroups.llmCalls(traces));
        assertThat(report.llmWarnings()).isEqualTo(ExpectedToolGroups.llmWarnings(traces)).isEqualTo(1);
      }
      // The data tells the readings apart: nested repeats count once, protocol traffic and blank names are no tools.
      Map<String, ToolGroup> every = ExpectedToolGroups.of(traces, null, null);
      assertThat(every.keySet()).containsExactly("book | agent", "fetch | sums", "get_weather | sums",
          "lookup | sums", "notify | sums", "search | agent", "search | tool-server");
      assertThat(every.get("search | agent").calls()).as("two in trace 1 (its nested repeats left out), one in 3")
          .isEqualTo(3);
      assertThat(every.get("notify | sums").errors()).isEqualTo(3);
      assertThat(ExpectedToolGroups.of(traces, "mistral", null)).isEmpty();
    }
  }

  @Test
  void aSampleCountsTheNewestTracesAndTheFiltersAreEvaluatedInSql() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), DATABASE)) {
      List<Filter> filters = List.of(Filter.equalsString("service.name", "sums"));
      List<Trace> newest = store.searchTraces(new TraceQuery(WINDOW, filters, 2)).hits().stream()
          .map(Trace.class::cast).toList();
      List<ToolGroup> groups = new ArrayList<>();

      LlmToolUsage.Report report = store.llmToolUsage().orElseThrow()
          .count(new LlmToolUsage.Request(WINDOW, filters, 1, null, null), groups::add);

      assertThat(ExpectedToolGroups.byKey(groups)).isEqualTo(ExpectedToolGroups.of(newest.subList(0, 1), null, null));
      assertThat(report.tracesRead()).isEqualTo(1);
      assertThat(report.moreAvailable()).isEqualTo(newest.size() > 1);
    }
  }

  private static List<Span> spans() {
    List<Span> all = new ArrayList<>();
    // Trace 1: an OpenAI call; search (padded name) with the MCP client's call of the same tool inside it, directly
    // and through a plain span; book inside search; search once more in a tool server of its own.
    all.add(span(1, 1, null, 0, "agent run", Attributes.ofPairs("gen_ai.operation.name", "invoke_agent")));
    all.add(span(1, 2, 1, 1, "chat", Attributes.ofPairs("gen_ai.system", "openai", "gen_ai.request.model", "gpt-4o",
        "gen_ai.usage.input_tokens", "10")));
    all.add(span(1, 3, 1, 2, "execute_tool search", Attributes.ofPairs("gen_ai.operation.name", "execute_tool",
        "gen_ai.tool.name", "  search  ")));
    all.add(span(1, 4, 3, 3, "tools/call search", Attributes.ofPairs("mcp.method.name", "tools/call")));
    all.add(span(1, 5, 3, 4, "http", Attributes.ofPairs("http.method", "POST")));
    all.add(span(1, 6, 5, 5, "search.tool", Attributes.ofPairs("traceloop.span.kind", "tool")));
    all.add(span(1, 7, 3, 6, "book", Attributes.ofPairs("openinference.span.kind", "TOOL", "tool.name", "book")));
    all.add(span(1, 8, 1, 7, "execute_tool search", Attributes.ofPairs("gen_ai.operation.name", "execute_tool")));
    all.add(Span.builder().traceId(traceId(1)).spanId(spanId(1, 9)).parentSpanId(spanId(1, 1))
        .name("tools/call search").kind(SpanKind.SERVER).startTime(START.plusSeconds(8)).duration(Duration.ofMillis(70))
        .resource(Attributes.ofPairs("service.name", "tool-server"))
        .attributes(Attributes.ofPairs("mcp.method.name", "tools/call", "gen_ai.tool.name", "search")).build());
    // Trace 2: an Anthropic call; names from span names with the suffix and each prefix; protocol traffic; blank
    // names; a role declared by a later key, one overruled by an earlier key; an almost-MCP method; failures.
    all.add(span(2, 1, null, 10, "run", Attributes.ofPairs("traceloop.span.kind", "workflow")));
    all.add(span(2, 2, 1, 11, "anthropic.chat", Attributes.ofPairs("gen_ai.system", "Anthropic",
        "gen_ai.request.model", "claude-3-haiku", "gen_ai.usage.input_tokens", "n/a",
        "gen_ai.usage.prompt_tokens", "20")));
    all.add(span(2, 3, 1, 12, " get_weather.tool ", Attributes.ofPairs("traceloop.span.kind", " TOOL ")));
    all.add(span(2, 4, 1, 13, "execute_tool   lookup ", Attributes.ofPairs("openinference.span.kind", "tool")));
    all.add(span(2, 5, 1, 14, "tools/call fetch", Attributes.ofPairs("mcp.method.name", "tools/call")));
    all.add(span(2, 6, 1, 15, "tools/list", Attributes.ofPairs("mcp.method.name", "tools/list")));
    all.add(span(2, 7, 1, 16, "tools/list", Attributes.ofPairs("mcp.method.name", "tools/call")));
    all.add(span(2, 8, 1, 17, "  ", Attributes.ofPairs("traceloop.span.kind", "tool", "gen_ai.tool.name", "  ")));
    all.add(span(2, 9, 1, 18, "notify", Attributes.ofPairs("gen_ai.operation.name", "chat",
        "traceloop.span.kind", "tool", "error.type", "500")));
    all.add(span(2, 10, 1, 19, "notify", Attributes.ofPairs("gen_ai.operation.name", "invoke_agent",
        "traceloop.span.kind", "tool")));
    all.add(span(2, 11, 1, 20, "notify", Attributes.ofPairs("mcp.method.name", " tools/call")));
    all.add(Span.builder().traceId(traceId(2)).spanId(spanId(2, 12)).parentSpanId(spanId(2, 1)).name("notify")
        .kind(SpanKind.INTERNAL).startTime(START.plusSeconds(21)).duration(Duration.ofNanos(1_234_567))
        .status(new SpanStatus(StatusCode.ERROR, "down")).resource(Attributes.ofPairs("service.name", "sums"))
        .attributes(Attributes.ofPairs("traceloop.span.kind", "tool")).build());
    all.add(Span.builder().traceId(traceId(2)).spanId(spanId(2, 13)).parentSpanId(spanId(2, 1)).name("notify.tool")
        .kind(SpanKind.INTERNAL).startTime(START.plusSeconds(22)).duration(Duration.ofNanos(7))
        .events(List.of(new SpanEvent("exception", START.plusSeconds(22), Attributes.ofPairs("exception.type", "IO"))))
        .resource(Attributes.ofPairs("service.name", "sums"))
        .attributes(Attributes.ofPairs("traceloop.span.kind", "tool")).build());
    // Trace 3: tools but no LLM call. Trace 4: Mistral named only by a wrapper above an OpenAI call.
    all.add(span(3, 1, null, 30, "execute_tool search", Attributes.ofPairs("gen_ai.operation.name", "execute_tool")));
    all.add(span(4, 1, null, 40, "wrapper", Attributes.ofPairs("gen_ai.system", "mistral", "gen_ai.request.model",
        "gpt-4o", "gen_ai.usage.input_tokens", "5")));
    all.add(span(4, 2, 1, 41, "chat", Attributes.ofPairs("gen_ai.system", "openai", "gen_ai.request.model", "gpt-4o",
        "gen_ai.usage.input_tokens", "5")));
    all.add(span(4, 3, 1, 42, "lookup.tool", Attributes.ofPairs("traceloop.span.kind", "tool")));
    spans = all.size();
    return all;
  }

  private static Span span(int trace, int span, Integer parent, int second, String name, Attributes attributes) {
    return Span.builder().traceId(traceId(trace)).spanId(spanId(trace, span))
        .parentSpanId(parent == null ? "" : spanId(trace, parent)).name(name).kind(SpanKind.INTERNAL)
        .startTime(START.plusSeconds(second)).duration(Duration.ofNanos(1_000_000L * (100 + span) + 333))
        .resource(Attributes.ofPairs("service.name", trace % 2 == 0 ? "sums" : "agent")).attributes(attributes)
        .build();
  }

  private static String traceId(int trace) {
    return String.format("%032x", 0x7a0000L + trace);
  }

  private static String spanId(int trace, int span) {
    return String.format("%016x", 0x9000L + trace * 100L + span);
  }
}
