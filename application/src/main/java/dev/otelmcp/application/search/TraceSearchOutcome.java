package dev.otelmcp.application.search;

import dev.otelmcp.domain.model.TraceHit;
import java.util.List;

/**
 * What a trace search found, and how honest its coverage is.
 *
 * @param hits matching traces, newest first, at most the limit asked for (whole traces when spans were
 *     needed, otherwise whatever the backend returned)
 * @param tracesScanned distinct traces fetched from the backend to find them
 * @param moreAvailable whether more matching traces exist beyond the limit
 * @param scanCapped whether the search stopped at {@code MAX_TRACES_PER_QUERY} (or the backend's own
 *     maximum) before finding {@code limit} matches
 * @param missingTraces traces a summary named but the backend could no longer return
 */
public record TraceSearchOutcome(
    List<TraceHit> hits, int tracesScanned, boolean moreAvailable, boolean scanCapped, int missingTraces) {

  public TraceSearchOutcome {
    hits = List.copyOf(hits);
  }
}
