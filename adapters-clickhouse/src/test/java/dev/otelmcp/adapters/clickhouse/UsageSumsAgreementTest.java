package dev.otelmcp.adapters.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.error.CallStoppedException;
import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.port.LlmUsageSums;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.ExpectedCallGroups;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL reading of calls ({@code CallColumns}, {@code ClickHouseUsageSums}) and the domain's Java reading agree on
 * spans made to tell them apart: wrappers above calls with usage through spans that are no calls, wrappers above calls
 * without usage, token figures that cannot be read (each a warning) and ones that can in every decimal form, blank
 * models, roles declared with spaces, tabs and capitals, failures by status, exception event and error type, the
 * instrumentation scopes whose billable tokens differ, and a call whose cached tokens exceed its input.
 */
class UsageSumsAgreementTest {

  private static final String DATABASE = "otel_sums";
  private static final Instant START = Instant.parse("2026-04-02T08:00:00Z");
  private static final TimeRange WINDOW = new TimeRange(START.minusSeconds(60), START.plusSeconds(3600));
  private static final PriceBreaks BREAKS = new PriceBreaks(List.of(50L, 150L), List.of(START.plusSeconds(30)),
      List.of(LocalTime.ofInstant(START.plusSeconds(40), ZoneOffset.UTC).toNanoOfDay()));
  private static int spans;

  @BeforeAll
  static void load() {
    SampleTables.loadedWith(DATABASE, spans());
  }

  @Test
  void theSqlSumsWhatTheDomainCountsGroupByGroup() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), DATABASE)) {
      List<Trace> traces = store.searchTraces(new TraceQuery(WINDOW, List.of(), 100)).hits().stream()
          .map(Trace.class::cast).toList();
      assertThat(traces.stream().mapToInt(Trace::spanCount).sum()).isEqualTo(spans);
      for (Duration step : Arrays.asList(null, Duration.ofSeconds(20))) {
        List<CallGroup> groups = new ArrayList<>();
        LlmUsageSums.Report report = store.llmUsageSums().orElseThrow()
            .sum(new LlmUsageSums.Request(WINDOW, List.of(), 100, BREAKS, step), groups::add);

        Map<String, CallGroup> expected = ExpectedCallGroups.of(traces, BREAKS, step);
        assertThat(ExpectedCallGroups.byKey(groups, BREAKS, step)).as("every %s", step).isEqualTo(expected);
        assertThat(report.tracesRead()).isEqualTo(traces.size());
        assertThat(report.spansRead()).isEqualTo(spans);
      }
      // The data tells the readings apart: wrappers are left out, unreadable figures are warnings.
      long counted = traces.stream().mapToLong(t -> LlmCalls.of(t).size()).sum();
      long candidates = traces.stream().mapToLong(t -> LlmCalls.candidates(t.spans()).size()).sum();
      assertThat(counted).isEqualTo(12);
      assertThat(candidates).isEqualTo(13);
      assertThat(traces.stream().flatMap(t -> LlmCalls.of(t).stream()).mapToInt(c -> c.warnings()).sum()).isEqualTo(4);
    }
  }

  @Test
  void aCallPastItsStopTimeGetsNoSumButAnErrorSayingItStopped() throws InterruptedException {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), DATABASE)) {
      LlmUsageSums sums = store.llmUsageSums().orElseThrow();
      CallContext call = CallContext.startingNow(Duration.ofMillis(1), Duration.ZERO, ProgressSink.NONE);
      Thread.sleep(5);
      List<CallGroup> groups = new ArrayList<>();

      assertThatThrownBy(() -> call.call(() -> sums.sum(
          new LlmUsageSums.Request(WINDOW, List.of(), 100, BREAKS, null), groups::add)))
          .isInstanceOf(CallStoppedException.class).hasMessageContaining("deadline");
      assertThat(groups).isEmpty();
    }
  }

  static List<Span> spans() {
    List<Span> all = new ArrayList<>();
    // A workflow repeating its model (a role: no call) above a framework wrapper, a plain span, the provider's call.
    all.add(span(1, 1, null, 0, Attributes.ofPairs("traceloop.span.kind", "workflow", "gen_ai.request.model", "gpt-4o",
        "gen_ai.usage.input_tokens", "100")));
    all.add(span(1, 2, 1, 1, Attributes.ofPairs("gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", "100",
        "gen_ai.usage.output_tokens", "20")));
    all.add(span(1, 3, 2, 2, Attributes.ofPairs("http.method", "POST")));
    all.add(span(1, 4, 3, 3, Attributes.ofPairs("gen_ai.system", "  OpenAI  ", "gen_ai.request.model", "gpt-4o",
        "gen_ai.response.model", "gpt-4o-2024-08-06", "gen_ai.usage.input_tokens", "100",
        "gen_ai.usage.output_tokens", "20", "gen_ai.usage.total_tokens", "120")));
    // A wrapper above a call that names its model but reports no usage: both count.
    all.add(span(1, 5, 1, 35, Attributes.ofPairs("llm.request.model", "claude-3-haiku", "llm.usage.prompt_tokens", "60")));
    all.add(span(1, 6, 5, 36, Attributes.ofPairs("gen_ai.request.model", "claude-3-haiku")));
    // Figures that cannot be read before one that can; every decimal form the domain reads.
    all.add(span(2, 1, null, 5, Attributes.ofPairs("service.kind", "root")));
    all.add(span(2, 2, 1, 6, Attributes.ofPairs("gen_ai.request.model", "   ", "llm.request.model", "gpt-4o-mini",
        "gen_ai.usage.input_tokens", "n/a", "gen_ai.usage.prompt_tokens", "-3", "llm.usage.prompt_tokens", "1.5",
        "llm.usage.input_tokens", " 12 ", "gen_ai.usage.output_tokens", "1e3", "gen_ai.usage.total_tokens", "+7",
        "gen_ai.usage.cache_read.input_tokens", "007", "gen_ai.usage.reasoning.output_tokens", "1e400")));
    all.add(span(2, 3, 1, 41, Attributes.ofPairs("gen_ai.request.model", "gpt-4o-mini",
        "gen_ai.usage.input_tokens", "1.", "gen_ai.usage.output_tokens", ".5e1", "llm.usage.completion_tokens", "9")));
    // Unreadable figures and no model: not a call.
    all.add(span(2, 4, 1, 8, Attributes.ofPairs("gen_ai.usage.input_tokens", "many")));
    // Billable tokens by scope: Anthropic's input without the cache, Vertex's output without the thinking.
    all.add(span(3, 1, null, 9, Attributes.ofPairs("agent.step", "plan")));
    all.add(scoped(3, 5, 1, 10, "@traceloop/instrumentation-anthropic", Attributes.ofPairs("gen_ai.system", "Anthropic",
        "gen_ai.request.model", "claude-3-5-sonnet", "gen_ai.usage.input_tokens", "50",
        "gen_ai.usage.cache_read_input_tokens", "200", "gen_ai.usage.cache_creation_input_tokens", "30",
        "gen_ai.usage.output_tokens", "40")));
    all.add(scoped(3, 2, 1, 45, "opentelemetry.instrumentation.vertexai", Attributes.ofPairs("gen_ai.system", "vertex_ai",
        "gen_ai.request.model", "gemini-2.5-pro", "gen_ai.usage.input_tokens", "10", "gen_ai.usage.output_tokens", "5",
        "gen_ai.usage.total_tokens", "40")));
    all.add(scoped(3, 3, 1, 46, "opentelemetry.instrumentation.vertexai", Attributes.ofPairs("gen_ai.system", "vertex_ai",
        "gen_ai.request.model", "gemini-2.5-pro", "gen_ai.usage.input_tokens", "10", "gen_ai.usage.output_tokens", "5",
        "gen_ai.usage.reasoning_tokens", "3")));
    all.add(scoped(3, 4, 1, 48, "opentelemetry.instrumentation.openai", Attributes.ofPairs("gen_ai.system", "openai",
        "gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", "20", "gen_ai.usage.cache_read.input_tokens",
        "64", "gen_ai.usage.output_tokens", "2")));
    // Failures three ways; roles declared with spaces and capitals; a role that declares nothing.
    all.add(span(4, 1, null, 12, Attributes.ofPairs("gen_ai.operation.name", " Invoke_Agent ", "gen_ai.request.model",
        "gpt-4o", "gen_ai.usage.input_tokens", "5")));
    all.add(Span.builder().traceId(traceId(4)).spanId(spanId(4, 2)).parentSpanId(spanId(4, 1)).name("chat")
        .kind(SpanKind.CLIENT).startTime(START.plusSeconds(13)).duration(Duration.ofMillis(400))
        .status(new SpanStatus(StatusCode.ERROR, "rate limited"))
        .resource(Attributes.ofPairs("service.name", "sums")).attributes(Attributes.ofPairs("gen_ai.request.model",
            "gpt-4o", "openinference.span.kind", "LLM")).build());
    all.add(Span.builder().traceId(traceId(4)).spanId(spanId(4, 3)).parentSpanId(spanId(4, 1)).name("chat")
        .kind(SpanKind.CLIENT).startTime(START.plusSeconds(50)).duration(Duration.ofMillis(400))
        .events(List.of(new SpanEvent("exception", START.plusSeconds(50), Attributes.ofPairs("exception.type", "Timeout"))))
        .resource(Attributes.ofPairs("service.name", "sums")).attributes(Attributes.ofPairs("llm.request.model",
            "gpt-4o", "llm.usage.prompt_tokens", "\t70\r\n")).build());
    all.add(span(4, 4, 1, 51, Attributes.ofPairs("embedding.model_name", "text-embedding-3-small",
        "llm.token_count.prompt", "300", "error.type", "400")));
    all.add(span(4, 5, 1, 52, Attributes.ofPairs("gen_ai.operation.name", "execute_tool", "gen_ai.tool.name", "search",
        "gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", "9")));
    all.add(span(4, 6, 1, 53, Attributes.ofPairs("traceloop.span.kind", "\tTASK\n", "llm.request.model", "gpt-4o")));
    spans = all.size();
    return all;
  }

  private static Span span(int trace, int span, Integer parent, int second, Attributes attributes) {
    return scoped(trace, span, parent, second, "", attributes);
  }

  private static Span scoped(int trace, int span, Integer parent, int second, String scope, Attributes attributes) {
    return Span.builder().traceId(traceId(trace)).spanId(spanId(trace, span))
        .parentSpanId(parent == null ? "" : spanId(trace, parent)).name("op " + span).kind(SpanKind.INTERNAL)
        .startTime(START.plusSeconds(second)).duration(Duration.ofMillis(100 + span))
        .resource(Attributes.ofPairs("service.name", trace % 2 == 0 ? "sums" : "agent")).scopeName(scope)
        .attributes(attributes).build();
  }

  private static String traceId(int trace) {
    return String.format("%032x", 0x5a0000L + trace);
  }

  private static String spanId(int trace, int span) {
    return String.format("%016x", 0x7000L + trace * 100L + span);
  }
}
