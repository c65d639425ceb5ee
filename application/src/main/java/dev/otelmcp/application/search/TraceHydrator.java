package dev.otelmcp.application.search;

import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.CallStoppedException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.port.TraceStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns search hits into whole traces. Hits that already are whole traces are reused as they are;
 * summaries are fetched with {@code getTrace}, each id once, at most {@code hydrationConcurrency} at a
 * time — never one by one in series — as part of the calling thread's tool call ({@link CallContext}).
 *
 * <p>A trace that cannot be fetched (after the backend's own retries), or that has not arrived by the end of the
 * call's waits, does not sink the others: the hydration names what it lacks in its {@link Shortfall}, and its caller
 * decides whether what was read is an answer ({@link Hydration#readNothing()}).
 */
@Singleton
public final class TraceHydrator implements AutoCloseable {

  /**
   * The traces obtained, in hit order; how many summaries could no longer be found; which could not be read.
   *
   * @param traces the traces read, in hit order (empty when they were handed on one by one)
   * @param read how many traces were read
   * @param shortfall the traces that failed or did not arrive in time, with the first reason; {@code null} when none
   * @param firstFailure the first failure, to report when nothing could be read; {@code null} when none
   * @param stopped whether the call's end of waits left traces out
   */
  public record Hydration(List<Trace> traces, int read, int missing, Shortfall shortfall, OtelMcpException firstFailure,
      boolean stopped) {

    /** Whether traces were to be fetched and none of them could be. */
    public boolean readNothing() {
      return read == 0 && shortfall != null;
    }

    /** What to report when nothing could be read: the first failure, or that the call ran out of time. */
    public OtelMcpException whyNothing() {
      return firstFailure != null ? firstFailure
          : new CallStoppedException(CallContext.current().stopReason().orElse(StopReason.DEADLINE));
    }
  }

  /** Stands in for a fetch whose trace was handed on, so the pool's result can be collected. */
  private static final Future<Optional<Trace>> DONE = CompletableFuture.completedFuture(Optional.empty());

  private final TraceStore store;
  private final ExecutorService pool;

  @Inject
  public TraceHydrator(TraceStore store, ApplicationSettings settings) {
    this.store = store;
    this.pool = Executors.newFixedThreadPool(settings.hydrationConcurrency(), daemonThreads());
  }

  /** The whole traces of these hits, in hit order, each once. */
  public Hydration hydrate(List<? extends TraceHit> hits) {
    List<Trace> traces = new ArrayList<>(hits.size());
    Hydration hydration = hydrate(hits, traces::add);
    return new Hydration(traces, hydration.read(), hydration.missing(), hydration.shortfall(), hydration.firstFailure(),
        hydration.stopped());
  }

  /**
   * Hands the whole traces of these hits to {@code each}, in hit order, each once, on the calling thread, as soon as
   * a trace and every one before it are read: the caller works on the first traces while the pool still fetches the
   * others, and no trace is kept here once handed on.
   *
   * @return what was read; its {@code traces} list is empty (they went to {@code each})
   */
  public Hydration hydrate(List<? extends TraceHit> hits, Consumer<Trace> each) {
    return hydrate(hits, null, (trace, nothing) -> each.accept(trace));
  }

  /**
   * Like {@link #hydrate(List, Consumer)}, but {@code prepare} (work on one trace alone, such as reading its LLM calls)
   * runs for every trace, and {@code each} gets the trace with what it made, still in hit order on the calling thread.
   * Hits that already are whole traces (Jaeger's, Traceloop's page) are prepared in the pool, so that every core works
   * on them, not only the caller's; a fetched trace is prepared by the caller, which would otherwise only wait for the
   * next fetch (with the pool's threads busy fetching, handing it over cost Tempo's aggregates 20–50 ms).
   *
   * @param prepare thread-safe; {@code null} for none (each then gets {@code null})
   */
  public <T> Hydration hydrate(List<? extends TraceHit> hits, Function<Trace, T> prepare, BiConsumer<Trace, T> each) {
    CallContext call = CallContext.current();
    Map<String, Trace> whole = new HashMap<>();
    for (TraceHit hit : hits) {
      if (hit instanceof Trace trace) {
        whole.putIfAbsent(trace.traceId(), trace);
      }
    }
    Map<String, Future<Optional<Trace>>> pending = new LinkedHashMap<>();
    Map<String, Future<T>> made = new HashMap<>();
    for (TraceHit hit : hits) {
      String id = hit.traceId();
      if (!whole.containsKey(id) && !pending.containsKey(id)) {
        TraceId traceId = new TraceId(id);
        pending.put(id, pool.submit(call.bind(() -> store.getTrace(traceId))));
      }
    }
    List<Future<?>> preparing = prepare == null ? List.of() : prepareAll(whole, prepare, made, call);
    int read = 0;
    int missing = 0;
    int unfetched = 0;
    int fetched = 0;
    List<OtelMcpException> failures = new ArrayList<>();
    Set<String> handled = new HashSet<>();
    try {
      for (TraceHit hit : hits) {
        String id = hit.traceId();
        if (!handled.add(id)) {
          continue;
        }
        Trace known = whole.get(id);
        if (known != null) {
          each.accept(known, prepare == null ? null : prepared(made.get(id)));
          read++;
          continue;
        }
        Future<Optional<Trace>> future = pending.get(id);
        Optional<Trace> trace;
        try {
          trace = await(future, pending, call);
          if (trace == null) {
            // the call must answer now: what is not here yet stays out
            future.cancel(true);
            unfetched++;
            continue;
          }
        } catch (CallStoppedException stopped) {
          throw stopped;
        } catch (OtelMcpException failure) {
          failures.add(failure);
          continue;
        }
        // Let the pool's result go: only the caller keeps the trace, for as long as it wants.
        pending.put(id, DONE);
        fetched++;
        if (trace.isPresent()) {
          // Prepared here: the caller would otherwise only wait for the next fetch, which the pool's threads make.
          each.accept(trace.get(), prepare == null ? null : prepare.apply(trace.get()));
          read++;
        } else {
          missing++;
        }
        call.progress(fetched, (double) pending.size(), "traces fetched");
      }
    } catch (RuntimeException | Error e) {
      // the caller's work on a trace failed, or the call stopped: nothing more is wanted
      pending.values().forEach(f -> f.cancel(true));
      preparing.forEach(f -> f.cancel(true));
      throw e;
    }
    Shortfall shortfall = failures.isEmpty() ? null : Shortfall.failed(List.of(failures.size() + " of "
        + pending.size() + " traces could not be read: " + brief(failures.get(0).getMessage())));
    if (unfetched > 0) {
      Shortfall late = new Shortfall(call.stopReason().orElse(StopReason.DEADLINE), null,
          List.of(unfetched + " of " + pending.size() + " traces were not fetched before the call had to answer"));
      shortfall = late.and(shortfall);
    }
    return new Hydration(List.of(), read, missing, shortfall, failures.isEmpty() ? null : failures.get(0),
        unfetched > 0);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Traces made ready in one task: enough to outweigh handing a task over, few enough to share out a page. */
  private static final int PREPARED_PER_TASK = 32;

  /** Submits {@code prepare} over the whole traces, a few per task; what each makes is put in {@code made}. */
  private <T> List<Future<?>> prepareAll(Map<String, Trace> whole, Function<Trace, T> prepare,
      Map<String, Future<T>> made, CallContext call) {
    List<Future<?>> tasks = new ArrayList<>();
    List<Trace> traces = new ArrayList<>(whole.values());
    for (int from = 0; from < traces.size(); from += PREPARED_PER_TASK) {
      List<Trace> part = traces.subList(from, Math.min(traces.size(), from + PREPARED_PER_TASK));
      CompletableFuture<List<T>> task = new CompletableFuture<>();
      for (int i = 0; i < part.size(); i++) {
        int at = i;
        made.put(part.get(i).traceId(), task.thenApply(values -> values.get(at)));
      }
      tasks.add(pool.submit(call.bind(() -> {
        try {
          List<T> values = new ArrayList<>(part.size());
          part.forEach(trace -> values.add(prepare.apply(trace)));
          task.complete(values);
        } catch (RuntimeException | Error e) {
          task.completeExceptionally(e);
        }
        return null;
      })));
    }
    return tasks;
  }

  /** What {@code prepare} made of a trace: the pool works on all of them, the caller waits for the one it needs. */
  private static <T> T prepared(Future<T> made) {
    try {
      return made.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallStoppedException(CallContext.current().stopReason().orElse(StopReason.DEADLINE));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("preparing a trace failed", e.getCause());
    }
  }

  /** The trace, or {@code null} when the call's stop time came first. */
  private static Optional<Trace> await(Future<Optional<Trace>> future, Map<String, Future<Optional<Trace>>> all,
      CallContext call) {
    try {
      return call.bounded() ? future.get(call.untilWaitsEnd().toNanos(), TimeUnit.NANOSECONDS) : future.get();
    } catch (TimeoutException late) {
      return null;
    } catch (InterruptedException e) {
      all.values().forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new CallStoppedException(CallContext.current().stopReason().orElse(StopReason.DEADLINE));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OtelMcpException domainFailure) {
        // one trace failed; the others are still worth having
        throw domainFailure;
      }
      all.values().forEach(f -> f.cancel(true));
      throw new IllegalStateException("fetching a trace failed", e.getCause());
    }
  }

  /** A failure's message, short enough to sit in a list of failed parts. */
  static String brief(String message) {
    String text = message == null ? "unknown failure" : message;
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
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
