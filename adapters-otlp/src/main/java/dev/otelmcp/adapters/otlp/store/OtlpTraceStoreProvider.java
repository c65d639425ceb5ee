package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The {@code otlp} backend: otel-mcp's own store, which receives OTLP/HTTP itself and needs no other process.
 * Unlike the remote backends, creating it starts its receiver and replays its log (it is the backend).
 */
public final class OtlpTraceStoreProvider implements TraceStoreProvider {

  public static final String NAME = "otlp";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "built-in store: receives OTLP/HTTP (protobuf, JSON) on 127.0.0.1:4318, loads OTLP/JSON files, "
        + "persists to ~/.otel-mcp/data";
  }

  @Override
  public TraceStore create(BackendSettings settings) {
    OtlpStoreConfig config = OtlpStoreConfig.from(settings);
    try {
      return OtlpTraceStore.start(config, Clock.systemUTC());
    } catch (UncheckedIOException e) {
      throw new InvalidQueryException(e.getMessage(),
          "Choose another directory with --data-dir, or run without persistence (--no-persist).");
    }
  }
}
