package dev.otelmcp.adapters.mcp.modern;

import dev.otelmcp.adapters.mcp.completions.Completions;
import dev.otelmcp.adapters.mcp.resources.OtelResources;
import dev.otelmcp.adapters.mcp.resources.ResourceEntry;
import dev.otelmcp.adapters.mcp.resources.ResourceReadException;
import dev.otelmcp.adapters.mcp.resources.ResourceText;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema.CacheScope;
import io.modelcontextprotocol.modern.McpSchema.ErrorCodes;
import io.modelcontextprotocol.modern.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.modern.McpSchema.Resource;
import io.modelcontextprotocol.modern.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.modern.McpSchema.TextResourceContents;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncResource;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceRepository;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceTemplate;
import io.modelcontextprotocol.modern.server.feature.ResourceTemplatesPage;
import io.modelcontextprotocol.modern.server.feature.ResourcesPage;
import java.util.List;

/**
 * The {@code otel://} resources for 2026-07-28 clients, read by {@link OtelResources} as in the other era. Each read
 * says how long it may be kept: documents five minutes for anyone, telemetry 30 seconds for this caller only.
 */
final class ModernResources implements McpSyncResourceRepository {

  private final OtelResources resources;
  private final List<Resource> listed;
  private final List<ResourceTemplate> templates;
  private final McpSyncResourceTemplate traceTemplate;

  ModernResources(OtelResources resources, Completions completions) {
    this.resources = resources;
    this.listed = resources.resources().stream().map(ModernResources::resource).toList();
    this.templates = resources.templates().stream().map(ModernResources::template).toList();
    this.traceTemplate = templates.stream()
        .filter(template -> template.uriTemplate().equals(OtelResources.TRACE_TEMPLATE))
        .map(template -> McpSyncResourceTemplate.of(template).withCompletionHandler((context, request) ->
            ModernCompletions.answer(() -> completions.forTemplate(template.uriTemplate(), request.argument().name(),
                request.argument().value(), ModernCompletions.context(request)))))
        .findFirst().orElse(null);
  }

  @Override
  public ResourcesPage list(McpRequestContext context, String cursor) {
    return new ResourcesPage(listed, null, CachePolicy.CATALOGUE_TTL_MS, CachePolicy.CATALOGUE_SCOPE);
  }

  @Override
  public ResourceTemplatesPage listTemplates(McpRequestContext context, String cursor) {
    return new ResourceTemplatesPage(templates, null, CachePolicy.CATALOGUE_TTL_MS, CachePolicy.CATALOGUE_SCOPE);
  }

  @Override
  public McpSyncResource find(McpRequestContext context, String uri) {
    return McpSyncResource.of((any, request) -> McpSyncResponse.result(read(request.uri())));
  }

  @Override
  public McpSyncResourceTemplate findTemplate(McpRequestContext context, String uriTemplate) {
    return traceTemplate != null && traceTemplate.definition().uriTemplate().equals(uriTemplate) ? traceTemplate : null;
  }

  @Override
  public boolean supportsCompletion() {
    return true;
  }

  private ReadResourceResult read(String uri) {
    try {
      ResourceText text = resources.read(uri);
      boolean telemetry = text.uri().startsWith(OtelResources.TRACE_PREFIX) || text.uri().equals(OtelResources.SERVICES);
      return ReadResourceResult.builder(List.of(TextResourceContents.builder(text.uri(), text.text())
              .mimeType(text.mimeType()).build()))
          .ttlMs(telemetry ? CachePolicy.TELEMETRY_TTL_MS : CachePolicy.DOCS_TTL_MS)
          .cacheScope(telemetry ? CachePolicy.TELEMETRY_SCOPE : CacheScope.PUBLIC)
          .build();
    } catch (ResourceReadException e) {
      // 2026-07-28: a resource that does not exist is invalid params (-32602)
      int code = e.kind() == ResourceReadException.Kind.FAILED ? ErrorCodes.INTERNAL_ERROR : ErrorCodes.INVALID_PARAMS;
      throw new McpException(code, e.getMessage(), e.errorBody());
    }
  }

  private static Resource resource(ResourceEntry entry) {
    return Resource.builder(entry.uri(), entry.name()).title(entry.title()).description(entry.description())
        .mimeType(entry.mimeType()).build();
  }

  private static ResourceTemplate template(ResourceEntry entry) {
    return ResourceTemplate.builder(entry.uri(), entry.name()).title(entry.title()).description(entry.description())
        .mimeType(entry.mimeType()).build();
  }
}
