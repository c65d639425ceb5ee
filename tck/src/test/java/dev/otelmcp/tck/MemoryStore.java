package dev.otelmcp.tck;

import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two one-span traces in memory, searchable by service only. With a {@link Flaw} it breaks the behavioural
 * contract on purpose, for {@link TckCatchesBrokenStoresTest}.
 */
final class MemoryStore implements TraceStore {

  enum Flaw { NONE, IGNORES_UNCLAIMED_FILTERS, IGNORES_CLAIMED_FILTERS, FINDS_NOTHING, SCAN_LOSES_ATTRIBUTES }

  static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  static final Trace CHECKOUT = trace("0000000000000000000000000000c001", "checkout", "charge", START);
  static final Trace PAYMENTS = trace("0000000000000000000000000000c002", "payments", "refund", START.plusSeconds(60));

  private final Flaw flaw;

  MemoryStore(Flaw flaw) {
    this.flaw = flaw;
  }

  private static Trace trace(String traceId, String service, String operation, Instant start) {
    return new Trace(traceId, List.of(Span.builder().traceId(traceId).spanId(traceId.substring(16)).name(operation)
        .serviceName(service).startTime(start).duration(Duration.ofMillis(40))
        .attributes(Attributes.ofPairs("gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", 12L)).build()));
  }

  private static boolean claimed(Filter filter) {
    return filter.field().equals("service.name");
  }

  @Override
  public StoreCapabilities capabilities() {
    return new StoreCapabilities(MemoryStore::claimed, f -> false, false, 100, true);
  }

  @Override
  public List<String> listServices(TimeRange window) {
    return flaw == Flaw.FINDS_NOTHING ? List.of() : List.of("checkout", "payments");
  }

  @Override
  public List<Operation> listOperations(String serviceName, TimeRange window) {
    return all().stream().flatMap(t -> t.spans().stream()).filter(s -> s.serviceName().equals(serviceName))
        .map(s -> Operation.named(s.name())).toList();
  }

  @Override
  public TraceSearchResult searchTraces(TraceQuery query) {
    List<Filter> applied = new ArrayList<>();
    for (Filter filter : query.filters()) {
      if (claimed(filter)) {
        if (flaw != Flaw.IGNORES_CLAIMED_FILTERS) {
          applied.add(filter);
        }
      } else if (flaw != Flaw.IGNORES_UNCLAIMED_FILTERS) {
        throw new UnsupportedQueryException("this store cannot filter by " + filter.field(),
            "Filter by service.name only.");
      }
    }
    List<Trace> hits = all().stream().filter(t -> FilterEvaluator.matches(t, applied)).toList();
    return TraceSearchResult.of(hits, query.limit());
  }

  /**
   * Its own scan of the window's traces, newest first; with {@link Flaw#SCAN_LOSES_ATTRIBUTES} it hands on the traces
   * without their spans' attributes, as a projection that left out what the LLM views read would.
   */
  @Override
  public Optional<LlmCallScan> llmCallScan() {
    if (flaw != Flaw.NONE && flaw != Flaw.SCAN_LOSES_ATTRIBUTES) {
      return Optional.empty();
    }
    return Optional.of((window, filters, limit, visitor) -> {
      List<Trace> traces = all().stream().filter(t -> FilterEvaluator.matches(t, filters)).toList();
      int read = 0;
      for (Trace trace : traces.subList(0, Math.min(limit, traces.size()))) {
        Trace handed = flaw == Flaw.NONE ? trace : new Trace(trace.traceId(), trace.spans().stream()
            .map(span -> span.toBuilder().attributes(Attributes.empty()).build()).toList());
        visitor.visit(handed, LlmCalls.of(handed));
        read++;
      }
      return new LlmCallScan.Report(read, read, traces.size() > limit, null);
    });
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId) {
    return all().stream().filter(t -> t.traceId().equals(traceId.hex())).findFirst();
  }

  @Override
  public HealthStatus health() {
    return HealthStatus.healthy("in memory");
  }

  /** Newest first. */
  private List<Trace> all() {
    return flaw == Flaw.FINDS_NOTHING ? List.of() : List.of(PAYMENTS, CHECKOUT);
  }
}
