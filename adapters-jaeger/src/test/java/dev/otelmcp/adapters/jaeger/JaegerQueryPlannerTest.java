package dev.otelmcp.adapters.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JaegerQueryPlannerTest {

  private static final TimeRange WINDOW =
      new TimeRange(Instant.parse("2025-11-13T00:00:00Z"), Instant.parse("2025-11-13T01:00:00.0000005Z"));
  private final StoreCapabilities capabilities = JaegerQueryPlanner.capabilities();

  @Test
  void capabilitiesClaimWhatJaegerCanNarrowDownAndNothingElse() {
    assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("service.name", "a"))).isTrue();
    assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("operation_name", "a"))).isTrue();
    assertThat(capabilities.evaluatesTraceFilter(Filter.number("duration", FilterOperator.GT, 5))).isTrue();
    assertThat(capabilities.evaluatesTraceFilter(Filter.number("duration_ms", FilterOperator.LTE, 5))).isTrue();
    assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("status", "error"))).isTrue();
    assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("http.route", "/x"))).isTrue();
    assertThat(capabilities.evaluatesTraceFilter(
        Filter.of("cache.hit", FilterOperator.EQUALS, FilterValueType.BOOLEAN, List.of(true)))).isTrue();

    assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("status", "OK"))).isFalse();
    assertThat(capabilities.evaluatesTraceFilter(Filter.number("duration", FilterOperator.BETWEEN, 1, 2))).isFalse();
    assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("gen_ai.system", "openai"))).as("aliases").isFalse();
    assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("resource.host.name", "h"))).isFalse();
    assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("span.http.route", "/x"))).isFalse();
    assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("error", "true"))).as("consumed tag").isFalse();
    assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("kind", "SERVER"))).isFalse();
    assertThat(capabilities.evaluatesTraceFilter(Filter.of("http.route", FilterOperator.CONTAINS,
        FilterValueType.STRING, List.of("x")))).isFalse();
    assertThat(capabilities.evaluatesTraceFilter(Filter.number("http.status_code", FilterOperator.EQUALS, 200))).isFalse();
    assertThat(capabilities.nativeSpanSearch()).isFalse();
    assertThat(capabilities.fullTracesInSearch()).isTrue();
    assertThat(capabilities.maxSearchLimit()).isEqualTo(5000);
  }

  @Test
  void planTranslatesFiltersToJaegerTerms() {
    NativeSearch search = JaegerQueryPlanner.plan(new TraceQuery(WINDOW, List.of(
        Filter.equalsString("service", "checkout"),
        Filter.equalsString("name", "POST /pay"),
        Filter.number("duration", FilterOperator.GTE, 1.5),
        Filter.number("duration", FilterOperator.GT, 1.2),
        Filter.number("duration", FilterOperator.LT, 2000),
        Filter.number("duration", FilterOperator.LTE, 2500),
        Filter.equalsString("status", "ERROR"),
        Filter.equalsString("http.route", "/pay"),
        Filter.of("cache.hit", FilterOperator.EQUALS, FilterValueType.BOOLEAN, List.of(false))), 20_000)).orElseThrow();

    assertThat(search.service()).isEqualTo("checkout");
    assertThat(search.operation()).isEqualTo("POST /pay");
    assertThat(search.minDuration()).as("Jaeger would apply it to the POST /pay span itself").isNull();
    assertThat(search.maxDuration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(search.errorsOnly()).isTrue();
    assertThat(search.tags()).isEqualTo(Map.of("http.route", "/pay", "cache.hit", "false"));
    assertThat(search.limit()).as("capped at the declared maximum").isEqualTo(5000);
  }

  @Test
  void aMinimumTraceDurationIsPushedAloneOrWithAServiceOnly() {
    NativeSearch withService = JaegerQueryPlanner.plan(new TraceQuery(WINDOW, List.of(
        Filter.equalsString("service.name", "checkout"),
        Filter.number("duration", FilterOperator.GTE, 1.5),
        Filter.number("duration", FilterOperator.GT, 1.2)), 20)).orElseThrow();
    NativeSearch withTag = JaegerQueryPlanner.plan(new TraceQuery(WINDOW, List.of(
        Filter.equalsString("http.route", "/pay"),
        Filter.number("duration", FilterOperator.GTE, 1.5)), 20)).orElseThrow();

    assertThat(withService.minDuration()).isEqualTo(Duration.ofNanos(1_500_000));
    assertThat(withTag.minDuration()).isNull();
  }

  @Test
  void boundsJaegerCannotUseAreLeftToTheLocalCheck() {
    NativeSearch search = JaegerQueryPlanner.plan(new TraceQuery(WINDOW, List.of(
        Filter.number("duration", FilterOperator.GTE, 0),
        Filter.number("duration", FilterOperator.LTE, 0)), 5)).orElseThrow();

    assertThat(search.minDuration()).isNull();
    assertThat(search.maxDuration()).as("Jaeger reads maxDuration=0 as no maximum").isNull();
    assertThat(search.service()).isNull();
  }

  @Test
  void contradictoryDurationsNeedNoRequest() {
    assertThat(JaegerQueryPlanner.plan(new TraceQuery(WINDOW, List.of(
        Filter.number("duration", FilterOperator.GT, 100),
        Filter.number("duration", FilterOperator.LT, 10)), 5))).isEmpty();
  }

  @Test
  void goDurationsUseTheLargestExactUnit() {
    assertThat(GoDurations.format(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(GoDurations.format(Duration.ofMillis(100))).isEqualTo("100ms");
    assertThat(GoDurations.format(Duration.ofNanos(1_500_000))).isEqualTo("1500us");
    assertThat(GoDurations.format(Duration.ofNanos(123_456))).isEqualTo("123456ns");
    assertThat(GoDurations.format(Duration.ofMinutes(2))).isEqualTo("120s");
  }

  @Test
  void timesInJaegersUnits() {
    assertThat(QueryStrings.floorMicros(WINDOW.start())).isEqualTo(1_762_992_000_000_000L);
    assertThat(QueryStrings.ceilMicros(WINDOW.end())).as("an end between microseconds rounds up")
        .isEqualTo(1_762_995_600_000_001L);
    assertThat(QueryStrings.rfc3339Nanos(WINDOW.end())).isEqualTo("2025-11-13T01:00:00.000000500Z");
    assertThat(QueryStrings.encoded(Map.of("tags", "{\"a b\":\"c+d\"}")))
        .containsEntry("tags", "%7B%22a%20b%22%3A%22c%2Bd%22%7D");
  }
}
