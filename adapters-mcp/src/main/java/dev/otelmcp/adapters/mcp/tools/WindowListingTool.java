package dev.otelmcp.adapters.mcp.tools;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.LlmParameters;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.time.TimeWindows;

/**
 * A tool that lists what a window's LLM calls hold (models, agents' tools): the call criteria and the scan limit in,
 * one use case over the request out.
 */
abstract class WindowListingTool extends DescribedTool {

  private final TimeWindows windows;

  WindowListingTool(String name, String title, String description, TimeWindows windows) {
    super(name, title, description);
    this.windows = windows;
  }

  @Override
  public final Schema.ObjectBuilder input() {
    return LlmParameters.windowListing();
  }

  @Override
  public final Object call(Arguments arguments) {
    return list(LlmParameters.request(arguments, windows, LlmParameters.scanLimit(arguments)));
  }

  /** The listing for the request. */
  abstract Object list(LlmRequest request);
}
