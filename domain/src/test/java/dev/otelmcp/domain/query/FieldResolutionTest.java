package dev.otelmcp.domain.query;

import static dev.otelmcp.domain.query.Fixtures.eq;
import static dev.otelmcp.domain.query.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which value(s) a filter field has on a span: intrinsics, scopes, arrays and convention aliases. */
class FieldResolutionTest {

  private static boolean matches(Span span, Filter filter) {
    return FilterEvaluator.matches(span, filter);
  }

  @Nested
  class Intrinsics {

    private final Span child = Fixtures.span("00000000000000c2")
        .parentSpanId("00000000000000c1")
        .name("chat gpt-4o")
        .serviceName("llm-gateway")
        .kind(SpanKind.CLIENT)
        .duration(Duration.ofNanos(1_500_250_000L))
        .status(SpanStatus.error("rate limited"))
        .build();

    @ParameterizedTest(name = "{0} -> 1500.25 ms")
    @ValueSource(strings = {"duration", "duration_ms", "DURATION", " duration_ms "})
    void durationAndDurationMsAreBothMilliseconds(String field) {
      assertThat(FieldResolver.spanValues(child, field)).containsExactly(AttributeValue.of(1500.25));
      assertThat(matches(child, filter(field, "gt", "number", 1500.2))).isTrue();
      assertThat(matches(child, filter(field, "gte", "number", 1500))).isTrue();
      assertThat(matches(child, filter(field, "lt", "number", 1000))).isFalse();
      assertThat(matches(child, filter(field, "between", "number", 1500.25, 1500.25))).isTrue();
    }

    @ParameterizedTest(name = "{0} equals {1} -> {2}")
    @CsvSource(textBlock = """
        status,           ERROR,         true
        status,           error,         true
        status,           Error,         true
        status,           OK,            false
        status_code,      error,         true
        otel.status_code, error,         true
        kind,             client,        true
        span.kind,        CLIENT,        true
        kind,             server,        false
        span_id,          00000000000000C2, true
        parent_span_id,   00000000000000c1, true
        trace_id,         0AF7651916CD43DD8448EB211C80319C, true
        service.name,     llm-gateway,   true
        service.name,     LLM-Gateway,   false
        service_name,     llm-gateway,   true
        resource.service.name, llm-gateway, true
        name,             chat gpt-4o,   true
        operation_name,   chat gpt-4o,   true
        operation_name,   Chat GPT-4o,   false
        status.message,   rate limited,  true
        status.message,   Rate Limited,  false
        """)
    void intrinsicFieldsAndTheirCaseRules(String field, String value, boolean expected) {
      assertThat(matches(child, eq(field, value))).isEqualTo(expected);
    }

    @Test
    void statusInAndNotEqualsAreCaseInsensitiveToo() {
      assertThat(matches(child, filter("status", "in", "string", "ok", "error"))).isTrue();
      assertThat(matches(child, filter("status", "not_equals", "string", "error"))).isFalse();
      assertThat(matches(child, filter("kind", "starts_with", "string", "cli"))).isTrue();
    }

    @Test
    void rootSpanHasNoParentAndNoStatusMessage() {
      Span root = Fixtures.span("00000000000000c1").status(SpanStatus.OK).build();

      assertThat(FieldResolver.spanValues(root, "parent_span_id")).isEmpty();
      assertThat(matches(root, filter("parent_span_id", "not_exists", "string"))).isTrue();
      assertThat(matches(child, filter("parent_span_id", "exists", "string"))).isTrue();
      assertThat(FieldResolver.spanValues(root, "status.message")).isEmpty();
      assertThat(FieldResolver.spanValues(root, "status")).containsExactly(AttributeValue.of("OK"));
      assertThat(FieldResolver.spanValues(root, "kind")).containsExactly(AttributeValue.of("SERVER"));
    }

    @Test
    void unsetKindAndStatusResolveToTheirNames() {
      Span bare = Span.builder().traceId("1").spanId("2").startTime(Fixtures.T0).build();

      assertThat(FieldResolver.spanValues(bare, "kind")).containsExactly(AttributeValue.of("UNSPECIFIED"));
      assertThat(FieldResolver.spanValues(bare, "status")).containsExactly(AttributeValue.of("UNSET"));
      assertThat(FieldResolver.spanValues(bare, "service.name")).containsExactly(AttributeValue.of("unknown_service"));
    }
  }

  @Nested
  class AttributesAndScopes {

    private final Span span = Fixtures.span("00000000000000d1")
        .attributes(Attributes.builder()
            .put("gen_ai.response.finish_reasons", AttributeValue.ofList(
                List.of(AttributeValue.of("stop"), AttributeValue.of("length"))))
            .put("scores", AttributeValue.ofList(List.of(AttributeValue.of(1L), AttributeValue.of(5L))))
            .put("shared", "from-span")
            .put("http.route", "/cart")
            .build())
        .resource(Attributes.builder()
            .put("deployment.environment", "prod")
            .put("shared", "from-resource")
            .build())
        .build();

    @Test
    void arrayAttributesMatchByElement() {
      String key = "gen_ai.response.finish_reasons";

      assertThat(FieldResolver.spanValues(span, key))
          .containsExactly(AttributeValue.of("stop"), AttributeValue.of("length"));
      assertThat(matches(span, eq(key, "length"))).isTrue();
      assertThat(matches(span, eq(key, "stop"))).isTrue();
      assertThat(matches(span, eq(key, "content_filter"))).isFalse();
      assertThat(matches(span, filter(key, "in", "string", "length", "tool_calls"))).isTrue();
      assertThat(matches(span, filter(key, "contains", "string", "leng"))).isTrue();
      assertThat(matches(span, filter(key, "not_equals", "string", "length"))).isFalse();
      assertThat(matches(span, filter(key, "not_equals", "string", "content_filter"))).isTrue();
      assertThat(matches(span, filter("scores", "gt", "number", 4))).isTrue();
      assertThat(matches(span, filter("scores", "gt", "number", 5))).isFalse();
      assertThat(matches(span, filter("scores", "between", "number", 2, 4))).isFalse();
    }

    @Test
    void attributeKeysAreCaseSensitive() {
      assertThat(matches(span, eq("http.route", "/cart"))).isTrue();
      assertThat(matches(span, eq("HTTP.ROUTE", "/cart"))).isFalse();
      assertThat(matches(span, eq("http.route", "/CART"))).isFalse();
    }

    @Test
    void resourceAttributesAreAFallback() {
      assertThat(matches(span, eq("deployment.environment", "prod"))).isTrue();
      assertThat(matches(span, eq("shared", "from-span"))).isTrue();
      assertThat(matches(span, eq("shared", "from-resource"))).isFalse();
    }

    @Test
    void resourcePrefixLooksOnlyAtTheResource() {
      assertThat(matches(span, eq("resource.shared", "from-resource"))).isTrue();
      assertThat(matches(span, eq("resource.shared", "from-span"))).isFalse();
      assertThat(matches(span, eq("resource.deployment.environment", "prod"))).isTrue();
      assertThat(matches(span, filter("resource.http.route", "exists", "string"))).isFalse();
    }

    @Test
    void spanPrefixLooksOnlyAtSpanAttributes() {
      assertThat(matches(span, eq("span.shared", "from-span"))).isTrue();
      assertThat(matches(span, eq("span.http.route", "/cart"))).isTrue();
      assertThat(matches(span, filter("span.deployment.environment", "exists", "string"))).isFalse();
      assertThat(matches(span, filter("span.deployment.environment", "not_exists", "string"))).isTrue();
    }
  }

  @Nested
  class Aliases {

    private Span spanWith(String key, String value) {
      return Fixtures.spanWith(key, value);
    }

    @ParameterizedTest(name = "gen_ai.system=openai matches a span with only {0}")
    @ValueSource(strings = {"gen_ai.system", "gen_ai.provider.name", "llm.vendor", "llm.system", "llm.provider"})
    void genAiSystemFindsEveryProviderConvention(String key) {
      Span span = spanWith(key, "openai");

      assertThat(matches(span, eq("gen_ai.system", "openai"))).isTrue();
      assertThat(matches(span, eq("gen_ai.system", "anthropic"))).isFalse();
      assertThat(matches(span, filter("gen_ai.system", "not_equals", "string", "openai"))).isFalse();
      assertThat(matches(span, filter("gen_ai.system", "exists", "string"))).isTrue();
    }

    @Test
    void aliasesWorkInEveryDirection() {
      assertThat(matches(spanWith("gen_ai.system", "openai"), eq("llm.vendor", "openai"))).isTrue();
      assertThat(matches(spanWith("gen_ai.provider.name", "openai"), eq("llm.vendor", "openai"))).isTrue();
      assertThat(matches(spanWith("llm.request.model", "gpt-4"), eq("gen_ai.request.model", "gpt-4"))).isTrue();
      assertThat(matches(spanWith("gen_ai.request.model", "gpt-4"), eq("llm.request.model", "gpt-4"))).isTrue();
      assertThat(matches(spanWith("llm.response.model", "gpt-4-0613"), eq("gen_ai.response.model", "gpt-4-0613")))
          .isTrue();
    }

    @Test
    void requestAndResponseModelsAreNotAliasesOfEachOther() {
      assertThat(matches(spanWith("gen_ai.response.model", "gpt-4"), eq("gen_ai.request.model", "gpt-4"))).isFalse();
      assertThat(matches(spanWith("gen_ai.request.model", "gpt-4"), eq("gen_ai.response.model", "gpt-4"))).isFalse();
    }

    @Test
    void theKeyAskedForWinsOverItsAliases() {
      Span span = Fixtures.spanWith("gen_ai.system", "anthropic", "llm.vendor", "openai");

      assertThat(FieldResolver.spanValues(span, "gen_ai.system")).containsExactly(AttributeValue.of("anthropic"));
      assertThat(matches(span, eq("gen_ai.system", "openai"))).isFalse();
      assertThat(matches(span, eq("llm.vendor", "openai"))).isTrue();
    }

    @Test
    void aliasesAlsoFallBackToTheResource() {
      Span span = Fixtures.span("00000000000000e1")
          .resource(Attributes.ofPairs("gen_ai.provider.name", "openai"))
          .build();

      assertThat(matches(span, eq("gen_ai.system", "openai"))).isTrue();
    }

    @Test
    void aliasTableOrdersTheAskedKeyFirst() {
      assertThat(AttributeAliases.keysFor("gen_ai.system"))
          .containsExactly("gen_ai.system", "gen_ai.provider.name", "llm.vendor", "llm.system", "llm.provider");
      assertThat(AttributeAliases.keysFor("llm.vendor"))
          .containsExactly("llm.vendor", "gen_ai.system", "gen_ai.provider.name", "llm.system", "llm.provider");
      assertThat(AttributeAliases.keysFor("llm.request.model"))
          .containsExactly("llm.request.model", "gen_ai.request.model", "llm.request.model_name");
      assertThat(AttributeAliases.keysFor("http.route")).containsExactly("http.route");
      assertThat(AttributeAliases.hasAliases("gen_ai.response.model")).isTrue();
      assertThat(AttributeAliases.hasAliases("http.route")).isFalse();
    }
  }
}
