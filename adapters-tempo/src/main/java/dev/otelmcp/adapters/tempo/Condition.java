package dev.otelmcp.adapters.tempo;

import java.util.Objects;

/**
 * One filter spelled as a TraceQL spanset condition.
 *
 * @param traceQl the condition, or empty when the filter holds for every span (nothing to send)
 * @param exact whether Tempo's answer to the condition is exactly the domain's ({@code FilterEvaluator}):
 *     when false the condition is a superset (it never loses a match but may let others through), and the
 *     store re-checks the filter on the whole trace before returning it
 */
record Condition(String traceQl, boolean exact) {

  /** A filter every span satisfies (e.g. {@code duration >= 0}). */
  static final Condition NONE = new Condition("", true);

  Condition {
    Objects.requireNonNull(traceQl, "traceQl");
  }

  static Condition exact(String traceQl) {
    return new Condition(traceQl, true);
  }

  static Condition superset(String traceQl) {
    return new Condition(traceQl, false);
  }

  boolean isNone() {
    return traceQl.isEmpty();
  }
}
