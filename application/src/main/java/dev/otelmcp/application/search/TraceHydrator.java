package dev.otelmcp.application.search;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.port.TraceStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns search hits into whole traces. Hits that already are whole traces are reused as they are;
 * summaries are fetched with {@code getTrace}, each id once, at most {@code hydrationConcurrency} at a
 * time — never one by one in series.
 */
@Singleton
public final class TraceHydrator implements AutoCloseable {

  /** The traces obtained, in hit order, and how many summaries could no longer be found. */
  public record Hydration(List<Trace> traces, int missing) {}

  private final TraceStore store;
  private final ExecutorService pool;

  @Inject
  public TraceHydrator(TraceStore store, ApplicationSettings settings) {
    this.store = store;
    this.pool = Executors.newFixedThreadPool(settings.hydrationConcurrency(), daemonThreads());
  }

  public Hydration hydrate(List<? extends TraceHit> hits) {
    Map<String, Future<Optional<Trace>>> pending = new LinkedHashMap<>();
    Map<String, Trace> ready = new LinkedHashMap<>();
    for (TraceHit hit : hits) {
      if (hit instanceof Trace trace) {
        ready.putIfAbsent(trace.traceId(), trace);
      } else if (!ready.containsKey(hit.traceId()) && !pending.containsKey(hit.traceId())) {
        String id = hit.traceId();
        pending.put(id, pool.submit(() -> store.getTrace(id)));
      }
    }
    int missing = 0;
    for (Map.Entry<String, Future<Optional<Trace>>> entry : pending.entrySet()) {
      Optional<Trace> trace = await(entry.getValue(), pending);
      if (trace.isPresent()) {
        ready.put(entry.getKey(), trace.get());
      } else {
        missing++;
      }
    }
    List<Trace> ordered = new ArrayList<>(ready.size());
    for (TraceHit hit : hits) {
      Trace trace = ready.remove(hit.traceId());
      if (trace != null) {
        ordered.add(trace);
      }
    }
    return new Hydration(ordered, missing);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static Optional<Trace> await(Future<Optional<Trace>> future, Map<String, Future<Optional<Trace>>> all) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      all.values().forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching traces", e);
    } catch (ExecutionException e) {
      all.values().forEach(f -> f.cancel(true));
      if (e.getCause() instanceof OtelMcpException domainFailure) {
        throw domainFailure;
      }
      throw new IllegalStateException("fetching a trace failed", e.getCause());
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "otelmcp-hydrate-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
