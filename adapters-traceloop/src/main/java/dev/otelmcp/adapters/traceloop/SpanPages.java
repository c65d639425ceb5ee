package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.backend.toolkit.feign.FeignCalls;
import dev.otelmcp.domain.model.TimeRange;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The span search ({@code POST …/spans}) read as a whole window, {@value #PAGE_SIZE} rows a request, newest first,
 * for the stores' own scans ({@link StatusScan}, {@link SpanSearchLlmScan}).
 *
 * <p>Where to go on: rows come newest second first but in no time order within a second, and the API's
 * {@code next_cursor} is the last row's millisecond, so a cursor taken there can skip rows of that second the page
 * did not hold. A scan therefore resumes at the start of the second after the last row's ({@link #resume}: that
 * second is read again, and the scan recognises its rows by id), and falls back to the API's cursor only when a
 * whole page lies in one second. (A cursor is read as "rows that started before it": only so does the API's own
 * cursor ever move on.) So every row of the window is read at least once, and a row read twice is one of the last
 * second of the page before.
 */
final class SpanPages {

  static final int PAGE_SIZE = TraceloopTraceStore.MAX_SEARCH_LIMIT;

  private static final Logger LOG = LoggerFactory.getLogger(SpanPages.class);
  private static final String SPANS = "POST /v2/projects/" + TraceloopApi.PROJECT + "/spans";

  private final TraceloopApi api;
  private final FeignCalls calls;
  private final TraceloopConfig config;

  SpanPages(TraceloopApi api, FeignCalls calls, TraceloopConfig config) {
    this.api = api;
    this.calls = calls;
    this.config = config;
  }

  /**
   * One page of the window's spans in the configured environments, starting at {@code cursor} (the first page when
   * null), with the request retried as every call is ({@link FeignCalls}).
   *
   * @param pushed conditions in the API's form
   */
  Paging.Page read(List<Wire.WireFilter> pushed, TimeRange window, String cursor) {
    Wire.SearchRequest request = Paging.request(pushed, config.environments(), window, PAGE_SIZE, cursor);
    Wire.SpansResponse answer = calls.call(SPANS, () -> api.spans(request));
    return Paging.page(answer == null ? null : answer.spans(), PAGE_SIZE, cursor);
  }

  /** Where the page after this one starts: the start of the second after the last row's, if that is progress. */
  static String resume(Paging.Page rows, String sent) {
    Long last = rows.rows().get(rows.rows().size() - 1).timestamp();
    if (last == null) {
      return rows.nextCursor();
    }
    long next = (Math.floorDiv(last, 1000L) + 1) * 1000L;
    boolean progress = sent == null || next < Long.parseLong(sent.trim());
    if (!progress) {
      LOG.debug("Traceloop: a page of {} rows lies within one second; going on at the API's cursor", rows.rows().size());
    }
    return progress ? Long.toString(next) : rows.nextCursor();
  }
}
