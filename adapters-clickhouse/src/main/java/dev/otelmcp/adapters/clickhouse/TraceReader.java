package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import java.util.List;
import java.util.Optional;

/**
 * One trace by id. With the exporter's lookup table ({@code <table>_trace_id_ts}, filled by its materialized view)
 * the read is bounded to the trace's time range, as the exporter's README recommends, so ClickHouse reads only the
 * partitions and granules of that range; the lookup's times are whole seconds, so the end is widened by one. When
 * the lookup does not know the trace (a view created after the spans), the trace is read by id alone.
 */
final class TraceReader {

  private final ClickHouseCalls calls;
  private final ClickHouseConfig config;

  TraceReader(ClickHouseCalls calls, ClickHouseConfig config) {
    this.calls = calls;
    this.config = config;
  }

  Optional<Trace> read(Schema schema, TraceId traceId) {
    if (schema.hasLookup()) {
      Optional<Trace> bounded = read(schema, traceId, true);
      if (bounded.isPresent()) {
        return bounded;
      }
    }
    return read(schema, traceId, false);
  }

  private Optional<Trace> read(Schema schema, TraceId traceId, boolean bounded) {
    SqlParams params = new SqlParams();
    String id = params.string(traceId.hex());
    StringBuilder sql = new StringBuilder("SELECT ").append(SpanRows.columns(schema)).append(" FROM ")
        .append(config.spansTable()).append(" WHERE TraceId = ").append(id);
    if (bounded) {
      sql.append(" AND Timestamp >= (SELECT min(Start) FROM ").append(config.lookupTable())
          .append(" WHERE TraceId = ").append(id).append(")")
          .append(" AND Timestamp <= (SELECT addSeconds(max(End), 1) FROM ").append(config.lookupTable())
          .append(" WHERE TraceId = ").append(id).append(")");
    }
    sql.append(SpanRows.SETTINGS).append(" FORMAT JSONEachRow");
    List<JsonNode> rows = calls.rows("read trace", params.sql(sql.toString()));
    return SpanRows.traces(rows).stream().findFirst();
  }
}
