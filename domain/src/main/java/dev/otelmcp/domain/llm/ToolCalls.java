package dev.otelmcp.domain.llm;

import dev.otelmcp.domain.model.ErrorDetails;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds tool executions: spans with {@code traceloop.span.kind=tool}, {@code gen_ai.operation.name=
 * execute_tool}, OpenInference {@code TOOL} spans, and MCP {@code tools/call} spans. A tool span inside
 * another span of the same tool (an agent's execute_tool span around the MCP client call) counts once.
 */
public final class ToolCalls {

  private static final LlmAttributeKeys.ToolKeys KEYS = LlmAttributeKeys.TOOL_KEYS;

  private ToolCalls() {}

  public static Optional<ToolCall> read(Span span) {
    boolean mcpToolCall = span.attributes().getText(KEYS.mcpMethod()).map(KEYS.mcpToolsCall()::equals).orElse(false);
    if (SpanRole.of(span) != SpanRole.TOOL && !mcpToolCall) {
      return Optional.empty();
    }
    String name = new AttributeReader(span.attributes()).text(KEYS.names());
    if (name == null) {
      name = nameFromSpanName(span.name());
    }
    // JSON-RPC methods such as tools/list are protocol traffic, not tools.
    if (name.isEmpty() || name.contains("/")) {
      return Optional.empty();
    }
    return Optional.of(new ToolCall(span, name, ErrorDetails.of(span).isPresent()));
  }

  /** The tool calls of a trace, nested repeats of the same tool counted once. */
  public static List<ToolCall> of(Trace trace) {
    Map<String, ToolCall> bySpan = new LinkedHashMap<>();
    Map<String, String> parents = new HashMap<>();
    for (Span span : trace.spans()) {
      read(span).ifPresent(call -> bySpan.put(span.spanId(), call));
      span.parent().ifPresent(p -> parents.put(span.spanId(), p));
    }
    List<ToolCall> counted = new ArrayList<>();
    for (ToolCall call : bySpan.values()) {
      if (!insideSameTool(call, bySpan, parents)) {
        counted.add(call);
      }
    }
    return List.copyOf(counted);
  }

  private static boolean insideSameTool(ToolCall call, Map<String, ToolCall> bySpan, Map<String, String> parents) {
    String current = parents.get(call.span().spanId());
    for (int depth = 0; current != null && depth < 1_000; depth++) {
      ToolCall ancestor = bySpan.get(current);
      if (ancestor != null && ancestor.name().equals(call.name())) {
        return true;
      }
      current = parents.get(current);
    }
    return false;
  }

  private static String nameFromSpanName(String spanName) {
    String name = spanName.trim();
    for (String prefix : KEYS.spanNamePrefixes()) {
      if (name.startsWith(prefix)) {
        name = name.substring(prefix.length());
      }
    }
    if (name.endsWith(KEYS.spanNameSuffix())) {
      name = name.substring(0, name.length() - KEYS.spanNameSuffix().length());
    }
    return name.trim();
  }
}
