package dev.otelmcp.adapters.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.feign.FeignClients;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.LlmModelCalls;
import dev.otelmcp.domain.port.LlmToolUsage;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.port.LlmUsageSums;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link TraceStore} over ClickHouse, reading the tables the OpenTelemetry Collector's {@code clickhouseexporter}
 * writes. Every filter is evaluated in SQL ({@link FilterSql}) with every value a typed query parameter; search hits
 * are whole traces, read for a whole page in one statement; span search is one statement.
 *
 * <p>Thread-safe. Nothing is contacted until the first call, which reads the table's schema ({@link SchemaDetector}).
 */
public final class ClickHouseTraceStore implements TraceStore {

  /** The most traces one search page may ask for: their spans are read in one statement. */
  static final int MAX_SEARCH_LIMIT = 1000;

  private final ClickHouseConfig config;
  private final ClickHouseCalls calls;
  private final SchemaDetector schema;
  private final TraceSearch traceSearch;
  private final SpanSearch spanSearch;
  private final StoreCapabilities capabilities;

  public ClickHouseTraceStore(ClickHouseConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    ObjectMapper mapper = FeignClients.mapper();
    this.calls = new ClickHouseCalls(ClickHouseHttp.api(config, mapper), config, mapper);
    this.schema = new SchemaDetector(calls, config);
    this.traceSearch = new TraceSearch(calls, config);
    this.spanSearch = new SpanSearch(calls, config);
    this.capabilities = new StoreCapabilities(
        filter -> FilterSql.evaluates(filter, FilterSql.Context.TRACE),
        filter -> FilterSql.evaluates(filter, FilterSql.Context.SPAN),
        true,
        MAX_SEARCH_LIMIT,
        true);
  }

  @Override
  public StoreCapabilities capabilities() {
    return capabilities;
  }

  @Override
  public List<String> listServices(TimeRange window) {
    schema.schema();
    SqlParams params = new SqlParams();
    String sql = "SELECT DISTINCT " + FilterSql.SERVICE + " AS service FROM " + config.spansTable()
        + " WHERE Timestamp >= " + params.dateTime64(window.start()) + " AND Timestamp < "
        + params.dateTime64(window.end()) + " ORDER BY service FORMAT JSONEachRow";
    return calls.rows("list services", params.sql(sql)).stream().map(row -> row.path("service").asText()).toList();
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    if (serviceName == null || serviceName.isBlank()) {
      throw new InvalidQueryException("service_name is required to list operations",
          "List the services first, then ask for the operations of one of them.");
    }
    schema.schema();
    SqlParams params = new SqlParams();
    // The kind a name is used with most often (a name is nearly always used with one kind).
    String sql = "SELECT SpanName AS name, topK(1)(" + FilterSql.KIND + ")[1] AS kind FROM " + config.spansTable()
        + " WHERE " + FilterSql.SERVICE + " = " + params.string(serviceName.trim())
        + " AND Timestamp >= " + params.dateTime64(window.start()) + " AND Timestamp < "
        + params.dateTime64(window.end()) + " GROUP BY SpanName ORDER BY SpanName FORMAT JSONEachRow";
    List<Operation> operations = new ArrayList<>();
    for (JsonNode row : calls.rows("list operations", params.sql(sql))) {
      operations.add(new Operation(row.path("name").asText(), SpanKind.parse(row.path("kind").asText()).orElse(null)));
    }
    return operations;
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    Schema current = schema.schema();
    TraceSearch.Page page = traceSearch.page(current, query.timeRange(), query.filters(), query.limit(),
        query.cursor());
    List<TraceHit> hits = new ArrayList<>(traceSearch.traces(current, query.timeRange(), page.found()));
    String next = page.more() && !page.found().isEmpty() ? page.found().get(page.found().size() - 1).cursor() : null;
    return new TraceSearchResult(hits, page.more(), next);
  }

  @Override
  public SpanSearchResult searchSpans(SpanQuery query) {
    return spanSearch.search(schema.schema(), query);
  }

  @Override
  public Optional<LlmCallScan> llmCallScan() {
    return Optional.of(new ClickHouseLlmCallScan(traceSearch, schema, calls, config));
  }

  /** Sums in SQL on the {@code Map} variant ({@link ClickHouseUsageSums}); the first call reads the schema. */
  @Override
  public Optional<LlmUsageSums> llmUsageSums() {
    return windowCalls().map(ClickHouseUsageSums::new);
  }

  /** Tool calls counted in SQL on the {@code Map} variant ({@link ClickHouseToolUsage}), as the sums. */
  @Override
  public Optional<LlmToolUsage> llmToolUsage() {
    return windowCalls().map(ClickHouseToolUsage::new);
  }

  /** A few models' calls picked in SQL on the {@code Map} variant ({@link ClickHouseModelCalls}), as the sums. */
  @Override
  public Optional<LlmModelCalls> llmModelCalls() {
    return windowCalls().map(ClickHouseModelCalls::new);
  }

  /** Traces ranked in SQL on the {@code Map} variant ({@link ClickHouseTraceRanking}), as the sums. */
  @Override
  public Optional<LlmTraceRanking> llmTraceRanking() {
    return windowCalls().map(ClickHouseTraceRanking::new);
  }

  private Optional<WindowCalls> windowCalls() {
    Schema current = schema.schema();
    return current.variant() == Schema.Variant.MAP
        ? Optional.of(new WindowCalls(traceSearch, current, calls, config)) : Optional.empty();
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId) {
    return new TraceReader(calls, config).read(schema.schema(), traceId);
  }

  /** {@code SELECT version()} with the configured credentials, then the table's schema. Never throws. */
  @Override
  public HealthStatus health() {
    try {
      List<JsonNode> version = calls.rows("SELECT version()",
          new SqlParams().sql("SELECT version() AS version FORMAT JSONEachRow"));
      String v = version.isEmpty() ? "?" : version.get(0).path("version").asText("?");
      Schema current = schema.schema();
      return HealthStatus.healthy("ClickHouse " + v + " at " + config.displayUrl() + " as user " + config.user()
          + "; " + config.database() + "." + config.table() + " with " + current.describe());
    } catch (RuntimeException e) {
      return HealthStatus.unhealthy(config.failures().healthDetail(e));
    }
  }

  @Override
  public String toString() {
    return "ClickHouseTraceStore[" + config + "]";
  }
}
