package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;

/**
 * The {@code clickhouse} backend, found by {@link java.util.ServiceLoader}: spans the OpenTelemetry Collector's
 * {@code clickhouseexporter} wrote, read over ClickHouse's HTTP interface.
 *
 * <p>Settings: {@code url} (default {@value ClickHouseConfig#DEFAULT_URL}; http or https), {@code user} (default
 * {@code default}), {@code password} ({@code api_key} is taken when it is unset), {@code database} (default
 * {@code otel}), {@code table} (default {@code otel_traces}), {@code timeout} (default 30s), {@code headers} and
 * {@code max_trace_duration} (default 1h: how far around a window a search looks for the rest of its traces).
 */
public final class ClickHouseTraceStoreProvider implements TraceStoreProvider {

  public static final String NAME = "clickhouse";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "ClickHouse with the OpenTelemetry Collector clickhouseexporter schema (SQL search), default "
        + ClickHouseConfig.DEFAULT_URL;
  }

  @Override
  public TraceStore create(BackendSettings settings) {
    return new ClickHouseTraceStore(ClickHouseConfig.from(settings));
  }
}
