package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.tck.TestBackendSettings;

/** Stores on the test engine. */
final class Stores {

  private Stores() {}

  static ClickHouseTraceStore open(ChdbServer server, String database) {
    return new ClickHouseTraceStore(ClickHouseConfig.from(settings(server, database)));
  }

  static TestBackendSettings settings(ChdbServer server, String database) {
    return TestBackendSettings.url(server.baseUrl())
        .with(ClickHouseConfig.USER, ChdbServer.USER)
        .with(ClickHouseConfig.PASSWORD, ChdbServer.PASSWORD)
        .with(ClickHouseConfig.DATABASE, database)
        .with(BackendSettings.TIMEOUT, "30s");
  }
}
