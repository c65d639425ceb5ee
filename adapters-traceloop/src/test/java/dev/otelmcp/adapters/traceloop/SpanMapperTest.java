package dev.otelmcp.adapters.traceloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.llm.SpanRole;
import dev.otelmcp.domain.llm.ToolCalls;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.ErrorDetails;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded Traceloop rows to domain spans and summaries. */
class SpanMapperTest {

  private static final String TRACE = "TestTraceloopGetTrace.test_get_trace_by_id";
  private static final String LLM_SPANS = "TestTraceloopLLMSpans.test_search_spans_by_llm_system";
  private static final String BASIC_SPANS = "TestTraceloopSearchSpans.test_search_spans_basic";
  private static final String ROOTS = "TestTraceloopListServices.test_list_services";

  private final SpanMapper mapper = new SpanMapper(Fixtures.JSON);

  private Span span(String cassette, String path, String spanId) {
    return mapper.span(Fixtures.row(cassette, path, spanId)).orElseThrow();
  }

  @Test
  void aTraceSpanKeepsIdsTimesKindAndTypedLlmAttributes() {
    Span chat = span(TRACE, Fixtures.TRACE_SPANS, "01e55a77b2a2dce0");

    assertThat(chat.traceId()).isEqualTo(Fixtures.TRACE_ID);
    assertThat(chat.parentSpanId()).isEqualTo("8f466a6f6bb9d33b");
    assertThat(chat.name()).isEqualTo("openai.chat");
    assertThat(chat.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(chat.startTime()).isEqualTo(Instant.parse("2025-11-16T06:04:37.046Z"));
    assertThat(chat.duration()).isEqualTo(Duration.ofMillis(43_000));
    assertThat(chat.attributes().get("llm.usage.prompt_tokens")).contains(AttributeValue.of(579L));
    assertThat(chat.attributes().get("llm.usage.completion_tokens")).contains(AttributeValue.of(2078L));
    assertThat(chat.attributes().get("llm.completions.0.finish_reason")).contains(AttributeValue.of("stop"));
    assertThat(chat.attributes().get("llm.request.temperature")).contains(AttributeValue.of(0.7));
    assertThat(chat.events()).isEmpty();
  }

  @Test
  void theTraceEndpointSendsNoServiceOrStatus() {
    Span chat = span(TRACE, Fixtures.TRACE_SPANS, "01e55a77b2a2dce0");

    assertThat(chat.serviceName()).isEqualTo(Span.UNKNOWN_SERVICE);
    assertThat(chat.status().code()).isEqualTo(StatusCode.UNSET);
    assertThat(chat.resource().isEmpty()).isTrue();
  }

  @Test
  void theSpanCostIsTheCostAttribute() {
    Span response = span(TRACE, Fixtures.TRACE_SPANS, "e82e6570ac10b8f6");
    assertThat(response.attributes().get(SpanMapper.COST_TOTAL)).contains(AttributeValue.of(14835L));

    // The same recorded row without its cost attributes: the top-level cost_micro_usd (14835) fills the key.
    Wire.WireSpan recorded = Fixtures.row(TRACE, Fixtures.TRACE_SPANS, "e82e6570ac10b8f6");
    ObjectNode attributes = recorded.spanAttributes().deepCopy();
    attributes.remove(List.of(SpanMapper.COST_TOTAL, "traceloop.llm.cost_micro_usd.prompt_tokens",
        "traceloop.llm.cost_micro_usd.completion_tokens"));
    Span withoutAttribute = mapper.span(withAttributes(recorded, attributes)).orElseThrow();
    assertThat(withoutAttribute.attributes().get(SpanMapper.COST_TOTAL)).contains(AttributeValue.of(14835L));
  }

  @Test
  void aSearchRowCarriesServiceStatusResourceAndScope() {
    Span failed = span(LLM_SPANS, Fixtures.SPANS, "b7bca658fb4eaed9");

    assertThat(failed.serviceName()).isEqualTo("travel-agent-demo2");
    assertThat(failed.status().code()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.status().message())
        .startsWith("Could not parse response content as the length limit was reached - CompletionUsage(");
    assertThat(failed.resource().get("telemetry.sdk.version")).contains(AttributeValue.of("1.38.0"));
    assertThat(failed.scopeName()).isEqualTo("opentelemetry.instrumentation.openai.v1");
    assertThat(ErrorDetails.of(failed)).get().satisfies(details -> {
      assertThat(details.type()).isEqualTo("LengthFinishReasonError");
      assertThat(details.message()).startsWith("Could not parse response content");
    });
    assertThat(span(LLM_SPANS, Fixtures.SPANS, "e82e6570ac10b8f6").status().code()).isEqualTo(StatusCode.OK);
    assertThat(span(LLM_SPANS, Fixtures.SPANS, "01e55a77b2a2dce0").status().code()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void promptsAndCompletionsOfSearchRowsGoBackIntoTheAttributes() {
    Span chat = span(BASIC_SPANS, Fixtures.SPANS, "01e55a77b2a2dce0");

    assertThat(chat.attributes().get("llm.completions.0.finish_reason")).contains(AttributeValue.of("stop"));
    assertThat(chat.attributes().get("llm.completions.0.role")).contains(AttributeValue.of("assistant"));
    assertThat(chat.attributes().get("llm.prompts.0.role")).contains(AttributeValue.of("system"));
    assertThat(chat.attributes().get("llm.usage.total_tokens")).contains(AttributeValue.of(2657L));
    assertThat(chat.attributes().size()).isEqualTo(18 + 4 + 3);
  }

  @Test
  void entityInputAndOutputOfRootRowsBecomeTheirAttributes() {
    Span workflow = span(ROOTS, Fixtures.ROOT_SPANS, "0fd131a789f73d47");

    assertThat(workflow.attributes().get(SpanMapper.ENTITY_INPUT)).contains(AttributeValue.of("{\"args\": [], \"kwargs\": {}}"));
    assertThat(workflow.attributes().getText(SpanMapper.ENTITY_OUTPUT)).get().asString()
        .startsWith("\"Why did ye Opentelemetry scallywag");
    assertThat(workflow.attributes().get("traceloop.association.properties.user_id"))
        .contains(AttributeValue.of("user_12345"));
  }

  @Test
  void anOtelGenAiToolSpanIsAToolCallAsOnTheOtherBackends() {
    // The recorded search row of a tool span, with the attributes an OTel GenAI execute_tool span has once the
    // API renamed gen_ai.* to llm.* (as it does for gen_ai.operation.name "response" on this trace's LLM spans).
    Wire.WireSpan recorded = Fixtures.row(BASIC_SPANS, Fixtures.SPANS, "8f466a6f6bb9d33b");
    ObjectNode attributes = Fixtures.JSON.createObjectNode().put("llm.operation.name", "execute_tool")
        .put("llm.tool.name", "create_itinerary").put("llm.tool.type", "function")
        .put("llm.tool.call.id", "call_7YyJ3kQdPq");
    Wire.WireSpan row = withName(withAttributes(recorded, attributes), "execute_tool create_itinerary");

    Span tool = mapper.span(row).orElseThrow();

    assertThat(tool.attributes().get("gen_ai.operation.name")).contains(AttributeValue.of("execute_tool"));
    assertThat(tool.attributes().get("llm.operation.name")).contains(AttributeValue.of("execute_tool"));
    assertThat(SpanRole.of(tool)).isEqualTo(SpanRole.TOOL);
    assertThat(ToolCalls.read(tool)).get().satisfies(call -> {
      assertThat(call.name()).isEqualTo("create_itinerary");
      assertThat(call.failed()).isFalse();
    });
  }

  @Test
  void theOperationNameTheSpanCarriesItselfIsKept() {
    Wire.WireSpan recorded = Fixtures.row(BASIC_SPANS, Fixtures.SPANS, "e82e6570ac10b8f6");
    ObjectNode attributes = recorded.spanAttributes().deepCopy();
    attributes.put("gen_ai.operation.name", "chat");

    Span span = mapper.span(withAttributes(recorded, attributes)).orElseThrow();

    assertThat(span.attributes().get("gen_ai.operation.name")).contains(AttributeValue.of("chat"));
    assertThat(span.attributes().get("llm.operation.name")).contains(AttributeValue.of("response"));
    // The recorded LLM call itself gets the OTel key from the API's llm.operation.name "response".
    assertThat(span(BASIC_SPANS, Fixtures.SPANS, "e82e6570ac10b8f6").attributes().get("gen_ai.operation.name"))
        .contains(AttributeValue.of("response"));
  }

  @Test
  void theRenamedProviderNameIsTheProviderAsOnTheOtherBackends() {
    // An OpenLLMetry 0.55+ LLM span carries gen_ai.provider.name, which the API renames to llm.provider.name.
    Wire.WireSpan recorded = Fixtures.row(BASIC_SPANS, Fixtures.SPANS, "e82e6570ac10b8f6");
    ObjectNode attributes = recorded.spanAttributes().deepCopy();
    attributes.remove("llm.vendor");
    attributes.put("llm.provider.name", "openai");

    Span span = mapper.span(withAttributes(recorded, attributes)).orElseThrow();

    assertThat(span.attributes().get("gen_ai.provider.name")).contains(AttributeValue.of("openai"));
    assertThat(span.attributes().get("llm.provider.name")).contains(AttributeValue.of("openai"));
    assertThat(LlmCalls.read(span)).get().extracting(LlmCall::provider).isEqualTo("openai");
  }

  @Test
  void aProviderNameTheSpanCarriesItselfIsKept() {
    Wire.WireSpan recorded = Fixtures.row(BASIC_SPANS, Fixtures.SPANS, "e82e6570ac10b8f6");
    ObjectNode attributes = recorded.spanAttributes().deepCopy();
    attributes.put("gen_ai.provider.name", "azure.ai.openai").put("llm.provider.name", "openai");

    Span span = mapper.span(withAttributes(recorded, attributes)).orElseThrow();

    assertThat(span.attributes().get("gen_ai.provider.name")).contains(AttributeValue.of("azure.ai.openai"));
  }

  @Test
  void theServiceFallsBackToTheResourceAndNeverIsBlank() {
    Wire.WireSpan recorded = Fixtures.row(LLM_SPANS, Fixtures.SPANS, "b7bca658fb4eaed9");

    assertThat(mapper.span(withService(recorded, "")).orElseThrow().serviceName()).isEqualTo("travel-agent-demo2");
    assertThat(mapper.span(withService(withResource(recorded, null), null)).orElseThrow().serviceName())
        .isEqualTo(Span.UNKNOWN_SERVICE);
  }

  @Test
  void aRootRowIsASummaryWithTheApisSpanCount() {
    TraceSummary summary = mapper.summary(Fixtures.row(ROOTS, Fixtures.ROOT_SPANS, "6b3a38f23a58e2ec")).orElseThrow();

    assertThat(summary).isEqualTo(new TraceSummary(Fixtures.TRACE_ID, "travel-agent-demo2", "Agent Workflow",
        Instant.parse("2025-11-16T06:04:19.770Z"), Duration.ofMillis(68_638), 16, null, List.of()));
  }

  @Test
  void eventsPairNamesWithAttributesAndCarryTheSpanStart() {
    // The recordings only hold empty event arrays; this row is the recorded span with events in the shape the
    // API's columns have (events_name[i] with events_attributes[i], a map or its JSON text).
    Wire.WireSpan recorded = Fixtures.row(TRACE, Fixtures.TRACE_SPANS, "01e55a77b2a2dce0");
    Wire.WireSpan withEvents = new Wire.WireSpan(recorded.environment(), recorded.timestamp(), recorded.traceId(),
        recorded.spanId(), recorded.parentSpanId(), recorded.spanName(), recorded.spanKind(), recorded.serviceName(),
        recorded.resourceAttributes(), recorded.scopeName(), recorded.spanAttributes(), recorded.duration(),
        recorded.statusCode(), recorded.statusMessage(), recorded.prompts(), recorded.completions(),
        recorded.input(), recorded.output(), Fixtures.json("[\"exception\",\"retry\"]"),
        Fixtures.json("[{\"exception.type\":\"LengthFinishReasonError\",\"exception.message\":\"limit\"},"
            + "\"{\\\"attempt\\\":\\\"2\\\"}\"]"),
        recorded.costMicroUsd(), null, null);

    List<SpanEvent> events = mapper.span(withEvents).orElseThrow().events();

    assertThat(events).hasSize(2);
    assertThat(events.get(0).name()).isEqualTo("exception");
    assertThat(events.get(0).time()).isEqualTo(Instant.parse("2025-11-16T06:04:37.046Z"));
    assertThat(events.get(0).attributes().get("exception.type")).contains(AttributeValue.of("LengthFinishReasonError"));
    assertThat(events.get(1).name()).isEqualTo("retry");
    assertThat(events.get(1).attributes().get("attempt")).contains(AttributeValue.of(2L));
  }

  @Test
  void rowsWithoutReadableIdsOrTimeAreLeftOut() {
    Wire.WireSpan recorded = Fixtures.row(TRACE, Fixtures.TRACE_SPANS, "01e55a77b2a2dce0");

    assertThat(mapper.span(withService(recorded, null))).isPresent();
    assertThat(mapper.span(new Wire.WireSpan(null, null, recorded.traceId(), recorded.spanId(), null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null))).isEmpty();
    assertThat(mapper.span(new Wire.WireSpan(null, 1L, "trace-1", recorded.spanId(), null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null))).isEmpty();
  }

  private static Wire.WireSpan withAttributes(Wire.WireSpan w, ObjectNode attributes) {
    return new Wire.WireSpan(w.environment(), w.timestamp(), w.traceId(), w.spanId(), w.parentSpanId(), w.spanName(),
        w.spanKind(), w.serviceName(), w.resourceAttributes(), w.scopeName(), attributes, w.duration(), w.statusCode(),
        w.statusMessage(), w.prompts(), w.completions(), w.input(), w.output(), w.eventsName(), w.eventsAttributes(),
        w.costMicroUsd(), w.totalTokens(), w.spanCount());
  }

  private static Wire.WireSpan withName(Wire.WireSpan w, String name) {
    return new Wire.WireSpan(w.environment(), w.timestamp(), w.traceId(), w.spanId(), w.parentSpanId(), name,
        w.spanKind(), w.serviceName(), w.resourceAttributes(), w.scopeName(), w.spanAttributes(), w.duration(),
        w.statusCode(), w.statusMessage(), w.prompts(), w.completions(), w.input(), w.output(), w.eventsName(),
        w.eventsAttributes(), w.costMicroUsd(), w.totalTokens(), w.spanCount());
  }

  private static Wire.WireSpan withService(Wire.WireSpan w, String service) {
    return new Wire.WireSpan(w.environment(), w.timestamp(), w.traceId(), w.spanId(), w.parentSpanId(), w.spanName(),
        w.spanKind(), service, w.resourceAttributes(), w.scopeName(), w.spanAttributes(), w.duration(), w.statusCode(),
        w.statusMessage(), w.prompts(), w.completions(), w.input(), w.output(), w.eventsName(), w.eventsAttributes(),
        w.costMicroUsd(), w.totalTokens(), w.spanCount());
  }

  private static Wire.WireSpan withResource(Wire.WireSpan w, com.fasterxml.jackson.databind.JsonNode resource) {
    return new Wire.WireSpan(w.environment(), w.timestamp(), w.traceId(), w.spanId(), w.parentSpanId(), w.spanName(),
        w.spanKind(), w.serviceName(), resource, w.scopeName(), w.spanAttributes(), w.duration(), w.statusCode(),
        w.statusMessage(), w.prompts(), w.completions(), w.input(), w.output(), w.eventsName(), w.eventsAttributes(),
        w.costMicroUsd(), w.totalTokens(), w.spanCount());
  }
}
