package dev.otelmcp.adapters.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.domain.model.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cursors and scan pages go through every sample exactly once, in the order of one unpaged search. */
class PagingTest {

  @Test
  void traceSearchPagesByCursorThroughEveryTraceNewestFirst() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), SampleTables.MAP_DATABASE)) {
      List<String> all = ids(store.searchTraces(new TraceQuery(SampleTables.WINDOW, List.of(), 1000)).hits());
      List<String> paged = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        TraceSearchResult page = store.searchTraces(new TraceQuery(SampleTables.WINDOW, List.of(), 4, cursor));
        paged.addAll(ids(page.hits()));
        cursor = page.nextCursor();
        pages++;
      } while (cursor != null);

      assertThat(all).hasSize(29);
      assertThat(paged).isEqualTo(all);
      assertThat(pages).isEqualTo(8);
    }
  }

  @Test
  void spanSearchPagesByCursorThroughEverySpan() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), SampleTables.JSON_DATABASE)) {
      List<Filter> filters = List.of(Filter.equalsString("service.name", "support-bot"));
      List<String> all = store.searchSpans(new SpanQuery(SampleTables.WINDOW, filters, 1000)).spans().stream()
          .map(Span::spanId).toList();
      List<String> paged = new ArrayList<>();
      String cursor = null;
      do {
        SpanSearchResult page = store.searchSpans(new SpanQuery(SampleTables.WINDOW, filters, 7, cursor));
        page.spans().forEach(s -> paged.add(s.spanId()));
        cursor = page.nextCursor();
      } while (cursor != null);

      assertThat(all).isNotEmpty();
      assertThat(paged).isEqualTo(all);
    }
  }

  @Test
  void theLlmCallScanReadsTheWindowsTracesInTheSearchsOrderWithTheDomainsCallsAndHonoursItsLimit() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), SampleTables.MAP_DATABASE)) {
      List<String> all = ids(store.searchTraces(new TraceQuery(SampleTables.WINDOW, List.of(), 1000)).hits());
      List<String> visited = new ArrayList<>();
      int[] calls = {0};
      LlmCallScan.Report report = store.llmCallScan().orElseThrow().scan(SampleTables.WINDOW, List.of(), 1000, (trace, found) -> {
        visited.add(trace.traceId());
        calls[0] += found.size();
        assertThat(found).hasSameSizeAs(LlmCalls.of(trace));
      });

      assertThat(visited).isEqualTo(all);
      assertThat(calls[0]).isPositive();
      assertThat(report.tracesRead()).isEqualTo(29);
      assertThat(report.moreAvailable()).isFalse();

      LlmCallScan.Report limited = store.llmCallScan().orElseThrow().scan(SampleTables.WINDOW, List.of(), 12, (t, c) -> { });
      assertThat(limited.tracesRead()).isEqualTo(12);
      assertThat(limited.moreAvailable()).isTrue();
      LlmCallScan.Report exact = store.llmCallScan().orElseThrow().scan(SampleTables.WINDOW, List.of(), 29,
          (t, c) -> { });
      assertThat(exact.tracesRead()).isEqualTo(29);
      assertThat(exact.moreAvailable()).as("the limit is the window's size: nothing more").isFalse();
    }
  }

  @Test
  void aScanStopsAtTheCallsStopTimeAndSaysFromWhenItRead() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), SampleTables.MAP_DATABASE)) {
      CallContext call = CallContext.startingNow(Duration.ofSeconds(30), Duration.ZERO, ProgressSink.NONE);
      LlmCallScan.Report report = call.call(() -> store.llmCallScan().orElseThrow().scan(SampleTables.WINDOW, List.of(), 1000,
          (trace, found) -> call.cancel()));

      assertThat(report.tracesRead()).as("it stops after the trace it was reading").isEqualTo(1);
      assertThat(report.shortfall()).isNotNull();
      assertThat(report.shortfall().searchedFrom()).isNotNull();
    }
  }

  private static List<String> ids(List<TraceHit> hits) {
    return hits.stream().map(TraceHit::traceId).toList();
  }
}
