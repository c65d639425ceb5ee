package dev.otelmcp.bootstrap.e2e;

import dev.otelmcp.adapters.clickhouse.ChdbServer;
import dev.otelmcp.adapters.clickhouse.ExporterRows;
import dev.otelmcp.adapters.clickhouse.SampleTables;
import java.util.List;

/**
 * The parity dataset in a real ClickHouse engine (chdb behind the adapter module's test shim), written as the
 * Collector's {@code clickhouseexporter} writes it, in both of its schema variants: the Map variant, with the trace-id
 * lookup table and its materialized view (the exporter's default), and the JSON variant ({@code json: true}).
 */
final class ClickHouseParity {

  static final String MAP_DATABASE = "parity";
  static final String JSON_DATABASE = "parity_json";
  private static final String TABLE = "otel_traces";

  private ClickHouseParity() {}

  /** Creates both databases on the JVM's engine and inserts every span of the dataset into each. */
  static ChdbServer load(ParityDataset data) {
    ChdbServer server = ChdbServer.shared();
    for (String database : List.of(MAP_DATABASE, JSON_DATABASE)) {
      server.execute("DROP DATABASE IF EXISTS " + database);
      server.execute("CREATE DATABASE " + database);
    }
    server.execute(SampleTables.mapTable(MAP_DATABASE, TABLE));
    server.execute(SampleTables.lookupTable(MAP_DATABASE, TABLE));
    server.execute(SampleTables.lookupView(MAP_DATABASE, TABLE));
    server.execute(ExporterRows.insert(MAP_DATABASE + "." + TABLE, data.spans(), false));
    server.execute(SampleTables.jsonTable(JSON_DATABASE, TABLE));
    server.execute(ExporterRows.insert(JSON_DATABASE + "." + TABLE, data.spans(), true));
    return server;
  }

  /** The arguments of {@code otel-mcp --backend clickhouse} reading one of the databases. */
  static String[] arguments(ChdbServer server, String database) {
    return new String[] {"--backend", "clickhouse", "--url", server.baseUrl(),
        "--backend-option", "user=" + ChdbServer.USER, "--backend-option", "password=" + ChdbServer.PASSWORD,
        "--backend-option", "database=" + database};
  }
}
