package dev.otelmcp.application.usecase;

import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.TraceStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the backend answers, for readiness probes. The answer is cached for a few seconds so that a
 * probe every second does not become a backend request every second.
 */
public final class CheckHealthUseCase {

  private static final Duration CACHE = Duration.ofSeconds(5);

  private final TraceStore store;
  private final Clock clock;
  private HealthStatus last;
  private Instant checkedAt = Instant.MIN;

  @Inject
  public CheckHealthUseCase(TraceStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public synchronized HealthStatus backendHealth() {
    Instant now = clock.instant();
    if (last == null || now.isAfter(checkedAt.plus(CACHE))) {
      last = store.health();
      checkedAt = now;
    }
    return last;
  }

  public boolean backendHealthy() {
    return backendHealth().healthy();
  }
}
