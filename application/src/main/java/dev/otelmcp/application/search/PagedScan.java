package dev.otelmcp.application.search;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.port.Shortfall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The fetch loop behind every search: ask the store for a page, keep what matches, and fetch again —
 * the next cursor page, or the same query with a larger limit when the store has no cursors — until the
 * limit is met, the store has nothing more, the scan reaches its cap, or the call must stop (its stop time came,
 * or the client cancelled it: what was found so far is answered, marked partial).
 *
 * @param <T> what the store returns (trace hits, spans)
 * @param <R> what is kept (whole traces, spans)
 */
final class PagedScan<T, R> {

  /** One page as the store answered it, and what it lacks ({@code null} when nothing). */
  record Page<T>(List<T> items, boolean mayHaveMore, String cursor, Shortfall shortfall) {}

  /** Asks the store for {@code limit} items starting at {@code cursor} ({@code null} for the first page). */
  interface Fetcher<T> {
    Page<T> fetch(int limit, String cursor);
  }

  /**
   * @param matched everything kept, in the order found (the caller sorts and cuts to the limit)
   * @param scanned distinct items fetched
   * @param backendHasMore whether the last page said more items exist
   * @param capped whether the scan stopped at its cap before reaching the limit
   * @param shortfall what the pages lacked and why the scan stopped early; {@code null} when nothing
   */
  record Outcome<R>(List<R> matched, int scanned, boolean backendHasMore, boolean capped, Shortfall shortfall) {}

  private static final int GROWTH = 4;

  private final Fetcher<T> fetcher;
  private final Function<T, String> identity;
  private final Function<List<T>, List<R>> keep;
  private final Function<T, Instant> startOf;

  /**
   * @param identity distinguishes items, so that a re-fetched page never counts an item twice
   * @param keep turns the new items of a page into the results worth keeping (hydrate, filter)
   * @param startOf an item's start time: the oldest read is where a stopped (newest-first) scan's coverage begins
   */
  PagedScan(Fetcher<T> fetcher, Function<T, String> identity, Function<List<T>, List<R>> keep,
      Function<T, Instant> startOf) {
    this.fetcher = fetcher;
    this.identity = identity;
    this.keep = keep;
    this.startOf = startOf;
  }

  Outcome<R> run(int limit, int firstFetch, int requestCap, int scanCap) {
    List<R> matched = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int fetch = Math.min(firstFetch, requestCap);
    String cursor = null;
    Shortfall lacking = null;
    Instant oldest = null;
    while (true) {
      Page<T> page = fetcher.fetch(fetch, cursor);
      lacking = page.shortfall() == null ? lacking : page.shortfall().and(lacking);
      List<T> fresh = new ArrayList<>();
      for (T item : page.items()) {
        if (seen.add(identity.apply(item))) {
          fresh.add(item);
        }
        Instant start = startOf.apply(item);
        oldest = oldest == null || start.isBefore(oldest) ? start : oldest;
      }
      matched.addAll(keep.apply(fresh));
      CallContext call = CallContext.current();
      if (matched.size() >= limit || !page.mayHaveMore()) {
        return new Outcome<>(matched, seen.size(), page.mayHaveMore(), false, lacking);
      }
      if (call.shouldStop()) {
        Shortfall stopped = Shortfall.stopped(call.stopReason().orElseThrow(), oldest);
        return new Outcome<>(matched, seen.size(), true, false, stopped.and(lacking));
      }
      if (seen.size() >= scanCap) {
        return new Outcome<>(matched, seen.size(), true, true, lacking);
      }
      call.progress(seen.size(), (double) scanCap, "items read (at most " + scanCap + ")");
      if (page.cursor() != null) {
        cursor = page.cursor();
      } else if (fetch < requestCap) {
        fetch = Math.min(fetch * GROWTH, requestCap);
      } else {
        return new Outcome<>(matched, seen.size(), true, true, lacking);
      }
    }
  }
}
