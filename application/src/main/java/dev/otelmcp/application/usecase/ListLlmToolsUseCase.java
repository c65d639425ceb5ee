package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.llm.ToolCall;
import dev.otelmcp.domain.llm.ToolCalls;
import dev.otelmcp.domain.query.Filter;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code list_llm_tools}: the tools agents call, how often, how often they fail, how long they take.
 * The service filter applies to the tool span; the provider filter ({@code gen_ai_system}) to the LLM
 * calls of the same trace — tool spans themselves rarely name a provider.
 */
public final class ListLlmToolsUseCase {

  public record ToolView(
      String toolName,
      long callCount,
      long errorCount,
      double meanDurationMs,
      List<String> services,
      Instant firstSeen,
      Instant lastSeen) {}

  public record Result(int count, long callCount, List<ToolView> tools, Scope scope) {}

  private final LlmScan scan;

  @Inject
  public ListLlmToolsUseCase(LlmScan scan) {
    this.scan = scan;
  }

  public Result execute(LlmRequest request) {
    List<Filter> filters = new ArrayList<>();
    if (request.calls().serviceName() != null) {
      filters.add(Filter.equalsString("service.name", request.calls().serviceName()));
    }
    String provider = request.calls().provider();
    String service = request.calls().serviceName();
    Map<String, ToolTally> byTool = new LinkedHashMap<>();
    int[] llmCalls = {0};
    // Each trace's tool calls are added as it is read; the trace itself is not kept.
    LlmScan.Reading read = scan.visit(request.window(), filters, request.traceLimit(), (trace, calls) -> {
      llmCalls[0] += calls.size();
      if (provider != null && calls.stream().noneMatch(c -> provider.equalsIgnoreCase(c.provider()))) {
        return;
      }
      for (ToolCall call : ToolCalls.of(trace)) {
        if (service == null || service.equals(call.span().serviceName())) {
          byTool.computeIfAbsent(call.name(), k -> new ToolTally()).add(call);
        }
      }
    });
    List<ToolView> tools = byTool.entrySet().stream()
        .map(e -> e.getValue().view(e.getKey()))
        .sorted(Comparator.comparingLong(ToolView::callCount).reversed().thenComparing(ToolView::toolName))
        .toList();
    long total = tools.stream().mapToLong(ToolView::callCount).sum();
    return new Result(tools.size(), total, tools, read.scope(llmCalls[0]));
  }

  /** One tool's figures, added call by call. */
  private static final class ToolTally {
    private final TreeSet<String> services = new TreeSet<>();
    private Instant first;
    private Instant last;
    private double totalMs;
    private long count;
    private long errors;

    void add(ToolCall call) {
      services.add(call.span().serviceName());
      Instant start = call.span().startTime();
      first = first == null || start.isBefore(first) ? start : first;
      last = last == null || start.isAfter(last) ? start : last;
      totalMs += call.span().durationMs();
      errors += call.failed() ? 1 : 0;
      count++;
    }

    ToolView view(String name) {
      double mean = Math.round(totalMs / count * 1000) / 1000.0;
      return new ToolView(name, count, errors, mean, List.copyOf(services), first, last);
    }
  }
}
