package dev.otelmcp.domain.llm;

import dev.otelmcp.domain.model.Span;
import java.util.Locale;
import java.util.Optional;

/**
 * What a span is in an LLM application, as the instrumentation declared it: an orchestration span
 * (workflow, task, agent), a tool execution, or anything else. Read from OTel GenAI's
 * {@code gen_ai.operation.name}, OpenLLMetry's {@code traceloop.span.kind} and OpenInference's
 * {@code openinference.span.kind}, in that order.
 */
public enum SpanRole {
  WORKFLOW,
  TASK,
  AGENT,
  TOOL,
  /** Not an orchestration or tool span: possibly an LLM call, possibly plain application work. */
  OTHER;

  public static final String GEN_AI_OPERATION = "gen_ai.operation.name";
  public static final String TRACELOOP_SPAN_KIND = "traceloop.span.kind";
  public static final String OPENINFERENCE_SPAN_KIND = "openinference.span.kind";

  /** The keys a role is read from. */
  static final java.util.List<String> KEYS = java.util.List.of(GEN_AI_OPERATION, TRACELOOP_SPAN_KIND,
      OPENINFERENCE_SPAN_KIND);

  public static SpanRole of(Span span) {
    return fromOperation(span).or(() -> fromTraceloop(span)).or(() -> fromOpenInference(span)).orElse(OTHER);
  }

  /** Orchestration and tool spans are never LLM calls, whatever model or usage they repeat. */
  public boolean excludesLlmCall() {
    return this != OTHER;
  }

  private static Optional<SpanRole> fromOperation(Span span) {
    return text(span, GEN_AI_OPERATION).flatMap(op -> {
      switch (op) {
        case "invoke_agent":
        case "create_agent":
          return Optional.of(AGENT);
        case "execute_tool":
          return Optional.of(TOOL);
        case "invoke_workflow":
          return Optional.of(WORKFLOW);
        default:
          return Optional.empty();
      }
    });
  }

  private static Optional<SpanRole> fromTraceloop(Span span) {
    return text(span, TRACELOOP_SPAN_KIND).flatMap(kind -> {
      switch (kind) {
        case "workflow":
          return Optional.of(WORKFLOW);
        case "task":
          return Optional.of(TASK);
        case "agent":
          return Optional.of(AGENT);
        case "tool":
          return Optional.of(TOOL);
        default:
          return Optional.empty();
      }
    });
  }

  private static Optional<SpanRole> fromOpenInference(Span span) {
    return text(span, OPENINFERENCE_SPAN_KIND).flatMap(kind -> {
      switch (kind) {
        case "agent":
          return Optional.of(AGENT);
        case "tool":
          return Optional.of(TOOL);
        case "chain":
          return Optional.of(WORKFLOW);
        default:
          return Optional.empty();
      }
    });
  }

  private static Optional<String> text(Span span, String key) {
    return span.attributes().getText(key).map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
  }
}
