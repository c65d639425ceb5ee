package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.SpanStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded, LLM-application-shaped traces for tests and the benchmark: an HTTP root, an agent workflow, LLM
 * calls (OTel GenAI and OpenLLMetry attribute spellings mixed), tool calls, some errors with exception events,
 * values of every attribute type. The same seed gives the same spans.
 */
public final class SyntheticTraces {

  public static final List<String> SERVICES = List.of("checkout-assistant", "support-bot", "search-rag", "travel-agent",
      "code-review");
  public static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet", "o3-mini",
      "llama-3.1-70b");
  private static final List<String> TOOLS = List.of("get_weather", "search_flights", "lookup_order", "run_sql");
  private static final HexFormat HEX = HexFormat.of();

  private final SplittableRandom random;
  private final Instant start;
  private final Duration spread;
  private final List<Attributes> resources = new ArrayList<>();

  /**
   * @param start the earliest trace start
   * @param spread traces start within {@code [start, start + spread)}
   */
  public SyntheticTraces(long seed, Instant start, Duration spread) {
    this.random = new SplittableRandom(seed);
    this.start = start;
    this.spread = spread;
    for (String service : SERVICES) {
      for (String environment : List.of("prod", "staging")) {
        resources.add(Attributes.ofPairs("service.name", service, "deployment.environment", environment,
            "telemetry.sdk.language", service.length() % 2 == 0 ? "python" : "nodejs"));
      }
    }
  }

  /** The spans of the next {@code count} traces (about 6 spans each). */
  public List<Span> traces(int count) {
    List<Span> spans = new ArrayList<>(count * 7);
    for (int i = 0; i < count; i++) {
      trace(spans);
    }
    return spans;
  }

  private void trace(List<Span> out) {
    String traceId = hex(16);
    Attributes resource = resources.get(random.nextInt(resources.size()));
    Instant traceStart = start.plusNanos((long) (random.nextDouble() * spread.toNanos()));
    String rootId = hex(8);
    boolean failed = random.nextInt(12) == 0;
    long cursor = 2_000_000;
    List<Span> children = new ArrayList<>();
    int llmCalls = 1 + random.nextInt(3);
    String workflowId = hex(8);
    for (int i = 0; i < llmCalls; i++) {
      long duration = (long) (Math.exp(random.nextDouble() * 4 + 4) * 1_000_000); // ~55 ms .. 3 s
      boolean callFailed = failed && i == llmCalls - 1;
      children.add(llm(traceId, workflowId, resource, traceStart.plusNanos(cursor), duration, callFailed));
      cursor += duration + 1_000_000;
      if (random.nextBoolean()) {
        long toolDuration = 1_000_000 + random.nextInt(200) * 1_000_000L;
        String tool = TOOLS.get(random.nextInt(TOOLS.size()));
        children.add(Span.builder().traceId(traceId).spanId(hex(8)).parentSpanId(workflowId)
            .name(tool + ".tool").serviceName(resource.getText("service.name").orElseThrow())
            .kind(SpanKind.INTERNAL).startTime(traceStart.plusNanos(cursor)).duration(Duration.ofNanos(toolDuration))
            .attributes(Attributes.ofPairs("traceloop.span.kind", "tool", "traceloop.entity.name", tool,
                "gen_ai.tool.name", tool))
            .resource(resource).scopeName("@traceloop/node-server-sdk").build());
        cursor += toolDuration + 500_000;
      }
    }
    String service = resource.getText("service.name").orElseThrow();
    out.add(Span.builder().traceId(traceId).spanId(workflowId).parentSpanId(rootId).name("agent.workflow")
        .serviceName(service).kind(SpanKind.INTERNAL).startTime(traceStart.plusNanos(1_000_000))
        .duration(Duration.ofNanos(cursor - 1_000_000))
        .attributes(Attributes.ofPairs("traceloop.span.kind", "workflow", "traceloop.workflow.name", "answer_question"))
        .resource(resource).scopeName("@traceloop/node-server-sdk").build());
    out.addAll(children);
    out.add(Span.builder().traceId(traceId).spanId(rootId).name(random.nextInt(5) == 0 ? "GET /health" : "POST /chat")
        .serviceName(service).kind(SpanKind.SERVER).startTime(traceStart).duration(Duration.ofNanos(cursor + 1_000_000))
        .status(failed ? SpanStatus.error("upstream model failed") : SpanStatus.UNSET)
        .attributes(Attributes.ofPairs("http.request.method", "POST", "http.response.status_code", failed ? 502 : 200,
            "user.id", "user-" + random.nextInt(500)))
        .resource(resource).scopeName("@opentelemetry/instrumentation-http").build());
  }

  private Span llm(String traceId, String parent, Attributes resource, Instant at, long nanos, boolean failed) {
    String model = MODELS.get(random.nextInt(MODELS.size()));
    long input = 50 + random.nextInt(4000);
    long output = 10 + random.nextInt(800);
    Attributes.Builder attributes = Attributes.builder();
    if (random.nextBoolean()) {
      attributes.put("gen_ai.system", AttributeValue.of("openai"));
    } else {
      attributes.put("llm.vendor", AttributeValue.of("OpenAI"));
    }
    attributes.put("gen_ai.operation.name", AttributeValue.of("chat"))
        .put("gen_ai.request.model", AttributeValue.of(model))
        .put("gen_ai.response.model", AttributeValue.of(model + "-2024-08-06"))
        .put("gen_ai.request.temperature", AttributeValue.of(random.nextInt(10) / 10.0))
        .put("llm.is_streaming", AttributeValue.of(random.nextBoolean()))
        .put("gen_ai.response.finish_reasons", AttributeValue.ofList(List.of(AttributeValue.of(
            failed ? "error" : random.nextInt(4) == 0 ? "tool_calls" : "stop"))))
        .put("gen_ai.prompt.0.content", AttributeValue.of("Question number " + random.nextInt(100_000)
            + ": what should I do next? " + "context ".repeat(random.nextInt(40))));
    if (!failed) {
      // Some instrumentations send token counts as strings.
      attributes.put("gen_ai.usage.input_tokens", random.nextInt(10) == 0
              ? AttributeValue.of(Long.toString(input)) : AttributeValue.of(input))
          .put("gen_ai.usage.output_tokens", AttributeValue.of(output))
          .put("llm.usage.total_tokens", AttributeValue.of(input + output));
      if (random.nextInt(3) == 0) {
        attributes.put("gen_ai.usage.cache_read_input_tokens", AttributeValue.of(input / 2));
      }
    }
    List<SpanEvent> events = failed
        ? List.of(new SpanEvent(SpanEvent.EXCEPTION, at.plusNanos(nanos), Attributes.ofPairs(
            "exception.type", "RateLimitError", "exception.message", "429 Rate limit reached for " + model)))
        : List.of();
    return Span.builder().traceId(traceId).spanId(hex(8)).parentSpanId(parent).name("openai.chat")
        .serviceName(resource.getText("service.name").orElseThrow()).kind(SpanKind.CLIENT).startTime(at)
        .duration(Duration.ofNanos(nanos)).status(failed ? SpanStatus.error("429 Too Many Requests") : SpanStatus.OK)
        .attributes(attributes.build()).resource(resource).events(events)
        .scopeName("@traceloop/instrumentation-openai").build();
  }

  private String hex(int bytes) {
    byte[] id = new byte[bytes];
    random.nextBytes(id);
    id[0] |= 1; // never all zero
    return HEX.formatHex(id);
  }
}
