package dev.otelmcp.application.llm;

import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.llm.ToolCall;
import dev.otelmcp.domain.llm.ToolCalls;
import dev.otelmcp.domain.llm.ToolGroup;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.LlmToolUsage;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.Filter;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The window's tool calls as groups (one tool in one service each): counted by the store where the spans are kept
 * ({@link LlmToolUsage}) when it counts them, evaluates every filter and can count this request; otherwise read trace
 * by trace ({@link LlmScan#visit}) and handed on one call per group — the same groups either way.
 */
public final class ToolCount {

  /** What a count read: the traces, and the LLM calls in them (of every provider). */
  public record Reading(LlmScan.Reading traces, long llmCalls) {}

  private final TraceStore store;
  private final LlmScan scan;
  private final CallPricing pricing;

  @Inject
  public ToolCount(TraceStore store, LlmScan scan, CallPricing pricing) {
    this.store = store;
    this.scan = scan;
    this.pricing = pricing;
  }

  /**
   * @param provider only traces with an LLM call of this provider (ignoring case), or {@code null}
   * @param toolService only tool spans of this service, or {@code null}
   */
  public Reading count(TimeRange window, List<Filter> traceFilters, int traceLimit, String provider,
      String toolService, Consumer<ToolGroup> groups) {
    return storeCount(new LlmToolUsage.Request(window, traceFilters, traceLimit, provider, toolService), groups)
        .orElseGet(() -> read(window, traceFilters, traceLimit, provider, toolService, groups));
  }

  private Optional<Reading> storeCount(LlmToolUsage.Request request, Consumer<ToolGroup> groups) {
    Optional<LlmToolUsage> usage = store.llmToolUsage()
        .filter(u -> request.traceFilters().stream().allMatch(store.capabilities()::evaluatesTraceFilter));
    if (usage.isEmpty()) {
      return Optional.empty();
    }
    LlmToolUsage.Report report;
    try {
      report = usage.get().count(request, groups);
    } catch (UnsupportedQueryException e) {
      // The store cannot count this after all (it says so before any group): the traces are read instead.
      return Optional.empty();
    }
    LlmScan.Reading traces = new LlmScan.Reading(request.window(), report.tracesRead(),
        (int) Math.min(Integer.MAX_VALUE, report.spansRead()), report.moreAvailable(),
        (int) Math.min(Integer.MAX_VALUE, report.llmWarnings()), pricing.sources(), null);
    return Optional.of(new Reading(traces, report.llmCalls()));
  }

  private Reading read(TimeRange window, List<Filter> traceFilters, int traceLimit, String provider,
      String toolService, Consumer<ToolGroup> groups) {
    long[] llmCalls = {0};
    // Each trace's tool calls are handed on as it is read; the trace itself is not kept.
    LlmScan.Reading traces = scan.visit(window, traceFilters, traceLimit, (trace, calls) -> {
      llmCalls[0] += calls.size();
      if (provider != null && calls.stream().noneMatch(c -> provider.equalsIgnoreCase(c.provider()))) {
        return;
      }
      for (ToolCall call : ToolCalls.of(trace)) {
        if (toolService == null || toolService.equals(call.span().serviceName())) {
          groups.accept(ToolGroup.of(call));
        }
      }
    });
    return new Reading(traces, llmCalls[0]);
  }
}
