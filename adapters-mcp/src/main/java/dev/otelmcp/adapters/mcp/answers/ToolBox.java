package dev.otelmcp.adapters.mcp.answers;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.domain.call.ProgressSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tool of the server by name — including those {@code --tools} does not list, because resources, prompts
 * and completions answer from them — and the one way to call them: {@link ToolAnswers}, within the call deadline.
 */
public final class ToolBox {

  private final Map<String, McpTool> tools = new LinkedHashMap<>();
  private final ToolAnswers answers;

  public ToolBox(List<McpTool> tools, ToolAnswers answers) {
    tools.forEach(tool -> this.tools.put(tool.name(), tool));
    this.answers = answers;
  }

  public boolean has(String name) {
    return tools.containsKey(name);
  }

  /** How long one call may take: also the bound of an answer made of several calls. */
  public java.time.Duration callTimeout() {
    return answers.timeout();
  }

  /**
   * Calls a tool, within the call deadline.
   *
   * @throws IllegalStateException when the server has no such tool (a wiring mistake, not a client's)
   */
  public ToolAnswer call(String name, Map<String, Object> arguments) {
    McpTool tool = tools.get(name);
    if (tool == null) {
      throw new IllegalStateException("no tool " + name + " to answer from");
    }
    return answers.run(tool, arguments, null, ProgressSink.NONE);
  }
}
