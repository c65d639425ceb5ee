package dev.otelmcp.tck;

import dev.otelmcp.domain.llm.BillableTokens;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.llm.ToolCalls;
import dev.otelmcp.domain.model.Trace;
import java.util.List;

/**
 * What the LLM aggregates read of a trace, written out for comparison: the trace's own figures (as rankings show
 * them), its calls with every figure the aggregates use, and its tool calls. A store's LLM scan may hand on traces
 * that carry less than the whole trace (only the attributes the views read), but these must be the same.
 */
public final class LlmViewFigures {

  private LlmViewFigures() {}

  /** The trace's figures, then its calls', then its tool calls'. */
  public static List<String> of(Trace trace) {
    List<String> figures = new java.util.ArrayList<>();
    figures.add(trace(trace));
    figures.addAll(calls(trace));
    figures.addAll(tools(trace));
    return figures;
  }

  static String trace(Trace trace) {
    return String.join("|", trace.traceId(), trace.startTime().toString(), trace.duration().toString(),
        String.valueOf(trace.spanCount()), String.valueOf(trace.errorSpanCount()), trace.status().toString(),
        String.valueOf(trace.serviceName()), String.valueOf(trace.rootOperation()));
  }

  static List<String> calls(Trace trace) {
    return LlmCalls.of(trace).stream().map(call -> String.join("|", call.span().spanId(),
        call.span().serviceName(), call.span().startTime().toString(), call.span().duration().toString(),
        String.valueOf(call.provider()), String.valueOf(call.operation()), String.valueOf(call.requestModel()),
        String.valueOf(call.responseModel()), call.usage().toString(), call.finishReasons().toString(),
        String.valueOf(call.failed()), String.valueOf(call.errorType()), String.valueOf(call.conversationId()),
        String.valueOf(call.warnings()), BillableTokens.of(call).toString())).toList();
  }

  static List<String> tools(Trace trace) {
    return ToolCalls.of(trace).stream().map(tool -> String.join("|", tool.span().spanId(), tool.name(),
        tool.span().serviceName(), tool.span().startTime().toString(), tool.span().duration().toString(),
        String.valueOf(tool.failed()))).toList();
  }
}
