package dev.otelmcp.backend.toolkit;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.OtelMcpException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * A store's fixed pool of threads for the parts of one answer: one search per service, per window piece, one fetch
 * per trace. The pool belongs to the store, so its bound holds across concurrent tool calls too.
 *
 * <p>Every part runs as part of the caller's tool call ({@link CallContext#bind}): its requests retry only while the
 * call has time, and a part not yet started when the call is cancelled or reaches its stop time is not started at
 * all. While waiting, the caller watches the call: once it is cancelled, or the end of its waits has come ({@link
 * CallContext#untilWaitsEnd()}, before the deadline, so that there is time to answer), the parts still under way are
 * cancelled with an interrupt (the JDK client gives up its request), so that backend work stops within {@value
 * #WATCH_MILLIS} ms; the parts read so far are the answer.
 *
 * <p>A part that fails with a domain exception (after its retries) is a failed part, not a failed answer: the caller
 * decides ({@link PartResults#requireSomethingRead()}). Anything else a part throws is a bug and is rethrown.
 *
 * <p>Never call {@link #run} from a part of the same pool: a full pool would wait for itself.
 */
public final class PartPool implements AutoCloseable {

  /** How often a waiting caller looks at its call's cancellation and end of waits. */
  static final long WATCH_MILLIS = 100;

  private final ExecutorService pool;
  private final int concurrency;

  /**
   * @param name the threads' name, e.g. {@code tempo} for {@code otel-mcp-tempo-3}
   * @param concurrency how many parts run at once, across all calls
   */
  public PartPool(String name, int concurrency) {
    this.concurrency = concurrency;
    this.pool = Executors.newFixedThreadPool(concurrency, daemonThreads(name));
  }

  public int concurrency() {
    return concurrency;
  }

  /** {@link #run(List, Function, IntConsumer)} without progress. */
  public <P, R> PartResults<P, R> run(List<P> parts, Function<P, R> work) {
    return run(parts, work, collected -> { });
  }

  /**
   * Reads every part, at most {@link #concurrency()} at a time; a single part is read on the caller's thread.
   *
   * @param collected told, on the caller's thread, how many parts have ended so far (in the parts' order)
   */
  public <P, R> PartResults<P, R> run(List<P> parts, Function<P, R> work, IntConsumer collected) {
    CallContext call = CallContext.current();
    if (parts.size() == 1) {
      PartResult<P, R> only = attempt(parts.get(0), work, call);
      collected.accept(1);
      return new PartResults<>(List.of(only), only.notRun() ? stopReason(call) : null);
    }
    List<Future<PartResult<P, R>>> futures = new ArrayList<>(parts.size());
    for (P part : parts) {
      futures.add(pool.submit(call.bind(() -> attempt(part, work, call))));
    }
    try {
      return collect(parts, futures, call, collected);
    } catch (RuntimeException | Error bug) {
      // A part threw something no backend failure explains: stop the others, report the bug.
      futures.forEach(f -> f.cancel(true));
      throw bug;
    }
  }

  private static <P, R> PartResults<P, R> collect(List<P> parts, List<Future<PartResult<P, R>>> futures,
      CallContext call, IntConsumer collected) {
    List<PartResult<P, R>> results = new ArrayList<>(parts.size());
    StopReason stoppedBy = null;
    for (int i = 0; i < parts.size(); i++) {
      PartResult<P, R> result;
      if (stoppedBy != null) {
        result = finishedOrNotRun(parts.get(i), futures.get(i));
      } else {
        Waited<P, R> waited = await(parts.get(i), futures.get(i), call);
        result = waited.result();
        if (waited.stop() != null) {
          stoppedBy = waited.stop();
          futures.forEach(f -> f.cancel(true));
        }
      }
      results.add(result);
      collected.accept(i + 1);
    }
    if (stoppedBy == null && results.stream().anyMatch(PartResult::notRun)) {
      stoppedBy = stopReason(call);
    }
    return new PartResults<>(results, stoppedBy);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Runs one part on this thread, unless the call should stop. */
  private static <P, R> PartResult<P, R> attempt(P part, Function<P, R> work, CallContext call) {
    if (call.shouldStop()) {
      return PartResult.skipped(part);
    }
    try {
      return PartResult.done(part, work.apply(part));
    } catch (OtelMcpException failure) {
      if (Thread.currentThread().isInterrupted() && call.shouldStop()) {
        // Its request was interrupted because the call stopped: it did not fail, it was stopped.
        return PartResult.skipped(part);
      }
      return PartResult.failed(part, failure);
    }
  }

  /** A part's result, and the reason to stop waiting for the others when the call is cancelled or out of time. */
  private record Waited<P, R>(PartResult<P, R> result, StopReason stop) {}

  private static <P, R> Waited<P, R> await(P part, Future<PartResult<P, R>> future, CallContext call) {
    while (true) {
      try {
        return new Waited<>(future.get(WATCH_MILLIS, TimeUnit.MILLISECONDS), null);
      } catch (TimeoutException stillRunning) {
        if (call.cancelled()) {
          return new Waited<>(PartResult.skipped(part), StopReason.CANCELLED);
        }
        if (call.untilWaitsEnd().isZero()) {
          return new Waited<>(PartResult.skipped(part), StopReason.DEADLINE);
        }
      } catch (InterruptedException interrupted) {
        // The caller's thread is interrupted: the call was cancelled; keep the flag for the caller.
        Thread.currentThread().interrupt();
        return new Waited<>(PartResult.skipped(part), StopReason.CANCELLED);
      } catch (CancellationException cancelled) {
        return new Waited<>(PartResult.skipped(part), null);
      } catch (ExecutionException e) {
        throw rethrow(e);
      }
    }
  }

  /** After a stop: what a part already finished with, else not run (it was cancelled). */
  private static <P, R> PartResult<P, R> finishedOrNotRun(P part, Future<PartResult<P, R>> future) {
    if (!future.isDone() || future.isCancelled()) {
      return PartResult.skipped(part);
    }
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw rethrow(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PartResult.skipped(part);
    }
  }

  private static StopReason stopReason(CallContext call) {
    Optional<StopReason> reason = call.stopReason();
    return reason.orElse(StopReason.DEADLINE);
  }

  private static RuntimeException rethrow(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("a part failed", cause);
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "otel-mcp-" + name + "-" + count.incrementAndGet());
      // Never keep the JVM alive for work nobody waits for any more.
      thread.setDaemon(true);
      return thread;
    };
  }
}
