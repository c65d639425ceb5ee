package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.error.BackendUnavailableException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Where the store is in its life: starting (replaying its log, loading files), started or failed to start, closing.
 * Every read and write waits until the start has ended ({@link #awaitStarted()}), so that no answer is built from part
 * of the data.
 *
 * <p>Thread-safe. The latch is counted down by the starting thread once it is done, so everything that thread stored
 * (the index, the log, the receiver) is visible to whoever returns from waiting on it; the failure and the closing flag
 * are volatile because {@code close()} and health checks read them from other threads.
 */
final class StorePhase {

  private final CountDownLatch started = new CountDownLatch(1);
  /** Spans indexed so far, for the messages given while the log is still being read. */
  private final LongSupplier spansSoFar;
  private volatile RuntimeException failure;
  private volatile boolean closing;

  StorePhase(LongSupplier spansSoFar) {
    this.spansSoFar = spansSoFar;
  }

  /** Ends the start; {@code failure} is why it failed, or {@code null}. Called once, by the starting thread. */
  void startEnded(RuntimeException failure) {
    this.failure = failure;
    started.countDown();
  }

  /**
   * Waits until the log is replayed and the files are loaded.
   *
   * @throws BackendUnavailableException when starting failed, or has not finished within five minutes
   */
  void awaitStarted() {
    if (started.getCount() > 0) {
      try {
        if (!started.await(5, TimeUnit.MINUTES)) {
          throw new BackendUnavailableException("the built-in store is still reading its span log ("
              + spansSoFar.getAsLong() + " spans so far)", "Try again in a minute.");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BackendUnavailableException("interrupted while the built-in store was starting", "Try again.");
      }
    }
    if (failure != null) {
      throw new BackendUnavailableException("the built-in store could not start: " + failure.getMessage(),
          "Check the data directory (--data-dir) or run with --no-persist; otel-mcp's stderr has the details.");
    }
  }

  /** Waits for the start a little (a health check should not hang): whether it has ended. */
  boolean startEndedWithin(long seconds) {
    try {
      started.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return started.getCount() == 0;
  }

  /** Why the start failed; empty while starting or once started. */
  Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  /** From now on nothing starts: the start stops where it is, compaction gives up. */
  void beginClosing() {
    closing = true;
  }

  boolean closing() {
    return closing;
  }
}
