package dev.otelmcp.adapters.tempo;

import dev.otelmcp.backend.toolkit.PartPool;
import dev.otelmcp.backend.toolkit.PartResults;
import dev.otelmcp.backend.toolkit.ShortfallTally;
import dev.otelmcp.domain.model.Trace;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fetches many whole traces at once through the store's {@link PartPool} (never more than
 * {@code hydration_concurrency} at a time, across concurrent tool calls too), each id once. A trace that cannot be
 * fetched (after retries) is left out and tallied as a failed part; fetches not started because the tool call
 * stopped are tallied as missing. The caller decides whether the answer is still worth giving.
 */
final class ParallelFetcher {

  private final PartPool pool;
  private final Function<String, Optional<Trace>> fetch;

  ParallelFetcher(PartPool pool, Function<String, Optional<Trace>> fetch) {
    this.pool = pool;
    this.fetch = fetch;
  }

  /** The traces Tempo still holds, in the order of the ids given; what could not be fetched goes to the tally. */
  List<Trace> fetchAll(List<String> traceIds, ShortfallTally tally) {
    List<String> ids = traceIds.stream().distinct().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    PartResults<String, Optional<Trace>> results = pool.run(ids, fetch);
    List<Trace> traces = tally.collect(results, id -> "trace " + id).stream().flatMap(Optional::stream).toList();
    if (!results.notRun().isEmpty()) {
      tally.missing("traces not fetched: " + results.notRun().size() + " of " + ids.size());
    }
    return traces;
  }
}
