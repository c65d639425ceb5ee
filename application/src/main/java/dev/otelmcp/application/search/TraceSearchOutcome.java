package dev.otelmcp.application.search;

import dev.otelmcp.application.view.Coverage;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.port.Shortfall;
import java.util.List;

/**
 * What a trace search found, and how honest its coverage is.
 *
 * @param hits matching traces, newest first, at most the limit asked for (whole traces when spans were
 *     needed, otherwise whatever the backend returned)
 * @param tracesScanned distinct traces the backend listed to find them
 * @param tracesRead of those, the traces read: all of them when summaries were enough, else those read whole (a
 *     search the call's stop time ended may have listed more than it could read)
 * @param moreAvailable whether more matching traces exist beyond the limit
 * @param scanCapped whether the search stopped at {@code MAX_TRACES_PER_QUERY} (or the backend's own
 *     maximum) before finding {@code limit} matches
 * @param missingTraces traces a summary named but the backend could no longer return
 * @param shortfall what the search lacked (stopped early, failed parts); {@code null} when nothing
 */
public record TraceSearchOutcome(List<TraceHit> hits, int tracesScanned, int tracesRead, boolean moreAvailable, boolean scanCapped,
    int missingTraces, Shortfall shortfall) {

  public TraceSearchOutcome {
    hits = List.copyOf(hits);
  }

  /**
   * What the search read when it was partial ({@code null} when it was not).
   *
   * @param capped whether the caller counts this search as stopped by the safety cap
   */
  public Coverage coverage(TimeRange window, boolean capped) {
    return Coverage.of(window, shortfall, capped, tracesRead, tracesScanned);
  }
}
