package dev.otelmcp.adapters.mcp.modern;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.ToolContract;
import dev.otelmcp.adapters.mcp.answers.ToolAnswers;
import dev.otelmcp.adapters.mcp.completions.Completions;
import dev.otelmcp.adapters.mcp.prompts.OtelPrompts;
import dev.otelmcp.adapters.mcp.resources.OtelResources;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.modern.McpSchema.Implementation;
import io.modelcontextprotocol.modern.server.HmacRequestStateCodec;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.feature.PromptsFeature;
import io.modelcontextprotocol.modern.server.feature.ResourcesFeature;
import io.modelcontextprotocol.modern.server.feature.ToolsFeature;
import java.util.List;
import java.util.function.Function;

/**
 * The 2026-07-28 server (stateless: {@code server/discover}, the version and client capabilities in each request's
 * {@code _meta}, cacheable lists): the same tools, resources, prompts and completions as the 2025-11-25 server, in
 * the SDK's {@code modern} API. Transports for it are made by the factory; both eras share one process.
 */
public final class ModernServer {

  /** Arguments are ours to check ({@code Arguments}), so that a bad one gets our INVALID_ARGUMENT answer. */
  private static final JsonSchemaValidator ARGUMENTS_CHECKED_BY_TOOLS =
      (schema, instance) -> JsonSchemaValidator.ValidationResponse.asValid(null);

  private ModernServer() {}

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return key;
  }

  /**
   * @param tools the tools clients see, in the order they are listed
   * @param contracts each tool's contract (made once for both eras)
   */
  public static McpServer build(String name, String version, String instructions, List<McpTool> tools,
      Function<McpTool, ToolContract> contracts, ToolAnswers answers, OtelResources resources, OtelPrompts prompts,
      Completions completions, McpJsonMapper mapper) {
    return McpServer.builder()
        .serverInfo(Implementation.builder(name, version).build())
        .instructions(instructions)
        .jsonMapper(mapper)
        .discoverCache(CachePolicy.CATALOGUE_TTL_MS, CachePolicy.CATALOGUE_SCOPE)
        // No answer asks the client for input, so no request state is ever issued; a key of our own keeps the SDK
        // from warning at every start that it made one.
        .requestStateCodec(HmacRequestStateCodec.builder().key(randomKey()).build())
        .feature(ToolsFeature.ofSync(new ModernTools(tools, contracts, answers), mapper, ARGUMENTS_CHECKED_BY_TOOLS,
            CachePolicy.CATALOGUE_TTL_MS, CachePolicy.CATALOGUE_SCOPE))
        .feature(ResourcesFeature.ofSync(new ModernResources(resources, completions), mapper,
            CachePolicy.CATALOGUE_TTL_MS, CachePolicy.CATALOGUE_SCOPE))
        .feature(PromptsFeature.ofSync(new ModernPrompts(prompts, completions), mapper, CachePolicy.CATALOGUE_TTL_MS,
            CachePolicy.CATALOGUE_SCOPE))
        .build();
  }
}
