package dev.otelmcp.domain.llm;

import dev.otelmcp.domain.model.Span;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

  /**
   * Each key a role is read from, in the order tried, with the values that declare a role (lower case, trimmed):
   * a value not listed here declares nothing, and the next key is tried.
   */
  public static final Map<String, Map<String, SpanRole>> DECLARED = declared();

  public static SpanRole of(Span span) {
    for (Map.Entry<String, Map<String, SpanRole>> key : DECLARED.entrySet()) {
      Optional<SpanRole> role = text(span, key.getKey()).map(key.getValue()::get);
      if (role.isPresent()) {
        return role.get();
      }
    }
    return OTHER;
  }

  /** Orchestration and tool spans are never LLM calls, whatever model or usage they repeat. */
  public boolean excludesLlmCall() {
    return this != OTHER;
  }

  private static Map<String, Map<String, SpanRole>> declared() {
    Map<String, Map<String, SpanRole>> declared = new LinkedHashMap<>();
    declared.put(GEN_AI_OPERATION, Map.of("invoke_agent", AGENT, "create_agent", AGENT, "execute_tool", TOOL,
        "invoke_workflow", WORKFLOW));
    declared.put(TRACELOOP_SPAN_KIND, Map.of("workflow", WORKFLOW, "task", TASK, "agent", AGENT, "tool", TOOL));
    declared.put(OPENINFERENCE_SPAN_KIND, Map.of("agent", AGENT, "tool", TOOL, "chain", WORKFLOW));
    return Collections.unmodifiableMap(declared);
  }

  private static Optional<String> text(Span span, String key) {
    return span.attributes().getText(key).map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
  }
}
