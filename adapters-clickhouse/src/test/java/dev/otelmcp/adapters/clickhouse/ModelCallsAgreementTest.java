package dev.otelmcp.adapters.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.LlmModelCalls;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.ExpectedModelCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL pick of a model's calls ({@code ClickHouseModelCalls}, {@code FinishReasonColumns}) and the domain's Java
 * reading agree on spans made to tell them apart: finish reasons in every place the domain reads them — list keys as
 * JSON text, comma lists, padded, empty, per-choice keys out of order and under both prefixes, output messages with
 * every kind of whitespace — calls of the model by request and by answer, failed calls without a response model,
 * wrappers, and token figures present and absent.
 */
class ModelCallsAgreementTest {

  private static final String DATABASE = "otel_model_calls";
  private static final Instant START = Instant.parse("2026-04-04T08:00:00Z");
  private static final TimeRange WINDOW = new TimeRange(START.minusSeconds(60), START.plusSeconds(3600));
  private static int spans;

  @BeforeAll
  static void load() {
    SampleTables.loadedWith(DATABASE, spans());
  }

  @Test
  void theSqlPicksWhatTheDomainReadsCallByCall() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), DATABASE)) {
      List<Trace> traces = store.searchTraces(new TraceQuery(WINDOW, List.of(), 100)).hits().stream()
          .map(Trace.class::cast).toList();
      assertThat(traces.stream().mapToInt(Trace::spanCount).sum()).isEqualTo(spans);
      for (Set<String> models : List.of(Set.of("gpt-4o"), Set.of("gpt-4o-2024-08-06"),
          Set.of("claude-3-haiku", "gpt-4o-mini"))) {
        ExpectedModelCalls.HandedOn handedOn = new ExpectedModelCalls.HandedOn();

        LlmModelCalls.Report report = store.llmModelCalls().orElseThrow()
            .calls(new LlmModelCalls.Request(WINDOW, List.of(), 100, models), handedOn);

        ExpectedModelCalls.HandedOn expected = ExpectedModelCalls.of(traces, models);
        assertThat(handedOn.pairs()).as("pairs, picking %s", models).isEqualTo(expected.pairs());
        assertThat(handedOn.calls()).as("calls of %s", models).containsExactlyInAnyOrderElementsOf(expected.calls());
        assertThat(report.tracesRead()).isEqualTo(traces.size());
        assertThat(report.spansRead()).isEqualTo(spans);
        assertThat(report.warnings()).isEqualTo(1);
      }
      // The data tells the readings apart: every place a reason is read from gives one.
      assertThat(traces.stream().flatMap(t -> LlmCalls.of(t).stream()).map(c -> String.join(",", c.finishReasons())))
          .contains("stop", "stop,length", "a,b", "tool_calls", "first,second,tenth", "llm", "end_turn,max_tokens", "");
    }
  }

  @Test
  void aSampleReadsTheNewestTraces() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), DATABASE)) {
      List<Trace> newest = store.searchTraces(new TraceQuery(WINDOW, List.of(), 3)).hits().stream()
          .map(Trace.class::cast).toList();
      ExpectedModelCalls.HandedOn handedOn = new ExpectedModelCalls.HandedOn();

      LlmModelCalls.Report report = store.llmModelCalls().orElseThrow()
          .calls(new LlmModelCalls.Request(WINDOW, List.of(), 2, Set.of("gpt-4o")), handedOn);

      ExpectedModelCalls.HandedOn expected = ExpectedModelCalls.of(newest.subList(0, 2), Set.of("gpt-4o"));
      assertThat(handedOn.pairs()).isEqualTo(expected.pairs());
      assertThat(handedOn.calls()).containsExactlyInAnyOrderElementsOf(expected.calls());
      assertThat(report.tracesRead()).isEqualTo(2);
      assertThat(report.moreAvailable()).isTrue();
    }
  }

  private static List<Span> spans() {
    List<Span> all = new ArrayList<>();
    // Trace 1: a wrapper with usage above the provider's call; list keys as JSON text, padded, and a comma list.
    all.add(call(1, 1, null, 0, "gpt-4o", "gpt-4o-2024-08-06", "gen_ai.usage.input_tokens", "10",
        "gen_ai.response.finish_reasons", "[\"stop\"]"));
    all.add(call(1, 2, 1, 1, "gpt-4o", "gpt-4o-2024-08-06", "gen_ai.usage.input_tokens", "10",
        "gen_ai.usage.output_tokens", "4", "gen_ai.response.finish_reasons", " [ \"stop\" ] "));
    all.add(call(1, 3, null, 2, "gpt-4o", "gpt-4o-2024-08-06", "gen_ai.usage.output_tokens", "7",
        "gen_ai.response.finish_reasons", "[]", "llm.response.finish_reasons", "stop, length"));
    all.add(call(1, 4, null, 3, "gpt-4o", "gpt-4o", "llm.usage.total_tokens", "12",
        "gen_ai.response.finish_reason", " 'a' , [b] ,, "));
    // Trace 2: per-choice keys out of order, a blank one, six digits (not a choice), the second prefix when the first
    // has none; output messages with tabs, newlines and vertical tabs; no reason at all.
    all.add(call(2, 1, null, 10, "gpt-4o-mini", "gpt-4o-mini-2024-07-18", "gen_ai.completion.2.finish_reason",
        "second", "gen_ai.completion.10.finish_reason", " tenth ", "gen_ai.completion.0.finish_reason", "first",
        "gen_ai.completion.1.finish_reason", "  ", "gen_ai.completion.123456.finish_reason", "not a choice",
        "llm.completions.0.finish_reason", "llm"));
    all.add(call(2, 2, null, 11, "gpt-4o-mini", null, "llm.completions.3.finish_reason", "llm",
        "gen_ai.completion.x.finish_reason", "no number"));
    all.add(call(2, 3, null, 12, "claude-3-haiku", "claude-3-haiku-20240307", "gen_ai.output.messages",
        "[{\"role\":\"assistant\",\"finish_reason\" :\t\"end_turn\"},{\"finish_reason\":\u000b\n\"max_tokens\"},"
            + "{\"finish_reason\": \"  \"}]"));
    all.add(call(2, 4, null, 13, "claude-3-haiku", "claude-3-haiku-20240307", "gen_ai.usage.input_tokens", "n/a",
        "gen_ai.usage.prompt_tokens", "3", "gen_ai.response.finish_reasons", "tool_calls",
        "gen_ai.output.messages", "{\"finish_reason\":\"ignored\"}"));
    // Trace 3: failed calls without a response model, of the model and of another; a call naming no model.
    all.add(failed(3, 1, 20, "gpt-4o"));
    all.add(failed(3, 2, 21, "claude-3-haiku"));
    all.add(call(3, 3, null, 22, null, null, "gen_ai.usage.input_tokens", "5"));
    spans = all.size();
    return all;
  }

  private static Span call(int trace, int span, Integer parent, int second, String requested, String answered,
      String... more) {
    List<String> pairs = new ArrayList<>(List.of(more));
    if (requested != null) {
      pairs.addAll(List.of("gen_ai.request.model", requested, "gen_ai.system", "openai"));
    }
    if (answered != null) {
      pairs.addAll(List.of("gen_ai.response.model", answered));
    }
    return Span.builder().traceId(traceId(trace)).spanId(spanId(trace, span))
        .parentSpanId(parent == null ? "" : spanId(trace, parent)).name("chat " + span).kind(SpanKind.CLIENT)
        .startTime(START.plusSeconds(second)).duration(Duration.ofNanos(1_000_000L * span + 17))
        .resource(Attributes.ofPairs("service.name", trace == 2 ? "summarizer" : "agent"))
        .scopeName(span % 2 == 0 ? "opentelemetry.instrumentation.openai" : "")
        .attributes(Attributes.ofPairs(pairs.toArray(String[]::new))).build();
  }

  private static Span failed(int trace, int span, int second, String requested) {
    return Span.builder().traceId(traceId(trace)).spanId(spanId(trace, span)).parentSpanId("").name("chat")
        .kind(SpanKind.CLIENT).startTime(START.plusSeconds(second)).duration(Duration.ofMillis(30))
        .status(new SpanStatus(StatusCode.ERROR, "rate limited"))
        .resource(Attributes.ofPairs("service.name", "agent"))
        .attributes(Attributes.ofPairs("gen_ai.request.model", requested)).build();
  }

  private static String traceId(int trace) {
    return String.format("%032x", 0x8b0000L + trace);
  }

  private static String spanId(int trace, int span) {
    return String.format("%016x", 0xa000L + trace * 100L + span);
  }
}
