package dev.otelmcp.adapters.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.llm.ToolGroup;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.LlmToolUsage;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that would break a statement built by concatenation — quotes, backslashes, {@code '; DROP TABLE}, a
 * placeholder, line breaks, and map keys with quotes and backquotes — are stored in spans on the real engine and
 * searched for: each comes back as a literal match of exactly its span, and the table is still there.
 */
class InjectionTest {

  private static final String DATABASE = "otel_inject";
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final TimeRange WINDOW = new TimeRange(START.minusSeconds(60), START.plusSeconds(3600));

  static final List<String> VALUES = List.of(
      "it's",
      "back\\slash",
      "ends with a backslash\\",
      "'; DROP TABLE otel_inject.otel_traces; --",
      "') OR 1=1 OR ('",
      "{p0:String}",
      "{x:String} and {y:UInt8}",
      "tab\there",
      "line\nbreak\r\n",
      "\\t is not a tab",
      "\\N",
      "\"double\" `back` quotes",
      "Grüße ✓ 日本",
      "%20+&=?#",
      "glob* (a|b) $x [+-]? %5E");
  static final List<String> KEYS = List.of("we'ird.key", "back`quoted", "{k:String}", "back\\slash.key",
      "'] OR 1=1 --");

  @BeforeAll
  static void load() {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < VALUES.size(); i++) {
      spans.add(span(i, Attributes.ofPairs("payload", VALUES.get(i))));
    }
    for (int i = 0; i < KEYS.size(); i++) {
      spans.add(span(100 + i, Attributes.ofPairs(KEYS.get(i), "key " + i)));
    }
    SampleTables.loadedWith(DATABASE, spans);
  }

  static List<String> values() {
    return VALUES;
  }

  @ParameterizedTest
  @MethodSource("values")
  void aValueIsMatchedLiterallyAndOnlyByItsOwnSpan(String value) {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), DATABASE)) {
      List<Span> found = store.searchSpans(new SpanQuery(WINDOW, List.of(Filter.equalsString("payload", value)), 50))
          .spans();

      assertThat(found).hasSize(1);
      assertThat(found.get(0).attributes().getText("payload")).contains(value);
      assertThat(found.get(0).spanId()).isEqualTo(spanId(VALUES.indexOf(value)));
      List<Span> byPrefix = store.searchSpans(new SpanQuery(WINDOW, List.of(Filter.of("payload",
          FilterOperator.STARTS_WITH, FilterValueType.STRING, List.of(value))), 50)).spans();
      assertThat(byPrefix).extracting(s -> s.attributes().getText("payload").orElseThrow())
          .allSatisfy(v -> assertThat(v).startsWith(value)).contains(value);
      assertThat(store.searchTraces(new TraceQuery(WINDOW, List.of(Filter.of("payload", FilterOperator.IN,
          FilterValueType.STRING, List.of(value, "no such value"))), 50)).hits()).hasSize(1);
    }
  }

  @Test
  void mapKeysWithQuotesAreLookedUpLiterally() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), DATABASE)) {
      for (int i = 0; i < KEYS.size(); i++) {
        List<Span> found = store.searchSpans(new SpanQuery(WINDOW,
            List.of(Filter.equalsString(KEYS.get(i), "key " + i)), 50)).spans();
        assertThat(found).as("key %s", KEYS.get(i)).extracting(Span::spanId).containsExactly(spanId(100 + i));
        assertThat(store.searchSpans(new SpanQuery(WINDOW, List.of(Filter.exists(KEYS.get(i))), 50)).spans())
            .as("exists %s", KEYS.get(i)).hasSize(1);
      }
    }
  }

  @Test
  void theTableSurvivesEverySearch() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), DATABASE)) {
      for (String value : VALUES) {
        store.searchTraces(new TraceQuery(WINDOW, List.of(Filter.of("payload", FilterOperator.CONTAINS,
            FilterValueType.STRING, List.of(value))), 50));
        // The tool count's provider and service are values too: compared, never run.
        List<ToolGroup> tools = new ArrayList<>();
        LlmToolUsage.Report report = store.llmToolUsage().orElseThrow()
            .count(new LlmToolUsage.Request(WINDOW, List.of(), 1_000, value, value), tools::add);
        assertThat(tools).isEmpty();
        assertThat(report.tracesRead()).as("provider and service %s", value).isEqualTo(VALUES.size() + KEYS.size());
        // So are the ranking's call conditions.
        LlmTraceRanking.Report ranked = store.llmTraceRanking().orElseThrow().rank(new LlmTraceRanking.Request(
            WINDOW, List.of(), 1_000, new LlmTraceRanking.Qualifying(value, value, value, value),
            LlmTraceRanking.Measure.COST, 0, null, PriceBreaks.NONE, (p, m, at, tier) -> Optional.empty(), 0, 10),
            trace -> { });
        assertThat(ranked.ranked()).isZero();
        assertThat(ranked.tracesRead()).as("ranking's call conditions %s", value)
            .isEqualTo(VALUES.size() + KEYS.size());
      }
      assertThat(store.searchSpans(new SpanQuery(WINDOW, List.of(), 100)).spans())
          .hasSize(VALUES.size() + KEYS.size());
    }
  }

  private static Span span(int i, Attributes attributes) {
    return Span.builder().traceId(String.format("%032x", 0xabc000L + i)).spanId(spanId(i)).name("op " + i)
        .kind(SpanKind.INTERNAL).startTime(START.plusSeconds(i)).duration(Duration.ofMillis(5))
        .resource(Attributes.ofPairs("service.name", "injection")).attributes(attributes).build();
  }

  private static String spanId(int i) {
    return String.format("%016x", 0x5000L + i);
  }
}
