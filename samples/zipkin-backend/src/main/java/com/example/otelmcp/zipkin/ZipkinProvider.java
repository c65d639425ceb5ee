package com.example.otelmcp.zipkin;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;

/** The entry point otel-mcp finds with ServiceLoader: {@code BACKEND_TYPE=zipkin}. */
public final class ZipkinProvider implements TraceStoreProvider {

  @Override
  public String name() {
    return "zipkin";
  }

  @Override
  public String description() {
    return "Zipkin v2 API (sample third-party plug-in)";
  }

  @Override
  public TraceStore create(BackendSettings settings) {
    return new ZipkinTraceStore(ZipkinConfig.from(settings));
  }
}
