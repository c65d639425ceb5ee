package dev.otelmcp.adapters.sample.archprobe;

import dev.otelmcp.application.usecase.ListServicesUseCase;

/**
 * A deliberate violation, in a backend package the architecture rules do not name: a backend module added after
 * them must be held to the same rules without an edit (ArchitectureRulesCatchViolationsTest).
 */
public final class NewBackendUsingTheApplication {

  public Class<?> useCase() {
    return ListServicesUseCase.class;
  }
}
