package dev.otelmcp.adapters.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.adapters.tempo.FilterTranslator.Context;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The TraceQL of every operator on every kind of field, and which filters Tempo is (not) trusted with. */
class FilterTranslatorTest {

  private static Filter text(String field, FilterOperator op, String... values) {
    return Filter.of(field, op, FilterValueType.STRING, List.of((Object[]) values));
  }

  private static Filter number(String field, FilterOperator op, double... values) {
    return Filter.number(field, op, values);
  }

  private static Optional<Condition> onTrace(Filter filter) {
    return FilterTranslator.translate(filter, Context.TRACE);
  }

  private static Optional<Condition> onSpan(Filter filter) {
    return FilterTranslator.translate(filter, Context.SPAN);
  }

  private static String exact(Optional<Condition> condition) {
    assertThat(condition).as("claimed").isPresent();
    assertThat(condition.get().exact()).as("exact: %s", condition.get().traceQl()).isTrue();
    return condition.get().traceQl();
  }

  private static String superset(Optional<Condition> condition) {
    assertThat(condition).as("claimed").isPresent();
    assertThat(condition.get().exact()).as("superset: %s", condition.get().traceQl()).isFalse();
    return condition.get().traceQl();
  }

  @Test
  void serviceNameIsTheResourceAttributeForEveryPositiveTextOperator() {
    assertThat(exact(onTrace(text("service.name", FilterOperator.EQUALS, "travel-agent-demo"))))
        .isEqualTo("resource.service.name = \"travel-agent-demo\"");
    assertThat(exact(onTrace(text("service_name", FilterOperator.IN, "travel-agent-demo", "travel-agent-demo2"))))
        .isEqualTo("(resource.service.name = \"travel-agent-demo\" || resource.service.name = \"travel-agent-demo2\")");
    assertThat(exact(onTrace(text("service.name", FilterOperator.CONTAINS, "agent"))))
        .isEqualTo("resource.service.name =~ \"(?s)^.*agent.*$\"");
    assertThat(exact(onTrace(text("resource.service.name", FilterOperator.STARTS_WITH, "travel"))))
        .isEqualTo("resource.service.name =~ \"(?s)^travel.*$\"");
    assertThat(exact(onSpan(text("service", FilterOperator.ENDS_WITH, "demo2"))))
        .isEqualTo("resource.service.name =~ \"(?s)^.*demo2$\"");
  }

  @Test
  void serviceFiltersThatTheUnknownServiceStandInWouldSatisfyAreNotTempos() {
    // The domain names a span without service.name "unknown_service"; Tempo stores no name at all.
    assertThat(onTrace(text("service.name", FilterOperator.CONTAINS, "service"))).isEmpty();
    assertThat(onTrace(text("service.name", FilterOperator.EQUALS, "unknown_service"))).isEmpty();
    assertThat(onSpan(text("service.name", FilterOperator.NOT_EQUALS, "travel-agent-demo"))).isEmpty();
    assertThat(onTrace(Filter.exists("service.name"))).isEmpty();
  }

  @Test
  void spanNamesTakeEveryTextOperatorAndOnSpansTheirNegationsToo() {
    assertThat(exact(onTrace(text("operation_name", FilterOperator.EQUALS, "openai.response"))))
        .isEqualTo("name = \"openai.response\"");
    assertThat(exact(onTrace(text("name", FilterOperator.CONTAINS, ".tool")))).isEqualTo("name =~ \"(?s)^.*\\\\.tool.*$\"");
    assertThat(exact(onSpan(text("name", FilterOperator.NOT_EQUALS, "GET")))).isEqualTo("name != \"GET\"");
    assertThat(exact(onSpan(text("name", FilterOperator.NOT_IN, "GET", "openai.chat"))))
        .isEqualTo("(name != \"GET\" && name != \"openai.chat\")");
    assertThat(exact(onSpan(text("name", FilterOperator.NOT_CONTAINS, "tool"))))
        .isEqualTo("name !~ \"(?s)^.*tool.*$\"");
  }

  @Test
  void onATraceANegativeFilterMeansNoSpanHasItWhichNoSpansetSays() {
    assertThat(onTrace(text("name", FilterOperator.NOT_EQUALS, "GET"))).isEmpty();
    assertThat(onTrace(text("status", FilterOperator.NOT_EQUALS, "ERROR"))).as("has_error=false").isEmpty();
    assertThat(onTrace(text("gen_ai.request.model", FilterOperator.NOT_IN, "gpt-4o"))).isEmpty();
    assertThat(onTrace(Filter.of("llm.is_streaming", FilterOperator.NOT_EXISTS, FilterValueType.STRING, List.of())))
        .isEmpty();
  }

  @Test
  void statusAndKindBecomeTheEnumValuesThatSatisfyTheFilter() {
    assertThat(exact(onTrace(text("status", FilterOperator.EQUALS, "ERROR")))).isEqualTo("status = error");
    assertThat(exact(onTrace(text("otel.status_code", FilterOperator.EQUALS, "ok")))).isEqualTo("status = ok");
    assertThat(exact(onTrace(text("status", FilterOperator.IN, "OK", "ERROR")))).isEqualTo("(status = ok || status = error)");
    assertThat(exact(onTrace(text("status", FilterOperator.CONTAINS, "R")))).isEqualTo("status = error");
    assertThat(exact(onSpan(text("status", FilterOperator.NOT_EQUALS, "ERROR")))).isEqualTo("(status = unset || status = ok)");
    assertThat(onSpan(Filter.exists("status"))).contains(Condition.NONE);

    assertThat(exact(onTrace(text("kind", FilterOperator.EQUALS, "SERVER")))).isEqualTo("kind = server");
    assertThat(exact(onSpan(text("span.kind", FilterOperator.NOT_IN, "internal", "unspecified"))))
        .isEqualTo("(kind = server || kind = client || kind = producer || kind = consumer)");
  }

  @Test
  void statusMessageTakesPositiveOperatorsThatAnEmptyMessageCannotSatisfy() {
    assertThat(exact(onTrace(text("status.message", FilterOperator.CONTAINS, "timeout"))))
        .isEqualTo("statusMessage =~ \"(?s)^.*timeout.*$\"");
    assertThat(onTrace(text("status.message", FilterOperator.CONTAINS, ""))).isEmpty();
    assertThat(onTrace(Filter.exists("status.message"))).isEmpty();
  }

  @Test
  void traceDurationIsTraceDurationInMillisecondsWithEveryOperator() {
    assertThat(exact(onTrace(number("duration", FilterOperator.GTE, 100)))).isEqualTo("traceDuration >= 100ms");
    assertThat(exact(onTrace(number("duration_ms", FilterOperator.GT, 123.5)))).isEqualTo("traceDuration > 123.5ms");
    assertThat(exact(onTrace(number("duration", FilterOperator.LT, 2000)))).isEqualTo("traceDuration < 2000ms");
    assertThat(exact(onTrace(number("duration", FilterOperator.LTE, 0.25)))).isEqualTo("traceDuration <= 0.25ms");
    assertThat(exact(onTrace(number("duration", FilterOperator.BETWEEN, 100, 200))))
        .isEqualTo("(traceDuration >= 100ms && traceDuration <= 200ms)");
    assertThat(exact(onTrace(number("duration", FilterOperator.EQUALS, 10109.71)))).isEqualTo("traceDuration = 10109.71ms");
    assertThat(exact(onTrace(number("duration", FilterOperator.IN, 1, 2))))
        .isEqualTo("(traceDuration = 1ms || traceDuration = 2ms)");
    // Trace-level fields are single values: their negation is exact on a trace too.
    assertThat(exact(onTrace(number("duration", FilterOperator.NOT_EQUALS, 100)))).isEqualTo("traceDuration != 100ms");
    assertThat(exact(onTrace(number("duration", FilterOperator.NOT_IN, 1, 2))))
        .isEqualTo("(traceDuration != 1ms && traceDuration != 2ms)");
  }

  @Test
  void durationBoundsBetweenTwoNanosecondsRoundTheWayThatKeepsTheComparison() {
    // 0.0000005 ms = half a nanosecond: "> 0.5ns" is ">= 1ns" on whole nanoseconds.
    assertThat(exact(onTrace(number("duration", FilterOperator.GT, 0.0000005)))).isEqualTo("traceDuration >= 0.000001ms");
    assertThat(exact(onTrace(number("duration", FilterOperator.LTE, 0.0000015)))).isEqualTo("traceDuration <= 0.000001ms");
    assertThat(exact(onTrace(number("duration", FilterOperator.LT, -1)))).as("nothing is shorter than 0")
        .isEqualTo("traceDuration < 0ms");
    assertThat(exact(onTrace(number("duration", FilterOperator.GT, -5)))).isEqualTo("traceDuration >= 0ms");
    assertThat(onTrace(number("duration", FilterOperator.EQUALS, 0.0000005))).as("no trace lasts half a nanosecond")
        .isEmpty();
    assertThat(onTrace(Filter.exists("duration"))).isEmpty();
  }

  @Test
  void onASpanDurationIsTheSpansOwn() {
    assertThat(exact(onSpan(number("duration", FilterOperator.GTE, 100)))).isEqualTo("duration >= 100ms");
    assertThat(exact(onSpan(number("duration_ms", FilterOperator.NOT_EQUALS, 5)))).isEqualTo("duration != 5ms");
  }

  @Test
  void spanCountTraceIdAndSpanIdsAreNotTempos() {
    assertThat(onTrace(number("span_count", FilterOperator.GT, 5))).isEmpty();
    assertThat(onTrace(text("trace_id", FilterOperator.EQUALS, "42ff472d7feb6215bec0cf4e350675b2"))).isEmpty();
    assertThat(onSpan(text("span_id", FilterOperator.EQUALS, "34fcf1bb3fafa39e"))).isEmpty();
    assertThat(onSpan(text("parent_span_id", FilterOperator.EQUALS, "a94b4056fdcc5ab8"))).isEmpty();
  }

  @Test
  void scopedTextThatNoNumberOrBooleanCouldBeIsExact() {
    assertThat(exact(onTrace(text("span.gen_ai.request.model", FilterOperator.EQUALS, "gpt-4o-mini"))))
        .isEqualTo("span.gen_ai.request.model = \"gpt-4o-mini\"");
    assertThat(exact(onTrace(text("span.gen_ai.request.model", FilterOperator.CONTAINS, "4o"))))
        .isEqualTo("span.gen_ai.request.model =~ \"(?s)^.*4o.*$\"");
    assertThat(exact(onTrace(text("resource.telemetry.sdk.language", FilterOperator.IN, "python", "go"))))
        .isEqualTo("(resource.telemetry.sdk.language = \"python\" || resource.telemetry.sdk.language = \"go\")");
  }

  @Test
  void textThatANumberOrBooleanCouldBeFallsBackToExistenceAndIsReChecked() {
    // The domain matches the integer 200 with the text "200"; TraceQL's "200" would not.
    assertThat(superset(onTrace(text("span.http.status_code", FilterOperator.EQUALS, "200"))))
        .isEqualTo("span.http.status_code != nil");
    assertThat(superset(onTrace(text("span.llm.is_streaming", FilterOperator.EQUALS, "true"))))
        .isEqualTo("span.llm.is_streaming != nil");
    assertThat(superset(onTrace(text("span.x", FilterOperator.CONTAINS, "rue")))).isEqualTo("span.x != nil");
    assertThat(superset(onTrace(text("span.x", FilterOperator.STARTS_WITH, "1.5E")))).isEqualTo("span.x != nil");
    assertThat(superset(onTrace(text("span.x", FilterOperator.ENDS_WITH, "e")))).as("true, false").isEqualTo("span.x != nil");
  }

  @Test
  void unscopedKeysTryTheirConventionAliasesAndAreReChecked() {
    assertThat(superset(onTrace(text("gen_ai.system", FilterOperator.EQUALS, "openai")))).isEqualTo(
        "(.gen_ai.system = \"openai\" || .gen_ai.provider.name = \"openai\" || .llm.vendor = \"openai\""
            + " || .llm.system = \"openai\" || .llm.provider = \"openai\")");
    assertThat(superset(onTrace(text("gen_ai.request.model", FilterOperator.EQUALS, "gpt-4o-mini")))).isEqualTo(
        "(.gen_ai.request.model = \"gpt-4o-mini\" || .llm.request.model = \"gpt-4o-mini\""
            + " || .llm.request.model_name = \"gpt-4o-mini\")");
    assertThat(superset(onTrace(text("traceloop.span.kind", FilterOperator.EQUALS, "tool"))))
        .isEqualTo(".traceloop.span.kind = \"tool\"");
  }

  @Test
  void existenceIsExactWithUnscopedKeysSpelledPerScope() {
    assertThat(exact(onTrace(Filter.exists("span.gen_ai.usage.prompt_tokens"))))
        .isEqualTo("span.gen_ai.usage.prompt_tokens != nil");
    assertThat(exact(onTrace(Filter.exists("gen_ai.response.model")))).isEqualTo(
        "(span.gen_ai.response.model != nil || resource.gen_ai.response.model != nil"
            + " || span.llm.response.model != nil || resource.llm.response.model != nil"
            + " || span.llm.response.model_name != nil || resource.llm.response.model_name != nil"
            + " || span.llm.model_name != nil || resource.llm.model_name != nil)");
  }

  @Test
  void numbersMatchIntAndFloatAttributesAndLetNumericTextThroughForTheReCheck() {
    String numericText = " || span.gen_ai.usage.prompt_tokens =~ "
        + "\"^[\\\\x00-\\\\x20]*[+-]?(\\\\d+(\\\\.\\\\d*)?|\\\\.\\\\d+)([eE][+-]?\\\\d+)?[\\\\x00-\\\\x20]*$\")";
    assertThat(superset(onTrace(number("span.gen_ai.usage.prompt_tokens", FilterOperator.GT, 5000))))
        .isEqualTo("(span.gen_ai.usage.prompt_tokens > 5000" + numericText);
    assertThat(superset(onTrace(number("span.gen_ai.usage.prompt_tokens", FilterOperator.EQUALS, 313))))
        .isEqualTo("((span.gen_ai.usage.prompt_tokens = 313 || span.gen_ai.usage.prompt_tokens = 313.0)" + numericText);
    assertThat(superset(onTrace(number("span.gen_ai.usage.prompt_tokens", FilterOperator.BETWEEN, 500, 1000))))
        .isEqualTo("((span.gen_ai.usage.prompt_tokens >= 500 && span.gen_ai.usage.prompt_tokens <= 1000)" + numericText);
    assertThat(superset(onTrace(number("span.gen_ai.request.temperature", FilterOperator.LTE, 0.7))))
        .startsWith("(span.gen_ai.request.temperature <= 0.7 || ");
    assertThat(superset(onTrace(number("span.x", FilterOperator.GTE, -2)))).startsWith("(span.x >= -2 || ");
    assertThat(superset(onTrace(number("span.x", FilterOperator.LT, 10)))).startsWith("(span.x < 10 || ");
    assertThat(superset(onTrace(number("span.x", FilterOperator.IN, 1.5, 2)))).startsWith(
        "((span.x = 1.5 || span.x = 2 || span.x = 2.0) || ");
  }

  @Test
  void booleansMatchBooleanAttributesAndTheTextTrueOrFalseAsTheDomainReadsThem() {
    String condition = exact(onTrace(Filter.of("span.llm.is_streaming", FilterOperator.EQUALS, FilterValueType.BOOLEAN,
        List.of(true))));

    assertThat(condition).isEqualTo("(span.llm.is_streaming = true || span.llm.is_streaming =~ "
        + "\"(?i)^[\\\\x00-\\\\x20]*true[\\\\x00-\\\\x20]*$\")");
    Pattern text = Pattern.compile(TraceQlTest.unquoteGo(condition.substring(condition.indexOf("=~ ") + 3,
        condition.length() - 1)));
    for (String value : List.of("true", " TRUE ", "True", "false", "yes", "truee")) {
      assertThat(text.matcher(value).matches()).as(value)
          .isEqualTo(AttributeValue.of(value).asBoolean().orElse(false));
    }
  }

  @Test
  void negativeAttributeFiltersAreNeverTempos() {
    for (FilterOperator negative : List.of(FilterOperator.NOT_EQUALS, FilterOperator.NOT_CONTAINS, FilterOperator.NOT_IN)) {
      assertThat(onSpan(text("span.gen_ai.request.model", negative, "gpt-4o"))).as(negative.wireName()).isEmpty();
    }
    assertThat(onSpan(Filter.of("span.x", FilterOperator.NOT_EXISTS, FilterValueType.STRING, List.of()))).isEmpty();
  }

  @Test
  void injectionAttemptsInValuesAndFieldNamesStayLiterals() {
    String attack = "\" || true || \"";
    assertThat(exact(onTrace(text("name", FilterOperator.EQUALS, attack)))).isEqualTo("name = \"\\\" || true || \\\"\"");
    assertThat(exact(onTrace(text("span.x\") || true || (\"", FilterOperator.EQUALS, "y"))))
        .isEqualTo("span.\"x\\\") || true || (\\\"\" = \"y\"");
    assertThat(exact(onTrace(text("name", FilterOperator.STARTS_WITH, "} | select(.secret) {"))))
        .isEqualTo("name =~ \"(?s)^\\\\} \\\\| select\\\\(\\\\.secret\\\\) \\\\{.*$\"");
  }

  @Test
  void regexMetacharactersInValuesMatchThemselvesOnlyAsTheDomainsContainsDoes() {
    List<String> literals = List.of(".*", "a+b", "f(x)", "[0-9]", "{1,2}", "a|b", "^start", "end$", "back\\slash", "?");
    List<String> subjects = List.of("", ".*", "xa+by", "aab", "f(x)=1", "fx", "[0-9]", "5", "{1,2}", "11", "a|b", "a",
        "^start", "start", "the end$", "the end", "back\\slash", "backslash", "?", "x");
    for (String literal : literals) {
      for (FilterOperator op : List.of(FilterOperator.CONTAINS, FilterOperator.STARTS_WITH, FilterOperator.ENDS_WITH)) {
        Filter filter = text("name", op, literal);
        String condition = exact(onTrace(filter));
        Pattern pattern = Pattern.compile(TraceQlTest.unquoteGo(condition.substring("name =~ ".length())));
        for (String subject : subjects) {
          assertThat(pattern.matcher(subject).matches()).as("%s %s on '%s'", op.wireName(), literal, subject)
              .isEqualTo(FilterEvaluator.test(filter, List.of(AttributeValue.of(subject))));
        }
      }
    }
  }

  @Test
  void aSpansetPutsEveryConditionOnOneSpanAndSaysWhetherItIsExact() {
    FilterTranslator.Spanset spanset = FilterTranslator.spanset(List.of(
        text("service.name", FilterOperator.EQUALS, "travel-agent-demo"),
        text("status", FilterOperator.EQUALS, "ERROR"),
        number("duration", FilterOperator.GTE, 100),
        Filter.exists("status")), Context.TRACE);

    assertThat(spanset.traceQl())
        .isEqualTo("{ resource.service.name = \"travel-agent-demo\" && status = error && traceDuration >= 100ms }");
    assertThat(spanset.exact()).isTrue();

    FilterTranslator.Spanset withAlias = FilterTranslator.spanset(List.of(
        text("name", FilterOperator.EQUALS, "openai.response"),
        text("gen_ai.request.model", FilterOperator.EQUALS, "gpt-4o-mini")), Context.TRACE);
    assertThat(withAlias.exact()).isFalse();

    FilterTranslator.Spanset untranslatable = FilterTranslator.spanset(List.of(
        number("span_count", FilterOperator.GT, 5)), Context.TRACE);
    assertThat(untranslatable.traceQl()).isEqualTo("{}");
    assertThat(untranslatable.exact()).as("a filter Tempo was not given is re-checked").isFalse();
    assertThat(FilterTranslator.spanset(List.of(), Context.TRACE)).isEqualTo(new FilterTranslator.Spanset("{}", true));
  }

  @Test
  void theQueriesARealTempoWasAskedAreTheOnesWeWrite() {
    assertThat(FilterTranslator.spanset(List.of(text("service.name", FilterOperator.EQUALS, "travel-agent-demo")),
        Context.TRACE).traceQl()).isEqualTo(recordedQ(RecordedTempo.BY_SERVICE, 1));
    assertThat(FilterTranslator.spanset(List.of(text("status", FilterOperator.EQUALS, "ERROR")), Context.TRACE).traceQl())
        .isEqualTo(recordedQ(RecordedTempo.BY_ERROR, 0));
    assertThat(FilterTranslator.spanset(List.of(text("span.gen_ai.request.model", FilterOperator.EQUALS, "claude-3")),
        Context.TRACE).traceQl()).isEqualTo(recordedQ(RecordedTempo.BY_MODEL, 2));
    assertThat(FilterTranslator.spanset(List.of(), Context.TRACE).traceQl()).isEqualTo(recordedQ(RecordedTempo.SERVICES, 0));
  }

  private static String recordedQ(String cassette, int interaction) {
    return RecordedTempo.cassette(cassette).interactions().get(interaction).queryParams().get("q");
  }
}
