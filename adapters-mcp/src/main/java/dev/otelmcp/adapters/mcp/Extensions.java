package dev.otelmcp.adapters.mcp;

import dev.otelmcp.adapters.mcp.prompts.PromptDefinition;
import dev.otelmcp.adapters.mcp.resources.ExtraResource;
import java.util.List;

/**
 * Prompts and resources served beside otel-mcp's own, in both protocol eras: what an embedding adds — the MCP
 * conformance suite's fixtures, in the build's conformance run.
 */
public record Extensions(List<PromptDefinition> prompts, List<ExtraResource> resources) {

  public static final Extensions NONE = new Extensions(List.of(), List.of());

  public Extensions {
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
  }
}
