package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.LlmScan;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.llm.ToolCall;
import dev.otelmcp.domain.llm.ToolCalls;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.query.Filter;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code list_llm_tools}: the tools agents call, how often, how often they fail, how long they take.
 * The service filter applies to the tool span; the provider filter ({@code gen_ai_system}) to the LLM
 * calls of the same trace — tool spans themselves rarely name a provider.
 */
public final class ListLlmToolsUseCase {

  public record ToolView(
      String toolName,
      long usageCount,
      long errorCount,
      double meanDurationMs,
      List<String> services,
      Instant firstSeen,
      Instant lastSeen) {}

  public record Result(int count, long totalCalls, List<ToolView> tools, Scope scope) {}

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
    LlmScan.Result read = scan.scan(request.window(), filters, request.traceLimit(), true);
    String provider = request.calls().provider();
    Set<String> tracesWithProvider = new HashSet<>();
    read.calls().stream()
        .filter(c -> provider != null && provider.equalsIgnoreCase(c.provider()))
        .forEach(c -> tracesWithProvider.add(c.span().traceId()));
    Map<String, List<ToolCall>> byTool = new LinkedHashMap<>();
    for (Trace trace : read.traces()) {
      if (provider != null && !tracesWithProvider.contains(trace.traceId())) {
        continue;
      }
      for (ToolCall call : ToolCalls.of(trace)) {
        if (request.calls().serviceName() == null || request.calls().serviceName().equals(call.span().serviceName())) {
          byTool.computeIfAbsent(call.name(), k -> new ArrayList<>()).add(call);
        }
      }
    }
    List<ToolView> tools = byTool.entrySet().stream()
        .map(e -> view(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(ToolView::usageCount).reversed().thenComparing(ToolView::toolName))
        .toList();
    long total = tools.stream().mapToLong(ToolView::usageCount).sum();
    return new Result(tools.size(), total, tools, read.scope(read.calls().size()));
  }

  private static ToolView view(String name, List<ToolCall> calls) {
    TreeSet<String> services = new TreeSet<>();
    Instant first = null;
    Instant last = null;
    double totalMs = 0;
    long errors = 0;
    for (ToolCall call : calls) {
      services.add(call.span().serviceName());
      Instant start = call.span().startTime();
      first = first == null || start.isBefore(first) ? start : first;
      last = last == null || start.isAfter(last) ? start : last;
      totalMs += call.span().durationMs();
      errors += call.failed() ? 1 : 0;
    }
    double mean = Math.round(totalMs / calls.size() * 1000) / 1000.0;
    return new ToolView(name, calls.size(), errors, mean, List.copyOf(services), first, last);
  }
}
