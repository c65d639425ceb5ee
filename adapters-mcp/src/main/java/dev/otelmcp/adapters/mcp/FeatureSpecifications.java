package dev.otelmcp.adapters.mcp;

import dev.otelmcp.adapters.mcp.completions.Completion;
import dev.otelmcp.adapters.mcp.completions.CompletionException;
import dev.otelmcp.adapters.mcp.completions.Completions;
import dev.otelmcp.adapters.mcp.prompts.OtelPrompts;
import dev.otelmcp.adapters.mcp.prompts.PromptDefinition;
import dev.otelmcp.adapters.mcp.prompts.PromptException;
import dev.otelmcp.adapters.mcp.resources.OtelResources;
import dev.otelmcp.adapters.mcp.resources.ResourceEntry;
import dev.otelmcp.adapters.mcp.resources.ResourceReadException;
import dev.otelmcp.adapters.mcp.resources.ResourceText;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;
import java.util.Map;

/**
 * Turns otel-mcp's resources, prompts and completions into the 2025-11-25 SDK's specifications. A request that
 * names what does not exist is a JSON-RPC error (-32002 for a resource, -32602 otherwise) whose message names it;
 * a failed read carries otel-mcp's error body {@code {"error":{"code","message","hint"}}} as the error's data.
 */
final class FeatureSpecifications {

  private final OtelResources resources;
  private final OtelPrompts prompts;
  private final Completions completions;

  FeatureSpecifications(OtelResources resources, OtelPrompts prompts, Completions completions) {
    this.resources = resources;
    this.prompts = prompts;
    this.completions = completions;
  }

  List<SyncResourceSpecification> resources() {
    return resources.resources().stream()
        .map(entry -> new SyncResourceSpecification(Resource.builder(entry.uri(), entry.name())
            .title(entry.title()).description(entry.description()).mimeType(entry.mimeType()).build(),
            (exchange, request) -> read(request.uri())))
        .toList();
  }

  List<SyncResourceTemplateSpecification> templates() {
    return resources.templates().stream()
        .map(entry -> new SyncResourceTemplateSpecification(template(entry), (exchange, request) -> read(request.uri())))
        .toList();
  }

  List<SyncPromptSpecification> prompts() {
    return prompts.prompts().stream()
        .map(prompt -> new SyncPromptSpecification(prompt(prompt), (exchange, request) -> get(prompt, request.arguments())))
        .toList();
  }

  List<SyncCompletionSpecification> completions() {
    List<SyncCompletionSpecification> specifications = new java.util.ArrayList<>();
    for (PromptDefinition prompt : prompts.prompts()) {
      specifications.add(new SyncCompletionSpecification(new McpSchema.PromptReference(prompt.name()),
          (exchange, request) -> complete(() -> completions.forPrompt(prompt.name(), request.argument().name(),
              request.argument().value(), context(request)))));
    }
    for (ResourceEntry template : resources.templates()) {
      specifications.add(new SyncCompletionSpecification(new McpSchema.ResourceReference(template.uri()),
          (exchange, request) -> complete(() -> completions.forTemplate(template.uri(), request.argument().name(),
              request.argument().value(), context(request)))));
    }
    return specifications;
  }

  private static ResourceTemplate template(ResourceEntry entry) {
    return ResourceTemplate.builder(entry.uri(), entry.name()).title(entry.title()).description(entry.description())
        .mimeType(entry.mimeType()).build();
  }

  private static Prompt prompt(PromptDefinition prompt) {
    return new Prompt(prompt.name(), prompt.title(), prompt.description(), prompt.arguments().stream()
        .map(argument -> new McpSchema.PromptArgument(argument.name(), argument.title(), argument.description(),
            argument.required()))
        .toList());
  }

  private ReadResourceResult read(String uri) {
    try {
      ResourceText text = resources.read(uri);
      return new ReadResourceResult(List.of(new TextResourceContents(text.uri(), text.mimeType(), text.text())));
    } catch (ResourceReadException e) {
      int code = switch (e.kind()) {
        case NOT_FOUND -> McpSchema.ErrorCodes.RESOURCE_NOT_FOUND;
        case INVALID -> McpSchema.ErrorCodes.INVALID_PARAMS;
        case FAILED -> McpSchema.ErrorCodes.INTERNAL_ERROR;
      };
      throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(code, e.getMessage(), e.errorBody()));
    }
  }

  private GetPromptResult get(PromptDefinition prompt, Map<String, Object> arguments) {
    try {
      String text = prompts.render(prompt.name(), arguments);
      return new GetPromptResult(prompt.description(), List.of(new PromptMessage(Role.USER, new TextContent(text))));
    } catch (PromptException e) {
      throw invalidParams(e.getMessage());
    }
  }

  private static CompleteResult complete(java.util.function.Supplier<Completion> completion) {
    try {
      Completion answer = completion.get();
      return new CompleteResult(new CompleteResult.CompleteCompletion(answer.values(), answer.total(),
          answer.hasMore()));
    } catch (CompletionException e) {
      if (e.clientMistake()) {
        throw invalidParams(e.getMessage());
      }
      throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
          e.getMessage(), null));
    }
  }

  private static Map<String, String> context(CompleteRequest request) {
    return request.context() == null || request.context().arguments() == null ? Map.of()
        : request.context().arguments();
  }

  private static McpError invalidParams(String message) {
    return new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS, message, null));
  }
}
