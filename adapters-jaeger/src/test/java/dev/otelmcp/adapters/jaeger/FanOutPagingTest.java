package dev.otelmcp.adapters.jaeger;

import static dev.otelmcp.adapters.jaeger.SearchableJaeger.BASE;
import static dev.otelmcp.adapters.jaeger.SearchableJaeger.MINUTE;
import static dev.otelmcp.adapters.jaeger.SearchableJaeger.WINDOW;
import static dev.otelmcp.adapters.jaeger.SearchableJaeger.span;
import static dev.otelmcp.adapters.jaeger.SearchableJaeger.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.TraceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paging a fanned-out search when the re-check drops part of a full answer (Jaeger applies tags and minDuration to one
 * span, otel-mcp to the trace): a page holds only what every full answer covered, so the next page, searched up to
 * where this one ended, skips none of the full service's older traces.
 */
class FanOutPagingTest {

  private SearchableJaeger jaeger;
  private JaegerTraceStore store;

  @AfterEach
  void close() {
    if (jaeger != null) {
      jaeger.close();
    }
  }

  @Test
  void aFullAnswerTheReCheckEmptiesLeavesNoGapBeforeTheOtherServicesOlderTraces() throws Exception {
    // "agent": its three newest traces lack the attribute asked for, its two older ones have it; "tools": one old
    // trace with it. The fake, like a Jaeger whose span-level match differs from the trace-level one, returns all.
    String[] matching = {"custom.key", "string", "\"x\""};
    List<SearchableJaeger.StoredTrace> traces = new ArrayList<>(List.of(
        trace("a10", span("110", "agent", BASE + 10 * MINUTE)),
        trace("a09", span("19", "agent", BASE + 9 * MINUTE)),
        trace("a08", span("18", "agent", BASE + 8 * MINUTE)),
        trace("a07", span("17", "agent", BASE + 7 * MINUTE, matching)),
        trace("a06", span("16", "agent", BASE + 6 * MINUTE, matching)),
        trace("b01", span("21", "tools", BASE + MINUTE, matching))));
    jaeger = new SearchableJaeger(traces, Set.of());
    store = jaeger.store(JaegerQueryPlanner.MAX_SEARCH_LIMIT);
    List<Filter> filters = List.of(Filter.equalsString("custom.key", "x"));
    List<String> read = new ArrayList<>();
    String cursor = null;
    int pages = 0;

    do {
      TraceSearchResult page = store.searchTraces(new TraceQuery(WINDOW, filters, 3, cursor));
      page.hits().stream().map(TraceHit::traceId).filter(id -> !read.contains(id)).forEach(read::add);
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(read).as("every matching trace, newest first").containsExactly(
        "00000000000000000000000000000a07", "00000000000000000000000000000a06", "00000000000000000000000000000b01");
  }
}
