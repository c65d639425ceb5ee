package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;

/**
 * The {@code traceloop} backend, found by {@link java.util.ServiceLoader}.
 *
 * <p>Settings: {@code api_key} (required), {@code url} (default {@value TraceloopConfig#DEFAULT_URL}; a trailing
 * {@code /v2} is dropped), {@code environments} (comma list, default {@code prd}), {@code headers},
 * {@code timeout} (default 30s).
 */
public final class TraceloopTraceStoreProvider implements TraceStoreProvider {

  public static final String NAME = "traceloop";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Traceloop API v2 (needs BACKEND_API_KEY), default " + TraceloopConfig.DEFAULT_URL;
  }

  /** Validates the settings (a missing API key names BACKEND_API_KEY); does not contact Traceloop. */
  @Override
  public TraceStore create(BackendSettings settings) {
    return new TraceloopTraceStore(TraceloopConfig.from(settings));
  }
}
