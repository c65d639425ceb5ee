package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.query.Filter;
import java.time.Instant;
import java.util.List;

/**
 * The store's own reading of a window's LLM calls: every matching trace, newest first, with the calls each trace
 * chose when its spans arrived ({@link TraceEntry#llmCalls()}) — no copies, no pages, no sample. It runs under the
 * index's read lock (ingest waits for it; a million spans take well under a second) and checks the call's stop
 * time every {@value #CHECK_EVERY} traces; stopped early, it says how many traces the window holds when that takes
 * no filter to tell.
 */
final class LlmWindowScan implements LlmCallScan {

  private static final int CHECK_EVERY = 1024;

  private final SpanIndex index;
  private final IndexSearch search;

  LlmWindowScan(SpanIndex index, IndexSearch search) {
    this.index = index;
    this.search = search;
  }

  @Override
  public Report scan(TimeRange window, List<Filter> filters, int limit, Visitor visitor) {
    return index.read(() -> {
      CallContext call = CallContext.current();
      int[] traces = {0};
      long[] spans = {0};
      boolean[] more = {false};
      Shortfall[] stopped = {null};
      long[] oldest = {Long.MAX_VALUE};
      search.forEachTrace(window, filters, null, entry -> {
        if (traces[0] == limit) {
          more[0] = true;
          return false;
        }
        if (traces[0] % CHECK_EVERY == CHECK_EVERY - 1 && call.shouldStop()) {
          stopped[0] = Shortfall.stopped(call.stopReason().orElseThrow(), instant(oldest[0]));
          return false;
        }
        visitor.visit(entry.trace(), entry.llmCalls());
        traces[0]++;
        spans[0] += entry.spanCount();
        oldest[0] = Math.min(oldest[0], entry.startNanos);
        return true;
      });
      return new Report(traces[0], spans[0], more[0], stopped[0], stopped[0] == null ? null : known(window, filters));
    });
  }

  /**
   * How many traces start in the window, when no filter must be evaluated to tell (counting entries is a small part
   * of visiting them); {@code null} otherwise.
   */
  private Integer known(TimeRange window, List<Filter> filters) {
    if (!filters.isEmpty()) {
      return null;
    }
    int[] count = {0};
    search.forEachTrace(window, filters, null, entry -> {
      count[0]++;
      return true;
    });
    return count[0];
  }

  private static Instant instant(long nanos) {
    return nanos == Long.MAX_VALUE ? null
        : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
