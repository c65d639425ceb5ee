package dev.otelmcp.adapters.mcp.modern;

import dev.otelmcp.adapters.mcp.completions.Completions;
import dev.otelmcp.adapters.mcp.prompts.OtelPrompts;
import dev.otelmcp.adapters.mcp.prompts.PromptDefinition;
import dev.otelmcp.adapters.mcp.prompts.PromptException;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema.GetPromptResult;
import io.modelcontextprotocol.modern.McpSchema.Prompt;
import io.modelcontextprotocol.modern.McpSchema.PromptArgument;
import io.modelcontextprotocol.modern.McpSchema.PromptMessage;
import io.modelcontextprotocol.modern.McpSchema.Role;
import io.modelcontextprotocol.modern.McpSchema.TextContent;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpSyncPromptRepository;
import io.modelcontextprotocol.modern.server.feature.PromptsPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The prompts for 2026-07-28 clients, rendered by {@link OtelPrompts} and completed by {@link Completions}. */
final class ModernPrompts implements McpSyncPromptRepository {

  private final Map<String, McpSyncPrompt> prompts = new LinkedHashMap<>();
  private final List<Prompt> definitions;

  ModernPrompts(OtelPrompts catalogue, Completions completions) {
    for (PromptDefinition prompt : catalogue.prompts()) {
      Prompt definition = Prompt.builder(prompt.name()).title(prompt.title()).description(prompt.description())
          .arguments(prompt.arguments().stream().map(argument -> PromptArgument.builder(argument.name())
              .title(argument.title()).description(argument.description()).required(argument.required()).build())
              .toList())
          .build();
      prompts.put(prompt.name(), McpSyncPrompt.of(definition, (context, request) -> {
        try {
          String text = catalogue.render(prompt.name(), request.arguments());
          return McpSyncResponse.result(GetPromptResult.builder(List.of(PromptMessage.builder(Role.USER,
              TextContent.builder(text).build()).build())).description(prompt.description()).build());
        } catch (PromptException e) {
          throw McpException.invalidParams(e.getMessage());
        }
      }).withCompletionHandler((context, request) -> ModernCompletions.answer(() -> completions.forPrompt(
          prompt.name(), request.argument().name(), request.argument().value(), ModernCompletions.context(request)))));
    }
    this.definitions = prompts.values().stream().map(McpSyncPrompt::definition).toList();
  }

  @Override
  public PromptsPage list(McpRequestContext context, String cursor) {
    return new PromptsPage(definitions, null, CachePolicy.CATALOGUE_TTL_MS, CachePolicy.CATALOGUE_SCOPE);
  }

  @Override
  public McpSyncPrompt find(McpRequestContext context, String name) {
    return prompts.get(name);
  }

  @Override
  public boolean supportsCompletion() {
    return true;
  }
}
