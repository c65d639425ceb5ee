package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.error.BackendUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one search per service with bounded parallelism, for searches that name no service: Jaeger's search
 * requires one, and asking every service is how the Jaeger UI's users would do it by hand.
 *
 * <p>The pool is fixed and owned by the store, so the bound holds across concurrent tool calls too. If any
 * per-service search fails, the others are cancelled and the failure is thrown: a silently partial answer
 * would look like "no such traces".
 */
final class FanOutSearch implements AutoCloseable {

  private final ExecutorService pool;

  FanOutSearch(int concurrency) {
    this.pool = Executors.newFixedThreadPool(concurrency, daemonThreads());
  }

  /** The page of every service, in the order of {@code services}. */
  List<JaegerFlavour.SearchPage> searchAll(List<String> services, Function<String, JaegerFlavour.SearchPage> search) {
    if (services.size() == 1) {
      return List.of(search.apply(services.get(0)));
    }
    List<Future<JaegerFlavour.SearchPage>> futures = new ArrayList<>(services.size());
    for (String service : services) {
      futures.add(pool.submit(() -> search.apply(service)));
    }
    List<JaegerFlavour.SearchPage> pages = new ArrayList<>(services.size());
    try {
      for (Future<JaegerFlavour.SearchPage> future : futures) {
        pages.add(future.get());
      }
      return pages;
    } catch (ExecutionException e) {
      cancel(futures);
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("per-service search failed", cause);
    } catch (InterruptedException e) {
      cancel(futures);
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException("the search across Jaeger's services was interrupted", "Retry the call.");
    } catch (CancellationException e) {
      cancel(futures);
      throw new BackendUnavailableException("the search across Jaeger's services was cancelled", "Retry the call.");
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static void cancel(List<? extends Future<?>> futures) {
    futures.forEach(f -> f.cancel(true));
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "otel-mcp-jaeger-fanout-" + count.incrementAndGet());
      // Never keep the JVM alive for a search nobody waits for any more.
      thread.setDaemon(true);
      return thread;
    };
  }
}
