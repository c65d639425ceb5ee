package dev.otelmcp.domain.port;

import dev.otelmcp.domain.model.TraceHit;
import java.util.List;
import java.util.Optional;

/**
 * One page of trace search results.
 *
 * @param hits whole traces or summaries, newest first where the backend allows
 * @param mayHaveMore whether the backend may hold more matching traces than returned (a limit was hit)
 * @param nextCursor the cursor for the next page when the backend pages by cursor; {@code null} otherwise
 * @param shortfall what the answer lacks when the backend could not search everything asked; {@code null} when
 *     it searched it all
 */
public record TraceSearchResult(List<TraceHit> hits, boolean mayHaveMore, String nextCursor, Shortfall shortfall) {

  public TraceSearchResult {
    hits = List.copyOf(hits);
  }

  /** A result that searched everything asked (the form plug-ins written before {@link Shortfall} use). */
  public TraceSearchResult(List<TraceHit> hits, boolean mayHaveMore, String nextCursor) {
    this(hits, mayHaveMore, nextCursor, null);
  }

  public static TraceSearchResult of(List<? extends TraceHit> hits, int limit) {
    return new TraceSearchResult(List.copyOf(hits), hits.size() >= limit, null);
  }

  public Optional<String> cursor() {
    return Optional.ofNullable(nextCursor);
  }
}
