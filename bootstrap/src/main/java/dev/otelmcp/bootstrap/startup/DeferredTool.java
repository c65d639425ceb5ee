package dev.otelmcp.bootstrap.startup;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.ToolHints;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.schema.Schema;
import java.util.Map;

/**
 * A tool whose contract (name, description, schemas, paging) is known at once, for {@code initialize} and
 * {@code tools/list}, and whose calls are run by the same tool of the core once {@link CoreStart} has built it.
 * The contract comes from a tool of the same class, so it is the one the core's tool would give.
 */
final class DeferredTool implements McpTool {

  private final McpTool contract;
  private final CoreStart start;
  private volatile McpTool ready;

  DeferredTool(McpTool contract, CoreStart start) {
    this.contract = contract;
    this.start = start;
  }

  @Override
  public String name() {
    return contract.name();
  }

  @Override
  public String title() {
    return contract.title();
  }

  @Override
  public String description() {
    return contract.description();
  }

  @Override
  public Schema.ObjectBuilder input() {
    return contract.input();
  }

  @Override
  public Map<String, Object> outputSchema() {
    return contract.outputSchema();
  }

  @Override
  public Paging paging() {
    return contract.paging();
  }

  @Override
  public ToolHints hints() {
    return contract.hints();
  }

  @Override
  public Paging paging(Arguments arguments) {
    return ready().paging(arguments);
  }

  /** Waits for the core (interruptibly: the call's deadline and cancellation still hold), then runs the call. */
  @Override
  public Object call(Arguments arguments) {
    return ready().call(arguments);
  }

  private McpTool ready() {
    McpTool tool = ready;
    if (tool != null) {
      return tool;
    }
    tool = start.forCall().tool(contract.name());
    ready = tool;
    return tool;
  }
}
