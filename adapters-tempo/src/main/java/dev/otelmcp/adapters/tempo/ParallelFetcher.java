package dev.otelmcp.adapters.tempo;

import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Fetches many whole traces at once, never more than {@code hydration_concurrency} at a time (the pool is the
 * store's, so the bound holds across concurrent tool calls), each id once. One failure fails the batch: a
 * silently partial answer would look like "no such traces".
 */
final class ParallelFetcher implements AutoCloseable {

  private final ExecutorService pool;
  private final Function<String, Optional<Trace>> fetch;

  ParallelFetcher(int concurrency, Function<String, Optional<Trace>> fetch) {
    this.pool = Executors.newFixedThreadPool(concurrency, daemonThreads());
    this.fetch = fetch;
  }

  /** The traces Tempo still holds, in the order of the ids given. */
  List<Trace> fetchAll(List<String> traceIds) {
    List<String> ids = traceIds.stream().distinct().toList();
    if (ids.size() == 1) {
      return fetch.apply(ids.get(0)).map(List::of).orElse(List.of());
    }
    Map<String, Future<Optional<Trace>>> futures = new LinkedHashMap<>();
    for (String id : ids) {
      futures.put(id, pool.submit(() -> fetch.apply(id)));
    }
    List<Trace> traces = new ArrayList<>(ids.size());
    try {
      for (Future<Optional<Trace>> future : futures.values()) {
        future.get().ifPresent(traces::add);
      }
      return traces;
    } catch (ExecutionException e) {
      cancel(futures);
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("fetching a trace failed", e.getCause());
    } catch (InterruptedException e) {
      cancel(futures);
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException("fetching traces from Tempo was interrupted", "Retry the call.");
    } catch (CancellationException e) {
      cancel(futures);
      throw new BackendUnavailableException("fetching traces from Tempo was cancelled", "Retry the call.");
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static void cancel(Map<String, Future<Optional<Trace>>> futures) {
    futures.values().forEach(f -> f.cancel(true));
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "otel-mcp-tempo-fetch-" + count.incrementAndGet());
      // Never keep the JVM alive for a fetch nobody waits for any more.
      thread.setDaemon(true);
      return thread;
    };
  }
}
