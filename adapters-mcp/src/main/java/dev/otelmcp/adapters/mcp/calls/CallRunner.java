package dev.otelmcp.adapters.mcp.calls;

import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.call.StopReason;
import dev.otelmcp.domain.error.CallStoppedException;
import dev.otelmcp.domain.error.OtelMcpException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs each tool call on a thread of its own under a {@link CallContext}, and answers within the call's deadline
 * whatever the work does: complete, partial (the work's loops stop at the context's stop time and say so), or —
 * when even that did not come in time — an error naming the deadline, while the work is interrupted. A cancelled
 * call is interrupted at once.
 *
 * <p>The work runs on this runner's threads, not the SDK's, so that the answer never waits for work that does not
 * notice an interrupt, and so that an interrupt never lands on a thread the SDK reuses.
 */
public final class CallRunner implements AutoCloseable {

  /** How long before the deadline loops stop starting new work: a tenth of the timeout, at least a second. */
  static Duration reserveFor(Duration timeout) {
    Duration tenth = timeout.dividedBy(10);
    return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tenth;
  }

  private final Duration timeout;
  private final RunningCalls running;
  private final ExecutorService pool;

  public CallRunner(Duration timeout, RunningCalls running) {
    this.timeout = timeout;
    this.running = running;
    AtomicInteger count = new AtomicInteger();
    this.pool = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "otelmcp-call-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * @param key the call's key ({@link RunningCalls#key}), or {@code null} when it cannot be cancelled
   * @param work the call; it turns its own failures into answers
   * @param stopped the answer for a call stopped from outside (deadline, cancellation)
   */
  public <T> T run(String key, ProgressSink progress, Supplier<T> work, Function<OtelMcpException, T> stopped) {
    AtomicBoolean open = new AtomicBoolean(true);
    // After the answer, the work may still report for a moment: the client must not hear of a call that ended.
    ProgressSink untilAnswered = (done, total, message) -> {
      if (open.get()) {
        progress.report(done, total, message);
      }
    };
    CallContext context = CallContext.startingNow(timeout, reserveFor(timeout), untilAnswered);
    Future<T> future = pool.submit(context.bind(work::get));
    if (key != null) {
      running.add(key, context, future);
    }
    try {
      return future.get(context.untilDeadline().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException late) {
      context.cancel();
      future.cancel(true);
      return stopped.apply(CallStoppedException.after(timeout));
    } catch (CancellationException cancelled) {
      return stopped.apply(new CallStoppedException(StopReason.CANCELLED));
    } catch (InterruptedException interrupted) {
      context.cancel();
      future.cancel(true);
      Thread.currentThread().interrupt();
      return stopped.apply(new CallStoppedException(StopReason.CANCELLED));
    } catch (ExecutionException e) {
      // the work answers its own failures; what escapes is a bug
      throw new IllegalStateException("a tool call failed outside its error handling", e.getCause());
    } finally {
      open.set(false);
      if (key != null) {
        running.remove(key, context);
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
