package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.ShortfallTally;
import dev.otelmcp.backend.toolkit.feign.FeignCalls;
import dev.otelmcp.backend.toolkit.feign.FeignClients;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.Shortfall;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@link TraceStore} over Jaeger's query service, classic {@code /api} or {@code /api/v3}.
 *
 * <p>Jaeger's search returns whole traces, so every filter of a query is re-checked on them with
 * {@link FilterEvaluator}: what Jaeger evaluates is only pushed down to narrow the search (see
 * {@link JaegerQueryPlanner}). A search without a service is fanned out over every service; a service that cannot
 * be searched is named in the result's shortfall rather than failing the others' answer.
 *
 * <p>Thread-safe. Nothing is contacted until the first call; a failed call leaves the store usable.
 */
public final class JaegerTraceStore implements TraceStore {

  private static final StoreCapabilities CAPABILITIES = JaegerQueryPlanner.capabilities();

  private final JaegerConfig config;
  private final FlavourDetector detector;
  private final FanOutSearch fanOut;
  private final JaegerLlmScan llmCallScan;

  public JaegerTraceStore(JaegerConfig config) {
    this(config, JaegerQueryPlanner.MAX_SEARCH_LIMIT);
  }

  /** @param scanSearchLimit the most traces one search of the LLM call scan asks for (tests make it small) */
  JaegerTraceStore(JaegerConfig config, int scanSearchLimit) {
    this.config = Objects.requireNonNull(config, "config");
    ObjectMapper mapper = FeignClients.mapper();
    FeignClients clients = JaegerHttp.clients(config, mapper);
    FeignCalls calls = JaegerHttp.calls(config);
    JaegerFlavour classic = new ClassicJaegerFlavour(clients.target(ClassicApi.class), calls, mapper);
    JaegerFlavour v3 = new V3JaegerFlavour(clients.target(V3Api.class), calls, mapper);
    this.detector = new FlavourDetector(config, classic, v3);
    this.fanOut = new FanOutSearch(config.fanoutConcurrency());
    this.llmCallScan = new JaegerLlmScan(detector, fanOut, JaegerTraceStore::serviceNames, scanSearchLimit);
  }

  @Override
  public StoreCapabilities capabilities() {
    return CAPABILITIES;
  }

  /** Jaeger lists services without a time index, so the window is not used. */
  @Override
  public List<String> listServices(TimeRange window) {
    return serviceNames(detector.flavour());
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    if (serviceName == null || serviceName.isBlank()) {
      throw new InvalidQueryException("service_name is required to list operations",
          "List the services first, then ask for the operations of one of them.");
    }
    Map<String, Operation> unique = new LinkedHashMap<>();
    detector.flavour().operations(serviceName.trim()).forEach(op -> unique.putIfAbsent(op.name(), op));
    return List.copyOf(unique.values());
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    Optional<TimeCursor> cursor = query.cursorValue().map(TimeCursor::parse);
    Optional<TraceQuery> narrowed = cursor.isEmpty() ? Optional.of(query) : cursor.get().narrow(query);
    if (narrowed.isEmpty()) {
      return new TraceSearchResult(List.of(), false, null, null);
    }
    Optional<NativeSearch> plan = JaegerQueryPlanner.plan(narrowed.get());
    if (plan.isEmpty()) {
      return new TraceSearchResult(List.of(), false, null, null);
    }
    NativeSearch search = plan.get();
    JaegerFlavour flavour = detector.flavour();
    ShortfallTally lacks = new ShortfallTally();
    List<JaegerFlavour.SearchPage> pages = search.serviceName().isPresent()
        ? List.of(flavour.search(search))
        : fanOut.searchAll(serviceNames(flavour), service -> flavour.search(search.withService(service)), lacks);
    lacks.throwIfNothingRead();
    return merge(pages, query, cursor.orElse(null), lacks.shortfall());
  }

  /** The searches' traces read for the LLM views only, each trace's calls read beside the reads ({@link JaegerLlmScan}). */
  @Override
  public Optional<LlmCallScan> llmCallScan() {
    return Optional.of(llmCallScan);
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId) {
    return detector.flavour().trace(traceId.hex());
  }

  @Override
  public HealthStatus health() {
    try {
      JaegerFlavour flavour = detector.flavour();
      int services = flavour.services().size();
      return HealthStatus.healthy("Jaeger at " + config.displayUrl() + ", " + flavour.label() + ", " + services
          + (services == 1 ? " service" : " services"));
    } catch (RuntimeException e) {
      return HealthStatus.unhealthy(config.failures().healthDetail(e));
    }
  }

  @Override
  public void close() {
    fanOut.close();
  }

  @Override
  public String toString() {
    return "JaegerTraceStore[" + config + "]";
  }

  private static List<String> serviceNames(JaegerFlavour flavour) {
    TreeSet<String> names = new TreeSet<>();
    flavour.services().stream().filter(s -> s != null && !s.isBlank()).forEach(names::add);
    return List.copyOf(names);
  }

  /**
   * Re-checks the query on every returned trace, drops duplicates (a trace spanning two services is found by
   * both searches; the copy with more spans wins) and traces a previous page returned (newer than the cursor),
   * orders newest first and cuts at the limit. A page that may have more names its oldest start as the cursor.
   */
  private static TraceSearchResult merge(List<JaegerFlavour.SearchPage> pages, TraceQuery query, TimeCursor after,
      Shortfall lacks) {
    // Jaeger matches tags and minDuration on one span, the re-check on the trace: a full answer it thins out must not
    // let another service's older traces end the page before that answer's own older ones.
    Instant knownFrom = JaegerFlavour.SearchPage.coveredFrom(pages);
    boolean anyFull = pages.stream().anyMatch(JaegerFlavour.SearchPage::full);
    Map<String, Trace> unique = new LinkedHashMap<>();
    for (JaegerFlavour.SearchPage page : pages) {
      for (Trace trace : page.traces()) {
        if (TimeCursor.onPage(trace, after, knownFrom) && FilterEvaluator.matches(trace, query.filters())) {
          unique.merge(trace.traceId(), trace, (a, b) -> b.spanCount() > a.spanCount() ? b : a);
        }
      }
    }
    List<TraceHit> hits = new ArrayList<>(unique.values());
    hits.sort(Traces.NEWEST_FIRST);
    boolean cut = hits.size() > query.limit();
    List<TraceHit> page = cut ? hits.subList(0, query.limit()) : hits;
    boolean more = anyFull || cut;
    Optional<TimeCursor> next = Optional.empty();
    if (more) {
      Instant edge = knownFrom;
      next = TimeCursor.after(page, after).or(() -> edge == null || (after != null
          && !edge.isBefore(after.oldestStart())) ? Optional.empty() : Optional.of(new TimeCursor(edge)));
    }
    return new TraceSearchResult(page, more, next.map(TimeCursor::toString).orElse(null), lacks);
  }
}
