package dev.otelmcp.tck.archprobe;

import dev.otelmcp.backend.toolkit.RetryPolicy;

/**
 * A deliberate violation: a TCK class leaning on an otel-mcp implementation library, which a third-party author
 * would not have (ArchitectureRulesCatchViolationsTest).
 */
public final class TckClassUsingTheToolkit {

  public Class<?> policy() {
    return RetryPolicy.class;
  }
}
