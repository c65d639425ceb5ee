package dev.otelmcp.adapters.tempo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.adapters.tempo.TempoJson.TraceMetadata;
import dev.otelmcp.backend.toolkit.PartPool;
import dev.otelmcp.backend.toolkit.ShortfallTally;
import dev.otelmcp.backend.toolkit.feign.FeignClients;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link TraceStore} over Grafana Tempo's HTTP API.
 *
 * <p>Trace search is one TraceQL spanset ({@link FilterTranslator}) and returns Tempo's summaries: the
 * application fetches whole traces itself, in parallel, when it needs spans ({@code fullTracesInSearch} is
 * false). When a pushed condition only approximates the domain's semantics (a superset, see
 * {@link AttributeConditions}), the store fetches the candidates whole, keeps those that really match, and
 * returns them as whole traces, so what it returns is always exact. Span search fetches the traces of the
 * matched spans whole too ({@link TempoSpanSearch}).
 *
 * <p>Thread-safe. Nothing is contacted until the first call; a failed call leaves the store usable.
 */
public final class TempoTraceStore implements TraceStore {

  private final TempoConfig config;
  private final TempoApi api;
  private final TempoCalls calls;
  private final TempoSearcher searcher;
  private final TraceFetcher traces;
  private final PartPool pool;
  private final ParallelFetcher fetcher;
  private final TempoTags tags;
  private final TempoSpanSearch spanSearch;
  private final StoreCapabilities capabilities;

  public TempoTraceStore(TempoConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    ObjectMapper mapper = FeignClients.mapper();
    this.api = TempoHttp.api(config, mapper);
    this.calls = new TempoCalls(config, mapper);
    // One pool for search pieces and trace fetches: hydration_concurrency bounds all of this store's requests at once.
    this.pool = new PartPool("tempo", config.hydrationConcurrency());
    this.searcher = new TempoSearcher(api, calls, config, pool);
    this.traces = new TraceFetcher(api, calls, new OtlpJsonDecoder(mapper), config.apiVersion());
    this.fetcher = new ParallelFetcher(pool, traces::fetch);
    this.tags = new TempoTags(api, calls, config);
    this.spanSearch = new TempoSpanSearch(searcher, fetcher);
    this.capabilities = new StoreCapabilities(
        filter -> FilterTranslator.evaluates(filter, FilterTranslator.Context.TRACE),
        filter -> FilterTranslator.evaluates(filter, FilterTranslator.Context.SPAN),
        true,
        config.maxSearchLimit(),
        false);
  }

  @Override
  public StoreCapabilities capabilities() {
    return capabilities;
  }

  @Override
  public List<String> listServices(TimeRange window) {
    return tags.services(window);
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    if (serviceName == null || serviceName.isBlank()) {
      throw new InvalidQueryException("service_name is required to list operations",
          "List the services first, then ask for the operations of one of them.");
    }
    return tags.operations(serviceName.trim(), window).stream().map(Operation::named).toList();
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    FilterTranslator.Spanset spanset = FilterTranslator.spanset(query.filters(), FilterTranslator.Context.TRACE);
    TempoSearcher.Candidates candidates =
        searcher.search(spanset.traceQl(), query.timeRange(), query.limit(), Optional.empty());
    List<TraceHit> hits = new ArrayList<>();
    ShortfallTally lacks = new ShortfallTally();
    if (spanset.exact()) {
      candidates.traces().stream().map(SummaryMapper::summary).flatMap(Optional::stream).forEach(hits::add);
    } else {
      // Tempo answered a superset: fetch the candidates whole and keep the real matches.
      List<String> ids = candidates.traces().stream().map(TraceMetadata::traceID)
          .map(Ids::normalizeTraceId).flatMap(Optional::stream).toList();
      fetcher.fetchAll(ids, lacks).stream().filter(trace -> FilterEvaluator.matches(trace, query.filters()))
          .forEach(hits::add);
      lacks.throwIfNothingRead();
    }
    lacks.include(candidates.shortfall());
    hits.sort(Traces.NEWEST_FIRST);
    return new TraceSearchResult(hits, candidates.mayHaveMore(), null, lacks.shortfall());
  }

  @Override
  public SpanSearchResult searchSpans(SpanQuery query) {
    return spanSearch.search(query);
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId) {
    return traces.fetch(traceId.hex());
  }

  /** {@code GET /api/echo}: what Grafana calls to test a Tempo data source; it passes auth and tenancy too. */
  @Override
  public HealthStatus health() {
    try {
      calls.call("GET /api/echo", api::echo);
      return HealthStatus.healthy("Tempo at " + config.displayUrl() + " answers; auth " + config.auth().describe()
          + (config.tenant() == null ? "" : ", tenant " + config.tenant()) + ", " + traces.routeLabel());
    } catch (RuntimeException e) {
      return HealthStatus.unhealthy(config.failures().healthDetail(e));
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "TempoTraceStore[" + config + "]";
  }
}
