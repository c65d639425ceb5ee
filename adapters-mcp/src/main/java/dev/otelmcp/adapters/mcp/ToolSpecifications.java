package dev.otelmcp.adapters.mcp;

import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.calls.CallRunner;
import dev.otelmcp.adapters.mcp.calls.ExchangeProgress;
import dev.otelmcp.adapters.mcp.calls.RunningCalls;
import dev.otelmcp.adapters.mcp.paging.AnswerFitter;
import dev.otelmcp.adapters.mcp.paging.Continuation;
import dev.otelmcp.adapters.mcp.paging.CursorCodec;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.protocol.ToolErrors;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.adapters.mcp.schema.SchemaCompactor;
import dev.otelmcp.domain.error.ErrorCode;
import dev.otelmcp.domain.error.OtelMcpException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link McpTool}s into MCP SDK tool specifications: read-only annotations, input and output
 * schemas, compact JSON results as {@code structuredContent} plus the same text, and every failure as an
 * {@code isError} result whose only content is the text {@code {"error":{"code","message","hint"}}} (see
 * {@link ToolErrors}) — never a JSON-RPC error, never a stack trace sent to the client.
 */
public final class ToolSpecifications {

  private static final Logger LOG = LoggerFactory.getLogger(ToolSpecifications.class);

  private final ResultMapper mapper;
  private final AnswerFitter fitter;
  private final CallRunner runner;
  private final CursorCodec cursors = new CursorCodec();

  public ToolSpecifications(ResultMapper mapper, AnswerFitter fitter) {
    this(mapper, fitter, new CallRunner(McpServerFactory.DEFAULT_CALL_TIMEOUT, new RunningCalls()));
  }

  /** @param runner runs each call within its deadline, cancellable */
  public ToolSpecifications(ResultMapper mapper, AnswerFitter fitter, CallRunner runner) {
    this.mapper = mapper;
    this.fitter = fitter;
    this.runner = runner;
  }

  public SyncToolSpecification of(McpTool tool) {
    Tool definition = Tool.builder(tool.name(), input(tool).closed().build())
        .title(tool.title())
        .description(tool.description())
        .outputSchema(SchemaCompactor.output(tool.outputSchema()))
        .annotations(ToolAnnotations.builder()
            .readOnlyHint(true)
            .destructiveHint(false)
            .idempotentHint(true)
            .openWorldHint(true)
            .build())
        .build();
    return SyncToolSpecification.builder()
        .tool(definition)
        .callHandler((exchange, request) -> runner.run(callKey(request),
            ExchangeProgress.of(exchange, request.progressToken()), () -> call(tool, request),
            stopped -> error(stopped.code(), stopped.getMessage(), stopped.hint())))
        .build();
  }

  /** The key the message screen stamped on the request, by which a cancellation finds it. */
  private static String callKey(CallToolRequest request) {
    Object key = request.meta() == null ? null : request.meta().get(RunningCalls.META_KEY);
    return key instanceof String text ? text : null;
  }

  /** The tool's own parameters, plus {@code cursor} when its answers page. */
  private static Schema.ObjectBuilder input(McpTool tool) {
    Schema.ObjectBuilder input = tool.input();
    if (tool.paging() != Paging.NONE) {
      input.property(Continuation.CURSOR, Schema.string("A previous answer's next_cursor."));
    }
    return input;
  }

  CallToolResult call(McpTool tool, CallToolRequest request) {
    long started = System.nanoTime();
    try {
      Continuation continuation = Continuation.of(tool.name(), request.arguments(), cursors);
      Arguments arguments = new Arguments(continuation.effective(), input(tool).propertyNames(), continuation.position());
      Map<String, Object> result = mapper.toMap(tool.call(arguments));
      Paging paging = tool.paging(arguments);
      Map<String, Object> fitted = fitter.fit(result, paging, continuation.position(), pageSize(paging, arguments),
          next -> cursors.encode(continuation.next(tool.name(), result, next)));
      String text = mapper.toJson(fitted);
      LOG.debug("{} answered {} chars in {} ms", tool.name(), text.length(), (System.nanoTime() - started) / 1_000_000);
      return CallToolResult.builder().structuredContent(fitted).addTextContent(text).build();
    } catch (OtelMcpException e) {
      LOG.info("{} failed: {} {}", tool.name(), e.code(), e.getMessage());
      return error(e.code(), e.getMessage(), e.hint());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("{} failed with an internal error", tool.name(), e);
      return error(ErrorCode.INTERNAL, "internal error in otel-mcp while running " + tool.name()
          + " (" + e.getClass().getSimpleName() + "); details are in the server log on stderr",
          "Retry once; if it persists, report it with the server log.");
    }
  }

  private static Integer pageSize(Paging paging, Arguments arguments) {
    if (paging instanceof Paging.ByOffset byOffset && byOffset.pageSizeParameter() != null) {
      return arguments.integer(byOffset.pageSizeParameter(), byOffset.defaultPageSize(), 1, SearchParameters.MAX_LIMIT);
    }
    return null;
  }

  private CallToolResult error(ErrorCode code, String message, String hint) {
    return CallToolResult.builder().isError(true).addTextContent(mapper.toJson(ToolErrors.body(code, message, hint)))
        .build();
  }
}
