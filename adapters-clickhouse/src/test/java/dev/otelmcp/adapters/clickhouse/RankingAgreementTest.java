package dev.otelmcp.adapters.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.port.LlmTraceRanking.Measure;
import dev.otelmcp.domain.port.LlmTraceRanking.Qualifying;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.ExpectedRanking;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL ranking ({@code ClickHouseTraceRanking}: each call priced in SQL from the rates otel-mcp gave its key) and
 * the Java ranking agree on spans made to tell them apart: those of {@link UsageSumsAgreementTest} (wrappers, unreadable
 * figures, the scopes whose billable tokens differ, cached tokens beyond the input), plus calls in every tier, dated
 * period and part of the day, providers and models named with quotes, backslashes and tabs, a model without rates,
 * and copies of one trace that tie on every measure.
 */
class RankingAgreementTest {

  private static final String DATABASE = "otel_ranking";
  private static final Instant START = Instant.parse("2026-04-02T08:00:00Z");
  private static final TimeRange WINDOW = new TimeRange(START.minusSeconds(60), START.plusSeconds(3600));
  private static final PriceBreaks BREAKS = new PriceBreaks(List.of(50L, 150L, 5_000L),
      List.of(START.plusSeconds(30), START.plusSeconds(200)),
      List.of(LocalTime.ofInstant(START.plusSeconds(40), ZoneOffset.UTC).toNanoOfDay(),
          LocalTime.ofInstant(START.plusSeconds(300), ZoneOffset.UTC).toNanoOfDay()));

  /** More breaks than a price table has: every tier, period and part of the day priced apart, a large table sent. */
  private static final PriceBreaks MANY_BREAKS = new PriceBreaks(
      List.of(10L, 45L, 50L, 100L, 149L, 150L, 151L, 1_000L, 5_000L, 6_000L, 9_000L, 100_000L),
      java.util.stream.IntStream.of(25, 30, 39, 100, 200, 300, 400).mapToObj(START::plusSeconds).toList(),
      java.util.stream.IntStream.of(10, 30, 40, 220, 300, 310).mapToObj(second ->
          LocalTime.ofInstant(START.plusSeconds(second), ZoneOffset.UTC).toNanoOfDay()).toList());

  @BeforeAll
  static void load() {
    List<Span> spans = new ArrayList<>(UsageSumsAgreementTest.spans());
    spans.addAll(more());
    SampleTables.loadedWith(DATABASE, spans);
  }

  @Test
  void theSqlRanksAsTheDomainRanksPageByPage() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), DATABASE)) {
      List<Trace> traces = store.searchTraces(new TraceQuery(WINDOW, List.of(), 100)).hits().stream()
          .map(Trace.class::cast).toList();
      LlmTraceRanking ranking = store.llmTraceRanking().orElseThrow();
      List<Qualifying> qualifying = List.of(Qualifying.ANY, new Qualifying(null, "OPENAI", null, null),
          new Qualifying("sums", null, null, null), new Qualifying(null, null, "gpt-4o", "gpt-4o-2024-08-06"),
          new Qualifying(null, "o'brien\\\t", null, null));
      Double atACost = costs(traces);
      List<Object[]> cases = new ArrayList<>();
      for (Measure measure : Measure.values()) {
        // Every call condition on the whole ranking; then minimums and pages, each once per measure.
        qualifying.forEach(q -> cases.add(new Object[] {measure, q, 0L, null, new int[] {0, 1_000}}));
        cases.add(new Object[] {measure, Qualifying.ANY, 150L, null, new int[] {2, 3}});
        cases.add(new Object[] {measure, qualifying.get(1), 1L, atACost, new int[] {0, 1_000}});
        cases.add(new Object[] {measure, Qualifying.ANY, 0L, atACost, new int[] {1, 2}});
        cases.add(new Object[] {measure, Qualifying.ANY, 0L, null, new int[] {40, 5}});
      }
      long ranked = 0;
      for (Object[] c : cases) {
        int[] page = (int[]) c[4];
        LlmTraceRanking.Request request = new LlmTraceRanking.Request(WINDOW, List.of(), 100, (Qualifying) c[1],
            (Measure) c[0], (Long) c[2], (Double) c[3], BREAKS, ExpectedRanking.varied(BREAKS), page[0], page[1]);
        List<Trace> handedOn = new ArrayList<>();

        LlmTraceRanking.Report report = ranking.rank(request, handedOn::add);

        ExpectedRanking.Outcome expected = ExpectedRanking.of(traces, false, request);
        String what = c[0] + ", " + c[1] + ", " + c[2] + " tokens, " + c[3] + " USD, page " + Arrays.toString(page);
        assertThat(handedOn).as(what).extracting(Trace::traceId).containsExactlyElementsOf(
            expected.page(request).stream().map(Trace::traceId).toList());
        assertThat(report).as(what).isEqualTo(expected.report());
        ranked += report.ranked();
      }
      assertThat(ranked).as("traces ranked in all").isPositive();
    }
  }

  @Test
  void everyTracesCostInSqlIsItsCostInJavaToTheBillionthOfADollar() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), DATABASE)) {
      List<Trace> traces = store.searchTraces(new TraceQuery(WINDOW, List.of(), 100)).hits().stream()
          .map(Trace.class::cast).toList();
      ClickHouseTraceRanking ranking = (ClickHouseTraceRanking) store.llmTraceRanking().orElseThrow();
      for (Measure measure : List.of(Measure.COST, Measure.TOKENS)) {
       for (PriceBreaks breaks : List.of(BREAKS, MANY_BREAKS)) {
        LlmTraceRanking.Request request = new LlmTraceRanking.Request(WINDOW, List.of(), 100, Qualifying.ANY,
            measure, 0, null, breaks, ExpectedRanking.varied(breaks), 0, 1_000);

        List<ClickHouseTraceRanking.Top> top = ranking.ranking(request, ranking.prices(request)).top();

        Map<String, String> sql = new TreeMap<>();
        top.forEach(t -> sql.put(t.traceId(), measure == Measure.COST ? t.first() + " nUSD, " + t.second() + " tokens"
            : t.second() + " nUSD, " + t.first() + " tokens"));
        Map<String, String> java = new TreeMap<>();
        ExpectedRanking.of(traces, false, request).ranking().forEach(r -> java.put(r.trace().traceId(),
            r.costNanoUsd() + " nUSD, " + r.tokens() + " tokens"));
        assertThat(sql).as("by %s, %s", measure, breaks).isEqualTo(java);
       }
      }
      // The data tells prices apart: many distinct costs, ties among the copies, traces whose calls have no price.
      List<Long> costs = byCost(traces).stream().map(ExpectedRanking.Ranked::costNanoUsd).toList();
      assertThat(costs.stream().distinct().count()).isGreaterThan(6);
      assertThat(costs.stream().filter(c -> c == 0).count()).isPositive();
      assertThat(costs).hasSizeGreaterThan((int) costs.stream().distinct().count());
    }
  }

  /** The whole ranking by cost, as Java makes it. */
  private static List<ExpectedRanking.Ranked> byCost(List<Trace> traces) {
    return ExpectedRanking.of(traces, false, new LlmTraceRanking.Request(WINDOW, List.of(), 100, Qualifying.ANY,
        Measure.COST, 0, null, BREAKS, ExpectedRanking.varied(BREAKS), 0, 1_000)).ranking();
  }

  /** A minimum exactly at a trace's rounded cost (which must keep that trace). */
  private static Double costs(List<Trace> traces) {
    List<ExpectedRanking.Ranked> ranking = byCost(traces);
    return ranking.get(ranking.size() / 3).costNanoUsd() / 1e9;
  }

  private static List<Span> more() {
    List<Span> all = new ArrayList<>();
    String[][] calls = {
        // provider, model, input, cache read, output, reasoning, second (30 and 200: price dates; 40 and 300: times)
        {"openai", "gpt-4o", "40", "0", "10", "0", "20"},
        // Calls alike but for one break between them (a date, a time of day, a tier start): they part.
        {"openai", "gpt-4o", "45", "30", "10", "0", "30"},
        {"openai", "gpt-4o", "150", "0", "10", "0", "38"},
        {"openai", "gpt-4o", "151", "0", "10", "0", "39"},
        {"openai", "gpt-4o", "150", "0", "12", "0", "40"},
        {"openai", "gpt-4o", "9000", "100", "700", "50", "250"},
        {"openai", "o3", "5000", "0", "70", "60", "210"},
        {"openai", "o3", "5001", "0", "70", "60", "220"},
        {"Anthropic", "claude-3-5-sonnet", "60", "70", "15", "0", "45"},
        {"mistral", "mistral-large", "50", "20", "15", "0", "29"},
        {"o'brien\\\t", "it's \"quoted\"\\", "500", "0", "50", "0", "310"},
        {"vllm", "llama-3-70b", "1000", "0", "100", "0", "100"},
        {"google", "gemini-2.5-pro", "6000", "0", "300", "120", "400"}};
    for (int t = 0; t < calls.length; t++) {
      String[] call = calls[t];
      all.add(span(10 + t, 1, null, Integer.parseInt(call[6]), Attributes.ofPairs("agent.step", "run")));
      all.add(span(10 + t, 2, 1, Integer.parseInt(call[6]), Attributes.ofPairs("gen_ai.provider.name", call[0],
          "gen_ai.request.model", call[1], "gen_ai.usage.input_tokens", call[2],
          "gen_ai.usage.cache_read.input_tokens", call[3], "gen_ai.usage.output_tokens", call[4],
          "gen_ai.usage.reasoning_tokens", call[5])));
    }
    // Copies of one trace: the same calls, the same duration — ranked by trace id.
    for (int copy = 0; copy < 3; copy++) {
      all.add(span(30 + copy, 1, null, 500 + copy, Attributes.ofPairs("agent.step", "copy")));
      all.add(span(30 + copy, 2, 1, 500 + copy, Attributes.ofPairs("gen_ai.system", "openai",
          "gen_ai.request.model", "gpt-4o-mini", "gen_ai.usage.input_tokens", "300",
          "gen_ai.usage.output_tokens", "30")));
    }
    return all;
  }

  private static Span span(int trace, int span, Integer parent, int second, Attributes attributes) {
    return Span.builder().traceId(String.format("%032x", 0x6b0000L + trace))
        .spanId(String.format("%016x", 0x9000L + trace * 100L + span))
        .parentSpanId(parent == null ? "" : String.format("%016x", 0x9000L + trace * 100L + parent))
        .name("op " + span).kind(SpanKind.INTERNAL).startTime(START.plusSeconds(second))
        .duration(Duration.ofMillis(span == 1 ? 2_000 : 900))
        .resource(Attributes.ofPairs("service.name", trace % 2 == 0 ? "sums" : "agent")).attributes(attributes).build();
  }
}
