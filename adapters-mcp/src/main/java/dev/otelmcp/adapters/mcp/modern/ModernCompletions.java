package dev.otelmcp.adapters.mcp.modern;

import dev.otelmcp.adapters.mcp.completions.Completion;
import dev.otelmcp.adapters.mcp.completions.CompletionException;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema.CompleteRequest;
import io.modelcontextprotocol.modern.McpSchema.CompleteResult;
import io.modelcontextprotocol.modern.McpSchema.ErrorCodes;
import java.util.Map;
import java.util.function.Supplier;

/** {@link dev.otelmcp.adapters.mcp.completions.Completions} answers in 2026-07-28 types. */
final class ModernCompletions {

  private ModernCompletions() {}

  static CompleteResult answer(Supplier<Completion> completion) {
    try {
      Completion values = completion.get();
      return CompleteResult.of(new CompleteResult.Completion(values.values(), values.total(), values.hasMore()));
    } catch (CompletionException e) {
      throw new McpException(e.clientMistake() ? ErrorCodes.INVALID_PARAMS : ErrorCodes.INTERNAL_ERROR, e.getMessage());
    }
  }

  static Map<String, String> context(CompleteRequest request) {
    return request.context() == null || request.context().arguments() == null ? Map.of()
        : request.context().arguments();
  }
}
