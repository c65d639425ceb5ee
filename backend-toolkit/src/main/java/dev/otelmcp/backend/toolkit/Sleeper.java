package dev.otelmcp.backend.toolkit;

import java.time.Duration;

/** Waits between attempts; an interrupt ends the wait at once. Tests use one that only records the waits. */
@FunctionalInterface
public interface Sleeper {

  Sleeper THREAD = wait -> Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);

  void sleep(Duration wait) throws InterruptedException;
}
