package dev.otelmcp.domain.query;

import static dev.otelmcp.domain.query.Fixtures.T0;
import static dev.otelmcp.domain.query.Fixtures.eq;
import static dev.otelmcp.domain.query.Fixtures.filter;
import static dev.otelmcp.domain.query.Fixtures.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanStatus;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Filters on whole traces: trace-level fields, same-span conjunction, and negation over all spans. */
class TraceFilterTest {

  /** frontend root 0–100 ms; backend LLM child 50–250 ms: trace lasts 250 ms. */
  private final Span frontend = span("00000000000000f1")
      .serviceName("frontend")
      .name("POST /chat")
      .duration(Duration.ofMillis(100))
      .build();
  private final Span backend = span("00000000000000f2")
      .parentSpanId("00000000000000f1")
      .serviceName("backend")
      .name("chat gpt-4")
      .startTime(T0.plusMillis(50))
      .duration(Duration.ofMillis(200))
      .attributes(Attributes.ofPairs("gen_ai.system", "openai", "gen_ai.request.model", "gpt-4"))
      .build();
  private final Trace trace = Fixtures.trace(frontend, backend);

  private boolean matches(Trace t, Filter... filters) {
    return FilterEvaluator.matches(t, List.of(filters));
  }

  @Test
  void positiveSpanFiltersMustHoldOnTheSameSpan() {
    Filter frontendService = eq("service.name", "frontend");
    Filter openai = eq("gen_ai.system", "openai");

    assertThat(matches(trace, frontendService)).isTrue();
    assertThat(matches(trace, openai)).isTrue();
    assertThat(matches(trace, frontendService, openai)).isFalse();
    assertThat(matches(trace, eq("service.name", "backend"), openai)).isTrue();
    assertThat(matches(trace, eq("name", "chat gpt-4"), eq("gen_ai.request.model", "gpt-4"))).isTrue();
    assertThat(matches(trace, eq("name", "POST /chat"), eq("gen_ai.request.model", "gpt-4"))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"duration", "duration_ms"})
  void durationOnATraceIsTheTraceDuration(String field) {
    // No single span lasts 250 ms (100 and 200), the trace does.
    assertThat(trace.durationMs()).isEqualTo(250.0);
    assertThat(matches(trace, filter(field, "gte", "number", 250))).isTrue();
    assertThat(matches(trace, filter(field, "gt", "number", 250))).isFalse();
    assertThat(matches(trace, filter(field, "lt", "number", 150))).isFalse();
    assertThat(matches(trace, filter(field, "between", "number", 200, 300))).isTrue();
    assertThat(matches(trace, filter(field, "not_equals", "number", 250))).isFalse();
    assertThat(FilterEvaluator.matches(frontend, filter(field, "lt", "number", 150))).isTrue();
  }

  @Test
  void spanCountAndTraceIdAreTraceLevel() {
    assertThat(matches(trace, filter("span_count", "equals", "number", 2))).isTrue();
    assertThat(matches(trace, filter("span_count", "gte", "number", 3))).isFalse();
    assertThat(matches(trace, eq("trace_id", Fixtures.TRACE_ID.toUpperCase()))).isTrue();
    assertThat(matches(trace, eq("trace_id", Fixtures.OTHER_TRACE_ID))).isFalse();
    assertThat(matches(trace, filter("trace_id", "not_in", "string", Fixtures.OTHER_TRACE_ID))).isTrue();
    // On a single span, span_count is not a field at all.
    assertThat(FilterEvaluator.matches(frontend, filter("span_count", "exists", "number"))).isFalse();
  }

  @Test
  void traceLevelAndSpanFiltersCombine() {
    assertThat(matches(trace, filter("duration", "gte", "number", 200), eq("service.name", "backend"))).isTrue();
    assertThat(matches(trace, filter("duration", "gte", "number", 300), eq("service.name", "backend"))).isFalse();
  }

  @Test
  void traceLevelFieldsAreRecognised() {
    assertThat(FieldResolver.isTraceLevel("duration")).isTrue();
    assertThat(FieldResolver.isTraceLevel("Duration_MS")).isTrue();
    assertThat(FieldResolver.isTraceLevel("span_count")).isTrue();
    assertThat(FieldResolver.isTraceLevel("trace_id")).isTrue();
    assertThat(FieldResolver.isTraceLevel("service.name")).isFalse();
    assertThat(FieldResolver.isTraceLevel("status")).isFalse();
    assertThat(FieldResolver.traceValues(trace, "span_count")).contains(List.of(AttributeValue.of(2L)));
    assertThat(FieldResolver.traceValues(trace, "duration_ms")).contains(List.of(AttributeValue.of(250.0)));
    assertThat(FieldResolver.traceValues(trace, "gen_ai.system")).isEmpty();
  }

  @Test
  void negativeSpanFilterHoldsOnlyWhenNoSpanMatchesItsPositive() {
    Span claude = span("00000000000000f3")
        .parentSpanId("00000000000000f1")
        .startTime(T0.plusMillis(10))
        .attributes(Attributes.ofPairs("gen_ai.request.model", "claude-3"))
        .build();
    Trace gpt4AndClaude = Fixtures.trace(frontend, backend, claude);
    Trace claudeOnly = Fixtures.trace(frontend, claude);
    Trace noModel = Fixtures.trace(frontend);
    Filter notGpt4 = filter("gen_ai.request.model", "not_equals", "string", "gpt-4");

    // The claude span and the frontend span satisfy not_equals on their own, but the trace did call gpt-4.
    assertThat(FilterEvaluator.matches(claude, notGpt4)).isTrue();
    assertThat(matches(gpt4AndClaude, notGpt4)).isFalse();
    assertThat(matches(claudeOnly, notGpt4)).isTrue();
    assertThat(matches(noModel, notGpt4)).isTrue();
    assertThat(matches(gpt4AndClaude, filter("gen_ai.request.model", "not_in", "string", "gpt-3.5", "gpt-4")))
        .isFalse();
    assertThat(matches(claudeOnly, filter("gen_ai.request.model", "not_contains", "string", "gpt"))).isTrue();
    assertThat(matches(gpt4AndClaude, filter("gen_ai.request.model", "not_contains", "string", "gpt"))).isFalse();
  }

  @Test
  void notExistsOnATraceMeansNoSpanHasTheField() {
    Filter noErrorType = filter("error.type", "not_exists", "string");
    Span failing = span("00000000000000f4")
        .parentSpanId("00000000000000f1")
        .attributes(Attributes.ofPairs("error.type", "timeout"))
        .build();

    assertThat(matches(trace, noErrorType)).isTrue();
    assertThat(matches(Fixtures.trace(frontend, failing), noErrorType)).isFalse();
    assertThat(matches(Fixtures.trace(frontend, failing), filter("error.type", "exists", "string"))).isTrue();
  }

  @Test
  void positiveAndNegativeSpanFiltersTogether() {
    Filter openai = eq("gen_ai.system", "openai");
    Filter notGpt4 = filter("gen_ai.request.model", "not_equals", "string", "gpt-4");
    Filter notGpt35 = filter("gen_ai.request.model", "not_equals", "string", "gpt-3.5");

    assertThat(matches(trace, openai, notGpt4)).isFalse();
    assertThat(matches(trace, openai, notGpt35)).isTrue();
  }

  @Test
  void statusErrorOnATraceMeansSomeSpanFailed() {
    Span failedChild = backend.toBuilder().status(SpanStatus.error("boom")).build();
    Trace failed = Fixtures.trace(frontend.toBuilder().status(SpanStatus.OK).build(), failedChild);
    Filter isError = eq("status", "ERROR");
    Filter hasNoError = filter("status", "not_equals", "string", "ERROR");

    assertThat(failed.status()).isEqualTo(StatusCode.ERROR);
    assertThat(matches(failed, isError)).isTrue();
    assertThat(matches(failed, eq("status", "error"))).isTrue();
    assertThat(matches(failed, hasNoError)).isFalse();
    assertThat(matches(trace, isError)).isFalse();
    assertThat(matches(trace, hasNoError)).isTrue();
    assertThat(matches(trace, filter("status", "not_equals", "string", "error"))).isTrue();
    // The failure is on the backend span: "errors in backend" matches, "errors in frontend" does not.
    assertThat(matches(failed, isError, eq("service.name", "backend"))).isTrue();
    assertThat(matches(failed, isError, eq("service.name", "frontend"))).isFalse();
  }

  @Test
  void emptyFilterListMatchesEveryTrace() {
    assertThat(FilterEvaluator.matches(trace, List.of())).isTrue();
  }
}
