package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.feign.FeignCalls;
import dev.otelmcp.backend.toolkit.feign.FeignClients;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.TraceSummary;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@link TraceStore} over the Traceloop API v2.
 *
 * <ul>
 *   <li>Trace search reads root spans ({@code POST …/traces/root-spans}) and answers {@link TraceSummary}
 *       hits, which the application hydrates through {@link #getTrace}; no filter is pushed (see
 *       {@link SpanFilters} for why).
 *   <li>Span search is native ({@code POST …/spans}) with the filters {@link SpanFilters} claims, re-checked on
 *       every returned span. A status condition, which the API cannot evaluate, is checked by the store itself
 *       while it reads the window ({@link StatusScan}).
 *   <li>Operations are the span names of the service's spans ({@link OperationLister}).
 *   <li>{@link #getTrace} reads the trace's spans and completes them with service and status (see
 *       {@link TraceReader}).
 *   <li>Both searches page with the API's cursor.
 *   <li>The LLM aggregates read the window's spans through the span search and group them by trace
 *       ({@link SpanSearchLlmScan}): no filters, one request per thousand spans, traces without a root included.
 * </ul>
 *
 * <p>Thread-safe and stateless apart from the HTTP client. Nothing is contacted until the first call.
 */
public final class TraceloopTraceStore implements TraceStore {

  /** The largest page the store asks for (the reference never asked for more; the recordings go up to 1000). */
  static final int MAX_SEARCH_LIMIT = 1000;
  /** {@code list_services} reads at most this many pages of root spans. */
  static final int MAX_SERVICE_PAGES = 5;

  private static final StoreCapabilities CAPABILITIES =
      new StoreCapabilities(filter -> false, f -> SpanFilters.evaluates(f) || StatusScan.evaluates(f), true,
          MAX_SEARCH_LIMIT, false);
  private static final String ROOT_SPANS = "POST /v2/projects/" + TraceloopApi.PROJECT + "/traces/root-spans";
  private static final String SPANS = "POST /v2/projects/" + TraceloopApi.PROJECT + "/spans";
  private static final String WAREHOUSE = "GET /v2/warehouse/spans";

  private final TraceloopConfig config;
  private final TraceloopApi api;
  private final FeignCalls calls;
  private final SpanMapper mapper;
  private final TraceReader reader;
  private final OperationLister operations;
  private final StatusScan statusScan;
  private final SpanSearchLlmScan llmCallScan;

  public TraceloopTraceStore(TraceloopConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    ObjectMapper json = FeignClients.mapper();
    this.api = TraceloopHttp.api(config, json);
    this.calls = TraceloopHttp.calls(config);
    this.mapper = new SpanMapper(json);
    this.reader = new TraceReader(api, calls, mapper, config);
    this.operations = new OperationLister(api, calls, mapper, config, MAX_SEARCH_LIMIT);
    SpanPages pages = new SpanPages(api, calls, config);
    this.statusScan = new StatusScan(pages, mapper);
    this.llmCallScan = new SpanSearchLlmScan(pages, mapper, reader);
  }

  @Override
  public StoreCapabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * The services of the root spans in the window (the API has no service list): up to
   * {@value #MAX_SERVICE_PAGES} pages of {@value #MAX_SEARCH_LIMIT} root spans, newest first, and no further page
   * once the tool call should stop (a list cannot say it is partial: the log does).
   */
  @Override
  public List<String> listServices(TimeRange window) {
    TreeSet<String> services = new TreeSet<>();
    String cursor = null;
    for (int page = 0; page < MAX_SERVICE_PAGES; page++) {
      if (page > 0 && CallStops.now("listing services", page)) {
        break;
      }
      Paging.Page rows = rootSpans(window, MAX_SEARCH_LIMIT, cursor);
      for (Wire.WireSpan row : rows.rows()) {
        mapper.summary(row).filter(s -> window.contains(s.startTime()))
            .map(TraceSummary::rootServiceName).ifPresent(services::add);
      }
      if (!rows.mayHaveMore()) {
        break;
      }
      cursor = rows.nextCursor();
    }
    return List.copyOf(services);
  }

  /**
   * The span names of the service's spans in the window, from the span search filtered on the service (see
   * {@link OperationLister}).
   */
  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    if (serviceName == null || serviceName.isBlank()) {
      throw new InvalidQueryException("service_name is required to list operations",
          "List the services first, then ask for the operations of one of them.");
    }
    return operations.list(serviceName.trim(), window);
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    if (!query.filters().isEmpty()) {
      throw new UnsupportedQueryException("the Traceloop store evaluates no trace filter itself: "
          + query.filters().get(0).describe(), "Trace filters are applied by otel-mcp after fetching.");
    }
    int limit = Math.min(query.limit(), MAX_SEARCH_LIMIT);
    Paging.Page rows = rootSpans(query.timeRange(), limit, query.cursor());
    List<TraceHit> hits = new ArrayList<>();
    for (Wire.WireSpan row : rows.rows()) {
      mapper.summary(row).filter(s -> query.timeRange().contains(s.startTime())).ifPresent(hits::add);
    }
    // One request per page: it answers or fails whole, so nothing can be lacking.
    return new TraceSearchResult(hits, rows.mayHaveMore(), rows.nextCursor(), null);
  }

  @Override
  public SpanSearchResult searchSpans(SpanQuery query) {
    List<Filter> statuses = query.filters().stream().filter(StatusScan::evaluates).toList();
    if (!statuses.isEmpty()) {
      List<Filter> others = query.filters().stream().filter(f -> !StatusScan.evaluates(f)).toList();
      return statusScan.search(query, SpanFilters.translateAll(others));
    }
    List<Wire.WireFilter> filters = SpanFilters.translateAll(query.filters());
    int limit = Math.min(query.limit(), MAX_SEARCH_LIMIT);
    Wire.SearchRequest request = Paging.request(filters, config.environments(), query.timeRange(), limit,
        query.cursor());
    Wire.SpansResponse answer = calls.call(SPANS, () -> api.spans(request));
    Paging.Page rows = Paging.page(answer == null ? null : answer.spans(), limit, query.cursor());
    List<Span> spans = new ArrayList<>();
    for (Wire.WireSpan row : rows.rows()) {
      // Re-checked here: the claimed filters must hold exactly, whatever the API returned.
      mapper.span(row)
          .filter(s -> query.timeRange().contains(s.startTime()) && FilterEvaluator.matches(s, query.filters()))
          .ifPresent(spans::add);
    }
    return new SpanSearchResult(spans, rows.mayHaveMore(), rows.nextCursor(), null);
  }

  @Override
  public Optional<LlmCallScan> llmCallScan() {
    return Optional.of(llmCallScan);
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId) {
    return reader.read(traceId.hex());
  }

  /** {@code GET /v2/warehouse/spans}: it needs a valid key, so it checks URL and key at once. */
  @Override
  public HealthStatus health() {
    try {
      calls.call(WAREHOUSE, api::warehouseSpans);
      return HealthStatus.healthy("Traceloop API at " + config.displayUrl() + ", environments "
          + String.join(",", config.environments()));
    } catch (RuntimeException e) {
      return HealthStatus.unhealthy(config.failures().healthDetail(e));
    }
  }

  @Override
  public String toString() {
    return "TraceloopTraceStore[" + config + "]";
  }

  private Paging.Page rootSpans(TimeRange window, int limit, String cursor) {
    Wire.SearchRequest request = Paging.request(List.of(), config.environments(), window, limit, cursor);
    Wire.RootSpansResponse answer = calls.call(ROOT_SPANS, () -> api.rootSpans(request));
    return Paging.page(answer == null ? null : answer.rootSpans(), limit, cursor);
  }
}
