package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;

/**
 * The {@code jaeger} backend, found by {@link java.util.ServiceLoader}.
 *
 * <p>Settings: {@code url} (default {@value JaegerConfig#DEFAULT_URL}, may carry a base path),
 * {@code api_key} (bearer token), {@code headers}, {@code timeout} (default 30s), {@code api_version}
 * ({@code auto}, {@code classic} or {@code v3}; default auto) and {@code fanout_concurrency} (default 8).
 */
public final class JaegerTraceStoreProvider implements TraceStoreProvider {

  public static final String NAME = "jaeger";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Jaeger query service (classic /api or /api/v3), default " + JaegerConfig.DEFAULT_URL;
  }

  @Override
  public TraceStore create(BackendSettings settings) {
    return new JaegerTraceStore(JaegerConfig.from(settings));
  }
}
