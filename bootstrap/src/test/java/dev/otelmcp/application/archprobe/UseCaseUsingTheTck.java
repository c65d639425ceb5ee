package dev.otelmcp.application.archprobe;

import dev.otelmcp.tck.TestResources;

/** A deliberate violation: production code reading through the TCK (ArchitectureRulesCatchViolationsTest). */
public final class UseCaseUsingTheTck {

  public String fixture() {
    return TestResources.text("any");
  }
}
