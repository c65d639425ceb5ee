package dev.otelmcp.adapters.mcp;

import dev.otelmcp.adapters.mcp.prompts.PromptDefinition;
import dev.otelmcp.adapters.mcp.resources.ExtraResource;
import java.util.List;

/**
 * Tools, prompts and resources served beside otel-mcp's own, in both protocol eras: what an embedding adds — the
 * MCP conformance suite's fixtures, in the build's conformance run.
 */
public record Extensions(List<McpTool> tools, List<PromptDefinition> prompts, List<ExtraResource> resources) {

  public static final Extensions NONE = new Extensions(List.of(), List.of(), List.of());

  public Extensions {
    tools = List.copyOf(tools);
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
  }
}
