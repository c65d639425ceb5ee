package dev.otelmcp.application.usecase;

import dev.otelmcp.application.llm.LlmRequest;
import dev.otelmcp.application.llm.ToolCount;
import dev.otelmcp.application.view.Scope;
import dev.otelmcp.domain.llm.ToolGroup;
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

  private final ToolCount count;

  @Inject
  public ListLlmToolsUseCase(ToolCount count) {
    this.count = count;
  }

  public Result execute(LlmRequest request) {
    List<Filter> filters = new ArrayList<>();
    String service = request.calls().serviceName();
    if (service != null) {
      filters.add(Filter.equalsString("service.name", service));
    }
    Map<String, ToolTally> byTool = new LinkedHashMap<>();
    ToolCount.Reading read = count.count(request.window(), filters, request.traceLimit(), request.calls().provider(),
        service, group -> byTool.computeIfAbsent(group.name(), k -> new ToolTally()).add(group));
    List<ToolView> tools = byTool.entrySet().stream()
        .map(e -> e.getValue().view(e.getKey()))
        .sorted(Comparator.comparingLong(ToolView::callCount).reversed().thenComparing(ToolView::toolName))
        .toList();
    long total = tools.stream().mapToLong(ToolView::callCount).sum();
    return new Result(tools.size(), total, tools, read.traces().scope((int) Math.min(Integer.MAX_VALUE,
        read.llmCalls())));
  }

  /** One tool's figures, added group by group. */
  private static final class ToolTally {
    private final TreeSet<String> services = new TreeSet<>();
    private Instant first;
    private Instant last;
    private long totalNanos;
    private long count;
    private long errors;

    void add(ToolGroup group) {
      services.add(group.serviceName());
      first = first == null || group.firstStart().isBefore(first) ? group.firstStart() : first;
      last = last == null || group.lastStart().isAfter(last) ? group.lastStart() : last;
      totalNanos += group.durationNanos();
      errors += group.errors();
      count += group.calls();
    }

    ToolView view(String name) {
      // From whole nanoseconds: the mean is the same however the calls were added up.
      double mean = Math.round((double) totalNanos / count / 1_000) / 1_000.0;
      return new ToolView(name, count, errors, mean, List.copyOf(services), first, last);
    }
  }
}
