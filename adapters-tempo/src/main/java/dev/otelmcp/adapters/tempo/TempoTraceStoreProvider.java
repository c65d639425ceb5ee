package dev.otelmcp.adapters.tempo;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;

/**
 * The {@code tempo} backend, found by {@link java.util.ServiceLoader}.
 *
 * <p>Settings: {@code url} (default {@value TempoConfig#DEFAULT_URL}, may carry a base path), {@code api_key}
 * (bearer token; {@code user:token} or with {@code username}: HTTP Basic, as Grafana Cloud wants),
 * {@code username}, {@code tenant} (sent as {@code X-Scope-OrgID}), {@code headers}, {@code timeout} (default
 * 30s), {@code api_version} ({@code auto}, {@code v1} or {@code v2}), {@code max_search_limit} (Tempo's
 * {@code max_result_limit}, default 262144), {@code max_search_duration} (Tempo's search {@code max_duration},
 * default 168h) and {@code hydration_concurrency} (default 8).
 */
public final class TempoTraceStoreProvider implements TraceStoreProvider {

  public static final String NAME = "tempo";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Grafana Tempo (TraceQL search, trace by id), default " + TempoConfig.DEFAULT_URL;
  }

  @Override
  public TraceStore create(BackendSettings settings) {
    return new TempoTraceStore(TempoConfig.from(settings));
  }
}
