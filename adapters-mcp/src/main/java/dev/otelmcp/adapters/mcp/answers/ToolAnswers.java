package dev.otelmcp.adapters.mcp.answers;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.ResultMapper;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.args.SearchParameters;
import dev.otelmcp.adapters.mcp.calls.CallRunner;
import dev.otelmcp.adapters.mcp.paging.AnswerFitter;
import dev.otelmcp.adapters.mcp.paging.Continuation;
import dev.otelmcp.adapters.mcp.paging.CursorCodec;
import dev.otelmcp.adapters.mcp.paging.Paging;
import dev.otelmcp.adapters.mcp.protocol.ToolErrors;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.error.ErrorCode;
import dev.otelmcp.domain.error.OtelMcpException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tool calls the way every protocol era and every feature (tools, resources, completions) answers them: within
 * the call's deadline, fitted to the token budget with a cursor for the rest, and every failure an error answer
 * {@code {"error":{"code","message","hint"}}} (see {@link ToolErrors}) — never a stack trace sent to the client.
 */
public final class ToolAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(ToolAnswers.class);

  private final ResultMapper mapper;
  private final AnswerFitter fitter;
  private final CallRunner runner;
  private final CursorCodec cursors = new CursorCodec();

  public ToolAnswers(ResultMapper mapper, AnswerFitter fitter, CallRunner runner) {
    this.mapper = mapper;
    this.fitter = fitter;
    this.runner = runner;
  }

  /** The tool's own parameters, plus {@code cursor} when its answers page. */
  public static Schema.ObjectBuilder input(McpTool tool) {
    Schema.ObjectBuilder input = tool.input();
    if (tool.paging() != Paging.NONE) {
      input.property(Continuation.CURSOR, Schema.string("A previous answer's next_cursor."));
    }
    return input;
  }

  /**
   * Runs one call on the runner, within its deadline.
   *
   * @param callKey the key a cancellation finds the call by, or {@code null} when it cannot be cancelled
   */
  public ToolAnswer run(McpTool tool, Map<String, Object> arguments, String callKey, ProgressSink progress) {
    return runner.run(callKey, progress, () -> answer(tool, arguments),
        stopped -> error(stopped.code(), stopped.getMessage(), stopped.hint()));
  }

  /** Answers one call on the calling thread (no deadline). */
  /** How long one call may take. */
  public java.time.Duration timeout() {
    return runner.timeout();
  }

  public ToolAnswer answer(McpTool tool, Map<String, Object> arguments) {
    long started = System.nanoTime();
    try {
      Continuation continuation = Continuation.of(tool.name(), arguments, cursors);
      Arguments parsed = new Arguments(continuation.effective(), input(tool).propertyNames(), continuation.position());
      Map<String, Object> result = mapper.toMap(tool.call(parsed));
      Paging paging = tool.paging(parsed);
      Map<String, Object> fitted = fitter.fit(result, paging, continuation.position(), pageSize(paging, parsed),
          next -> cursors.encode(continuation.next(tool.name(), result, next)));
      String text = mapper.toJson(fitted);
      LOG.debug("{} answered {} chars in {} ms", tool.name(), text.length(), (System.nanoTime() - started) / 1_000_000);
      return ToolAnswer.success(text, fitted);
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

  /** An error answer: its text is the only content. */
  public ToolAnswer error(ErrorCode code, String message, String hint) {
    Map<String, Object> body = ToolErrors.body(code, message, hint);
    return ToolAnswer.error(code, mapper.toJson(body), body);
  }
}
