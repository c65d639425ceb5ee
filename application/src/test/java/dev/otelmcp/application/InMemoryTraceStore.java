package dev.otelmcp.application;

import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.TraceSummary;
import dev.otelmcp.domain.model.Traces;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.LlmModelCalls;
import dev.otelmcp.domain.port.LlmToolUsage;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.port.LlmUsageSums;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.tck.ExpectedCallGroups;
import dev.otelmcp.tck.ExpectedModelCalls;
import dev.otelmcp.tck.ExpectedRanking;
import dev.otelmcp.tck.ExpectedToolGroups;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A test store over traces held in memory, with the behaviour knobs the planner tests need: which
 * filters it claims, whether search returns summaries only, a per-request maximum, cursor paging, and a
 * slow {@code getTrace} that records how many calls ran at once.
 */
public class InMemoryTraceStore implements TraceStore {

  private final List<Trace> traces;
  private Predicate<Filter> nativeFilters = f -> false;
  private boolean summariesOnly;
  private int maxSearchLimit = 10_000;
  private boolean cursorPaging;
  private long getTraceDelayMillis;
  private boolean scansLlmCalls;
  private boolean preparesCalls;
  /** How many traces' calls the scan had prepared. */
  public final AtomicInteger prepared = new AtomicInteger();
  private boolean sumsLlmUsage;
  private boolean refusesSums;
  private boolean countsTools;
  private boolean picksModelCalls;
  private boolean ranksTraces;
  public final List<TraceQuery> searches = Collections.synchronizedList(new ArrayList<>());
  public final AtomicInteger getTraceCalls = new AtomicInteger();
  public final AtomicInteger inFlight = new AtomicInteger();
  public final AtomicInteger maxInFlight = new AtomicInteger();

  public InMemoryTraceStore(List<Trace> traces) {
    this.traces = traces.stream().sorted(Traces.NEWEST_FIRST).toList();
  }

  public InMemoryTraceStore claiming(Predicate<Filter> filters) {
    this.nativeFilters = filters;
    return this;
  }

  /** The store reads a window's LLM calls itself, as the built-in store does. */
  public InMemoryTraceStore scanningLlmCalls() {
    this.scansLlmCalls = true;
    return this;
  }

  /** The store's scan has the visitor prepare each trace's calls where it reads them, as the Jaeger store does. */
  public InMemoryTraceStore preparingScannedCalls() {
    this.preparesCalls = true;
    return scanningLlmCalls();
  }

  @Override
  public Optional<LlmCallScan> llmCallScan() {
    if (!scansLlmCalls) {
      return Optional.empty();
    }
    return Optional.of((window, filters, limit, visitor) -> {
      List<Trace> matching = matching(window, filters);
      List<Trace> read = matching.subList(0, Math.min(limit, matching.size()));
      for (Trace trace : read) {
        List<LlmCall> calls = LlmCalls.of(trace);
        if (preparesCalls) {
          calls = visitor.prepare(calls);
          prepared.incrementAndGet();
        }
        visitor.visit(trace, calls);
      }
      return new LlmCallScan.Report(read.size(), read.stream().mapToLong(Trace::spanCount).sum(),
          matching.size() > read.size(), null);
    });
  }

  /** The store sums a window's LLM calls itself, as ClickHouse does, grouped as the TCK expects. */
  public InMemoryTraceStore summingLlmUsage() {
    this.sumsLlmUsage = true;
    return this;
  }

  /** The store offers sums, but finds it cannot make them, as a ClickHouse too old for the statement does. */
  public InMemoryTraceStore refusingLlmUsageSums() {
    this.refusesSums = true;
    return summingLlmUsage();
  }

  @Override
  public Optional<LlmUsageSums> llmUsageSums() {
    if (!sumsLlmUsage) {
      return Optional.empty();
    }
    return Optional.of((request, groups) -> {
      if (refusesSums) {
        throw new UnsupportedQueryException("this store cannot sum LLM usage", "Read the calls instead.");
      }
      List<Trace> matching = matching(request.window(), request.traceFilters());
      List<Trace> read = matching.subList(0, Math.min(request.traceLimit(), matching.size()));
      ExpectedCallGroups.of(read, request.breaks(), request.seriesStep()).values().forEach(groups);
      return new LlmUsageSums.Report(read.size(), read.stream().mapToLong(Trace::spanCount).sum(),
          matching.size() > read.size());
    });
  }

  /** The store counts a window's tool calls itself, as ClickHouse does, grouped as the TCK expects. */
  public InMemoryTraceStore countingToolUsage() {
    this.countsTools = true;
    return this;
  }

  @Override
  public Optional<LlmToolUsage> llmToolUsage() {
    if (!countsTools) {
      return Optional.empty();
    }
    return Optional.of((request, groups) -> {
      List<Trace> matching = matching(request.window(), request.traceFilters());
      List<Trace> read = matching.subList(0, Math.min(request.traceLimit(), matching.size()));
      ExpectedToolGroups.of(read, request.provider(), request.toolService()).values().forEach(groups);
      return new LlmToolUsage.Report(read.size(), read.stream().mapToLong(Trace::spanCount).sum(),
          ExpectedToolGroups.llmCalls(read), ExpectedToolGroups.llmWarnings(read), matching.size() > read.size());
    });
  }

  /** The store picks a few models' calls out of a window itself, as ClickHouse does. */
  public InMemoryTraceStore pickingModelCalls() {
    this.picksModelCalls = true;
    return this;
  }

  @Override
  public Optional<LlmModelCalls> llmModelCalls() {
    if (!picksModelCalls) {
      return Optional.empty();
    }
    return Optional.of((request, visitor) -> {
      List<Trace> matching = matching(request.window(), request.traceFilters());
      List<Trace> read = matching.subList(0, Math.min(request.traceLimit(), matching.size()));
      ExpectedModelCalls.handOn(read, request.models(), visitor);
      return new LlmModelCalls.Report(read.size(), read.stream().mapToLong(Trace::spanCount).sum(),
          ExpectedToolGroups.llmWarnings(read), matching.size() > read.size());
    });
  }

  /** The store ranks a window's traces itself, as ClickHouse does, as the TCK expects. */
  public InMemoryTraceStore rankingTraces() {
    this.ranksTraces = true;
    return this;
  }

  @Override
  public Optional<LlmTraceRanking> llmTraceRanking() {
    if (!ranksTraces) {
      return Optional.empty();
    }
    return Optional.of((request, page) -> {
      List<Trace> matching = matching(request.window(), request.traceFilters());
      List<Trace> read = matching.subList(0, Math.min(request.traceLimit(), matching.size()));
      ExpectedRanking.Outcome outcome = ExpectedRanking.of(read, matching.size() > read.size(), request);
      outcome.page(request).forEach(page);
      return outcome.report();
    });
  }

  /** The traces of the window that match, newest first. */
  private List<Trace> matching(TimeRange window, List<Filter> filters) {
    return traces.stream().filter(t -> window.contains(t.startTime()) && FilterEvaluator.matches(t, filters))
        .toList();
  }

  public InMemoryTraceStore summariesOnly() {
    this.summariesOnly = true;
    return this;
  }

  public InMemoryTraceStore maxSearchLimit(int max) {
    this.maxSearchLimit = max;
    return this;
  }

  public InMemoryTraceStore cursorPaging() {
    this.cursorPaging = true;
    return this;
  }

  public InMemoryTraceStore slowGetTrace(long millis) {
    this.getTraceDelayMillis = millis;
    return this;
  }

  @Override
  public StoreCapabilities capabilities() {
    return new StoreCapabilities(nativeFilters, f -> false, false, maxSearchLimit, !summariesOnly);
  }

  @Override
  public List<String> listServices(TimeRange window) {
    TreeSet<String> names = new TreeSet<>();
    traces.forEach(t -> names.addAll(t.services()));
    return List.copyOf(names);
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    TreeSet<String> names = new TreeSet<>();
    traces.forEach(t -> t.spans().stream().filter(s -> s.serviceName().equals(serviceName)).forEach(s -> names.add(s.name())));
    return names.stream().map(Operation::named).toList();
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    searches.add(query);
    if (query.limit() > maxSearchLimit) {
      throw new AssertionError("limit " + query.limit() + " above the declared maximum " + maxSearchLimit);
    }
    for (Filter filter : query.filters()) {
      if (!nativeFilters.test(filter)) {
        throw new AssertionError("store received a filter it did not claim: " + filter.describe());
      }
    }
    List<Trace> matching = traces.stream()
        .filter(t -> query.timeRange().contains(t.startTime()))
        .filter(t -> FilterEvaluator.matches(t, query.filters()))
        .toList();
    int offset = query.cursorValue().map(Integer::parseInt).orElse(0);
    int end = Math.min(matching.size(), offset + query.limit());
    List<TraceHit> page = new ArrayList<>();
    for (Trace trace : matching.subList(Math.min(offset, end), end)) {
      page.add(summariesOnly ? summary(trace) : trace);
    }
    boolean more = end < matching.size();
    return new TraceSearchResult(page, more, cursorPaging && more ? String.valueOf(end) : null);
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId) {
    getTraceCalls.incrementAndGet();
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      if (getTraceDelayMillis > 0) {
        Thread.sleep(getTraceDelayMillis);
      }
      return traces.stream().filter(t -> t.traceId().equals(traceId.hex())).findFirst();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public HealthStatus health() {
    return HealthStatus.healthy(traces.size() + " traces in memory");
  }

  private static TraceSummary summary(Trace trace) {
    Span root = trace.root();
    return new TraceSummary(trace.traceId(), root.serviceName(), root.name(), trace.startTime(), trace.duration(),
        trace.spanCount(), (int) trace.errorSpanCount(), trace.services());
  }
}
