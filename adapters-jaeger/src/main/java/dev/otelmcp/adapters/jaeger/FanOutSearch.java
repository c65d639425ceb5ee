package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.backend.toolkit.PartPool;
import dev.otelmcp.backend.toolkit.PartResults;
import dev.otelmcp.backend.toolkit.ShortfallTally;
import dev.otelmcp.domain.call.CallContext;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one search per service with bounded parallelism, for searches that name no service: Jaeger's search
 * requires one, and asking every service is how the Jaeger UI's users would do it by hand.
 *
 * <p>The pool is fixed and owned by the store, so the bound holds across concurrent tool calls too. A service whose
 * search still fails after retries is left out and named in the answer's shortfall (the others' traces are worth
 * having); services not searched because the tool call stopped are named too. Whether an answer without any
 * service read is still an answer is the caller's call.
 */
final class FanOutSearch implements AutoCloseable {

  /** Services named one by one in the shortfall; more are counted. */
  private static final int MAX_NAMED = 10;

  private final PartPool pool;

  FanOutSearch(int concurrency) {
    this.pool = new PartPool("jaeger-fanout", concurrency);
  }

  /** The pages of the services that could be searched, in the order of {@code services}. */
  <P> List<P> searchAll(List<String> services, Function<String, P> search, ShortfallTally tally) {
    CallContext call = CallContext.current();
    PartResults<String, P> results = pool.run(services, search,
        done -> call.progress(done, (double) services.size(), "Jaeger services searched"));
    List<P> pages = tally.collect(results, service -> "service " + service);
    List<String> notSearched = results.notRun();
    if (!notSearched.isEmpty()) {
      tally.missing("services not searched: " + String.join(", ", notSearched.subList(0,
          Math.min(MAX_NAMED, notSearched.size()))) + (notSearched.size() > MAX_NAMED
          ? " and " + (notSearched.size() - MAX_NAMED) + " more" : ""));
    }
    return pages;
  }

  @Override
  public void close() {
    pool.close();
  }
}
