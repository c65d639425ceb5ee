package com.example.otelmcp.zipkin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Zipkin's v2 query API as a {@link TraceStore}. It evaluates one filter itself — the service, Zipkin's
 * {@code serviceName} — and says so in its capabilities; otel-mcp applies every other filter to the traces it
 * returns. Search answers are whole traces, so no trace is fetched twice.
 */
final class ZipkinTraceStore implements TraceStore {

  /** Zipkin's own cap on {@code limit} is configurable; this is its default query limit ceiling in practice. */
  private static final int MAX_SEARCH_LIMIT = 10_000;

  private final ZipkinConfig config;
  private final ZipkinHttp http;

  ZipkinTraceStore(ZipkinConfig config) {
    this.config = config;
    this.http = new ZipkinHttp(config);
  }

  /** {@code serviceName} finds traces with a span of that service: exactly what the filter means on a trace. */
  private static boolean evaluates(Filter filter) {
    return filter.field().equals("service.name") && filter.operator() == FilterOperator.EQUALS
        && filter.values().size() == 1;
  }

  @Override
  public StoreCapabilities capabilities() {
    return new StoreCapabilities(ZipkinTraceStore::evaluates, filter -> false, false, MAX_SEARCH_LIMIT, true);
  }

  @Override
  public List<String> listServices(TimeRange window) {
    return new ArrayList<>(new TreeSet<>(names(http.get("/api/v2/services", Map.of()))));
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    return names(http.get("/api/v2/spans", Map.of("serviceName", serviceName))).stream().distinct()
        .map(Operation::named).toList();
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Filter filter : query.filters()) {
      if (!evaluates(filter)) {
        throw new UnsupportedQueryException("the Zipkin plug-in cannot filter by " + filter.describe(),
            "Only service.name equals is evaluated by Zipkin; otel-mcp applies the other filters itself.");
      }
      params.put("serviceName", String.valueOf(filter.values().get(0)));
    }
    long endMillis = query.timeRange().end().toEpochMilli();
    params.put("endTs", Long.toString(endMillis));
    params.put("lookback", Long.toString(Math.max(1, endMillis - query.timeRange().start().toEpochMilli())));
    params.put("limit", Integer.toString(Math.min(query.limit(), MAX_SEARCH_LIMIT)));
    List<Trace> traces = new ArrayList<>();
    for (JsonNode spans : http.get("/api/v2/traces", params)) {
      if (!spans.isEmpty()) {
        traces.add(ZipkinSpans.trace(spans));
      }
    }
    // Zipkin takes one serviceName: a second service filter is checked here, on the whole traces it returned.
    traces.removeIf(trace -> !FilterEvaluator.matches(trace, query.filters()));
    traces.sort(Comparator.comparing(ZipkinTraceStore::start).reversed());
    return TraceSearchResult.of(traces, query.limit());
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId) {
    try {
      JsonNode spans = http.get("/api/v2/trace/" + traceId.hex(), Map.of());
      return spans.isEmpty() ? Optional.empty() : Optional.of(ZipkinSpans.trace(spans));
    } catch (NotFoundException unknown) {
      return Optional.empty();
    }
  }

  @Override
  public HealthStatus health() {
    try {
      int services = http.get("/api/v2/services", Map.of()).size();
      return HealthStatus.healthy("Zipkin at " + config.url() + " answers (" + services + " services)");
    } catch (OtelMcpException e) {
      return HealthStatus.unhealthy(e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "ZipkinTraceStore[" + config + "]";
  }

  private static Instant start(Trace trace) {
    return trace.spans().stream().map(span -> span.startTime()).min(Comparator.naturalOrder()).orElseThrow();
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(name -> names.add(name.asText()));
    return names;
  }
}
