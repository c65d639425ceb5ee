package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.port.TraceStore;

/**
 * The TCK on the exporter's JSON variant (attributes in {@code JSON} columns, {@code json: true}), without the
 * trace-id lookup table: traces are read by id alone.
 */
class ClickHouseJsonContractTest extends ClickHouseContractTest {

  @Override
  protected TraceStore openStore() {
    return Stores.open(SampleTables.loaded(), SampleTables.JSON_DATABASE);
  }
}
