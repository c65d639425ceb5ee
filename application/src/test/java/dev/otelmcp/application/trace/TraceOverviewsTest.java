package dev.otelmcp.application.trace;

import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.application.TestPrices;
import dev.otelmcp.application.TestTraces;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceOverviewsTest {

  private static final int TOKENS = 5;

  /** An agent root with 12 identical tool calls (each with an HTTP child), 3 LLM calls and one failing step. */
  private static Trace agentLoop() {
    String root = TestTraces.spanId(1, 1);
    List<Span> spans = new ArrayList<>();
    spans.add(TestTraces.span(1, 1, null, "agent", "agent.run", 0, 60_000, false, "traceloop.span.kind", "agent"));
    int id = 2;
    for (int i = 0; i < 12; i++) {
      String tool = TestTraces.spanId(1, id);
      spans.add(TestTraces.span(1, id++, root, "agent", "search.tool", i + 1, 100, false, "traceloop.span.kind", "tool"));
      spans.add(TestTraces.span(1, id++, tool, "agent", "GET /search", i + 1, 50, false));
    }
    for (int i = 0; i < 3; i++) {
      spans.add(TestTraces.span(1, id++, root, "agent", "openai.chat", 20 + i, 1_000, false, "gen_ai.request.model", "gpt-4o",
          "gen_ai.usage.input_tokens", TOKENS, "gen_ai.usage.output_tokens", 0));
    }
    String step = TestTraces.spanId(1, id);
    spans.add(TestTraces.span(1, id++, root, "agent", "plan.task", 30, 500, true));
    spans.add(TestTraces.span(1, id, step, "agent", "db.query", 30, 100, false).toBuilder()
        .status(SpanStatus.error("connection reset")).build());
    return new Trace(TestTraces.traceId(1), spans);
  }

  private static TraceOverview overview(Trace trace) {
    return TraceOverviews.of(trace, TestPrices.pricing().callsOf(trace));
  }

  @Test
  void similarSiblingsCollapseIntoOneRowAndTheTokenColumnAddsUpToTheTrace() {
    TraceOverview overview = overview(agentLoop());
    List<String> columns = overview.spanTree().columns();
    List<List<Object>> rows = overview.spanTree().rows();

    // agent.run, search.tool x12 (with their 12 children), openai.chat (3, under the collapse threshold), plan.task, db.query
    assertThat(rows).hasSize(7);
    List<Object> collapsed = rows.get(1);
    assertThat(collapsed.get(columns.indexOf("name"))).isEqualTo("search.tool");
    assertThat(collapsed.get(columns.indexOf("count"))).isEqualTo(12);
    assertThat(collapsed.get(columns.indexOf("role"))).isEqualTo("tool");
    assertThat(collapsed.get(columns.indexOf("duration_ms"))).isEqualTo(1_200.0);
    assertThat(overview.spanTree().collapsedSpanCount()).isEqualTo(23);
    long tokens = rows.stream().map(r -> r.get(columns.indexOf("total_tokens"))).filter(java.util.Objects::nonNull)
        .mapToLong(v -> ((Number) v).longValue()).sum();
    assertThat(tokens).isEqualTo(overview.llm().totals().totalTokens()).isEqualTo(3L * TOKENS);
    assertThat(overview.llm().totals().requestCount()).isEqualTo(3);
    // 3 gpt-4o calls of 5 input tokens at 2.50 USD per million
    assertThat(overview.llm().totals().costUsd()).isEqualTo(3 * 5 * 2.5 / 1e6);
  }

  @Test
  void theErrorChainMarksWhereTheFailureStarted() {
    TraceOverview overview = overview(agentLoop());

    assertThat(overview.errors()).extracting(TraceOverview.ErrorSpan::operationName).containsExactly("plan.task", "db.query");
    assertThat(overview.errors().get(0).isOrigin()).isNull();
    assertThat(overview.errors().get(1).isOrigin()).isTrue();
    assertThat(overview.errors().get(1).message()).isEqualTo("connection reset");
    assertThat(overview.trace().status()).isEqualTo("error");
    assertThat(overview.trace().incomplete()).isNull();
  }

  @Test
  void aTraceWithoutItsRootSaysSoAndNamesNoRoot() {
    Trace trace = agentLoop();
    Trace headless = new Trace(trace.traceId(), trace.spans().stream().filter(s -> !s.isRoot()).toList());

    TraceHeader header = overview(headless).trace();

    assertThat(header.incomplete()).isTrue();
    assertThat(header.rootSpanId()).isNull();
    assertThat(header.orphanSpanCount()).isEqualTo(16);
  }
}
