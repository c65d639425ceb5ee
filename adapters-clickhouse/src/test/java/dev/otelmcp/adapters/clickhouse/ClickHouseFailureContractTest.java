package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.tck.AbstractBackendFailureContractTest;
import dev.otelmcp.tck.TestBackendSettings;

/** The TCK's failure contract for ClickHouse (WireMock faults), with the password as the secret. */
class ClickHouseFailureContractTest extends AbstractBackendFailureContractTest {

  @Override
  protected TraceStore storeAt(String baseUrl, String secret) {
    return new ClickHouseTraceStore(ClickHouseConfig.from(TestBackendSettings.url(baseUrl)
        .with(ClickHouseConfig.USER, "otel_reader").with(ClickHouseConfig.PASSWORD, secret)
        .with(BackendSettings.TIMEOUT, "2s")));
  }
}
