package dev.otelmcp.tck;

import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.llm.ToolCall;
import dev.otelmcp.domain.llm.ToolCalls;
import dev.otelmcp.domain.llm.ToolGroup;
import dev.otelmcp.domain.model.Trace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The groups {@code LlmToolUsage} must hand on, worked out in Java from whole traces: each tool call the domain finds
 * ({@link ToolCalls#of}) in the traces that qualify, put in the group of its tool and service, and summed.
 */
public final class ExpectedToolGroups {

  private ExpectedToolGroups() {}

  /**
   * @param provider only traces with a counted LLM call of this provider (ignoring case), or {@code null}
   * @param toolService only tool spans of this service, or {@code null}
   */
  public static Map<String, ToolGroup> of(List<Trace> traces, String provider, String toolService) {
    Map<String, ToolGroup> groups = new TreeMap<>();
    for (Trace trace : traces) {
      if (provider != null && LlmCalls.of(trace).stream().noneMatch(c -> provider.equalsIgnoreCase(c.provider()))) {
        continue;
      }
      for (ToolCall call : ToolCalls.of(trace)) {
        if (toolService == null || toolService.equals(call.span().serviceName())) {
          ToolGroup one = ToolGroup.of(call);
          groups.merge(key(one), one, ToolGroup::plus);
        }
      }
    }
    return groups;
  }

  /** A store's groups by {@link #key} (a store may split a group; its parts are summed). */
  public static Map<String, ToolGroup> byKey(List<ToolGroup> groups) {
    Map<String, ToolGroup> keyed = new TreeMap<>();
    groups.forEach(group -> keyed.merge(key(group), group, ToolGroup::plus));
    return keyed;
  }

  /** The counted LLM calls of the traces, every provider. */
  public static long llmCalls(List<Trace> traces) {
    return traces.stream().mapToLong(trace -> LlmCalls.of(trace).size()).sum();
  }

  /** The unreadable token figures of the traces' counted LLM calls. */
  public static long llmWarnings(List<Trace> traces) {
    return traces.stream().flatMap(trace -> LlmCalls.of(trace).stream()).mapToLong(call -> call.warnings()).sum();
  }

  public static String key(ToolGroup group) {
    return group.name() + " | " + group.serviceName();
  }
}
