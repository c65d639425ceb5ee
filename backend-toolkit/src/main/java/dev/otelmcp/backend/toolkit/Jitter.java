package dev.otelmcp.backend.toolkit;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Picks a backoff wait at random between zero and a ceiling ("full jitter"). Implementations are thread-safe. */
@FunctionalInterface
public interface Jitter {

  /** A wait between zero and {@code ceiling}, both included. */
  Duration upTo(Duration ceiling);

  /** Each thread's own random numbers: what production uses. */
  static Jitter random() {
    return ceiling -> Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling.toNanos() + 1));
  }

  /** The same sequence of waits for the same seed: for tests. */
  static Jitter seeded(long seed) {
    Random random = new Random(seed);
    return ceiling -> {
      synchronized (random) {
        return Duration.ofNanos((long) (random.nextDouble() * (ceiling.toNanos() + 1)));
      }
    };
  }
}
