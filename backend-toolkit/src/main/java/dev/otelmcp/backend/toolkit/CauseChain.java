package dev.otelmcp.backend.toolkit;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds an exception among another's causes: the JDK and the HTTP libraries nest what really happened several
 * levels deep (a connect timeout inside Feign's exception inside a retry). The walk is bounded: a chain longer than
 * {@value #MAX_CAUSES} is not followed further, which also guards against cycles.
 */
public final class CauseChain {

  static final int MAX_CAUSES = 32;

  private CauseChain() {}

  /** The first of {@code start} and its causes that passes the test; empty when none does. */
  public static Optional<Throwable> first(Throwable start, Predicate<Throwable> test) {
    Throwable t = start;
    for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
      if (test.test(t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
