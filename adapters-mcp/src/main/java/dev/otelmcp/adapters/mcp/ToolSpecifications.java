package dev.otelmcp.adapters.mcp;

import dev.otelmcp.adapters.mcp.answers.ToolAnswer;
import dev.otelmcp.adapters.mcp.answers.ToolAnswers;
import dev.otelmcp.adapters.mcp.calls.CallRunner;
import dev.otelmcp.adapters.mcp.calls.ThrottledProgress;
import dev.otelmcp.adapters.mcp.calls.RunningCalls;
import dev.otelmcp.adapters.mcp.paging.AnswerFitter;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/**
 * Turns {@link McpTool}s into the 2025-11-25 SDK's tool specifications: titles, annotations, input and output
 * schemas, compact JSON results as {@code structuredContent} plus the same text, and every failure as an
 * {@code isError} result whose only content is the text {@code {"error":{"code","message","hint"}}} — never a
 * JSON-RPC error. The answers themselves are {@link ToolAnswers}'.
 */
public final class ToolSpecifications {

  private final ToolAnswers answers;

  /** With the default call deadline (tests). */
  public ToolSpecifications(ResultMapper mapper, AnswerFitter fitter) {
    this(new ToolAnswers(mapper, fitter, new CallRunner(McpServerFactory.DEFAULT_CALL_TIMEOUT, new RunningCalls())));
  }

  public ToolSpecifications(ToolAnswers answers) {
    this.answers = answers;
  }

  public SyncToolSpecification of(McpTool tool) {
    return of(tool, ToolContract.of(tool));
  }

  /** @param contract the tool's contract, when it was made already */
  public SyncToolSpecification of(McpTool tool, ToolContract contract) {
    Tool definition = Tool.builder(contract.name(), contract.inputSchema())
        .title(contract.title())
        .description(contract.description())
        .outputSchema(contract.outputSchema())
        .annotations(annotations(contract.hints()))
        .build();
    return SyncToolSpecification.builder()
        .tool(definition)
        .callHandler((exchange, request) -> result(answers.run(tool, request.arguments(), callKey(request),
            ThrottledProgress.of(exchange, request.progressToken()))))
        .build();
  }

  static ToolAnnotations annotations(ToolHints hints) {
    return ToolAnnotations.builder()
        .readOnlyHint(hints.readOnly())
        .destructiveHint(hints.destructive())
        .idempotentHint(hints.idempotent())
        .openWorldHint(hints.openWorld())
        .build();
  }

  /** The key the message screen stamped on the request, by which a cancellation finds it. */
  private static String callKey(CallToolRequest request) {
    Object key = request.meta() == null ? null : request.meta().get(RunningCalls.META_KEY);
    return key instanceof String text ? text : null;
  }

  /** Answers one call on the calling thread (no deadline). */
  CallToolResult call(McpTool tool, CallToolRequest request) {
    return result(answers.answer(tool, request.arguments()));
  }

  static CallToolResult result(ToolAnswer answer) {
    CallToolResult.Builder result = CallToolResult.builder().addTextContent(answer.text());
    return answer.isError() ? result.isError(true).build() : result.structuredContent(answer.structured()).build();
  }
}
