package dev.otelmcp.domain.call;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The tool call the current thread works for: its deadline, whether the client cancelled it, and where progress
 * goes. The driving adapter opens one per call ({@link #call}); scans, retries and backends read it with
 * {@link #current()} — a thread that works for no call sees an unbounded context, which never stops.
 *
 * <p>Three times matter. At the <em>stop time</em>, a little before the deadline, loops stop starting new work; waits
 * for work already under way last until the <em>end of waits</em>, half-way from the stop time to the deadline, and
 * then the call answers with what it has, marked partial; at the <em>deadline</em> itself the adapter gives up on
 * the call. The last stretch is kept for writing the answer.
 *
 * <p>Work handed to another thread carries the call along with {@link #bind(Callable)}.
 */
public final class CallContext {

  private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();
  private static final CallContext UNBOUNDED = new CallContext(Long.MAX_VALUE, Long.MAX_VALUE, ProgressSink.NONE);

  private final long deadlineNanos;
  private final long stopNanos;
  private final long waitsEndNanos;
  private final ProgressSink progress;
  private volatile boolean cancelled;

  private CallContext(long deadlineNanos, long stopNanos, ProgressSink progress) {
    this.deadlineNanos = deadlineNanos;
    this.stopNanos = stopNanos;
    this.waitsEndNanos = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : stopNanos + (deadlineNanos - stopNanos) / 2;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * A call that must be answered within {@code timeout} from now.
   *
   * @param reserve how long before the deadline loops stop starting new work (clamped to half the timeout)
   */
  public static CallContext startingNow(Duration timeout, Duration reserve, ProgressSink progress) {
    long now = System.nanoTime();
    long total = timeout.toNanos();
    long keep = Math.min(reserve.toNanos(), total / 2);
    return new CallContext(now + total, now + total - keep, progress);
  }

  /** The call this thread works for; when none, a context without deadline that is never cancelled. */
  public static CallContext current() {
    CallContext context = CURRENT.get();
    return context == null ? UNBOUNDED : context;
  }

  /** Runs work on this thread as part of this call. */
  public <T> T call(Supplier<T> work) {
    CallContext previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The task, run as part of this call on whichever thread runs it. */
  public <T> Callable<T> bind(Callable<T> task) {
    if (this == UNBOUNDED) {
      return task;
    }
    return () -> call(() -> {
      try {
        return task.call();
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Marks the call cancelled: loops stop at their next step. (The adapter interrupts its threads too.) */
  public void cancel() {
    cancelled = true;
  }

  public boolean cancelled() {
    return cancelled;
  }

  /** Why work should stop now, if it should: cancelled, or the stop time has come. */
  public Optional<StopReason> stopReason() {
    if (cancelled) {
      return Optional.of(StopReason.CANCELLED);
    }
    return System.nanoTime() - stopNanos >= 0 && this != UNBOUNDED ? Optional.of(StopReason.DEADLINE) : Optional.empty();
  }

  public boolean shouldStop() {
    return stopReason().isPresent();
  }

  /** Time left until the stop time (zero when past it); very long when unbounded. */
  public Duration untilStop() {
    return until(stopNanos);
  }

  /**
   * How long to wait for work already under way (zero when past the end of waits); very long when unbounded. A wait
   * that ends empty-handed leaves that work out of the answer, which says so.
   */
  public Duration untilWaitsEnd() {
    return until(waitsEndNanos);
  }

  /** Time left until the deadline (zero when past it); very long when unbounded. */
  public Duration untilDeadline() {
    return until(deadlineNanos);
  }

  public boolean bounded() {
    return this != UNBOUNDED;
  }

  /** Reports progress to the client, if it asked for it. */
  public void progress(double done, Double total, String message) {
    progress.report(done, total, message);
  }

  private Duration until(long nanos) {
    if (this == UNBOUNDED) {
      return Duration.ofDays(365);
    }
    return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
  }
}
