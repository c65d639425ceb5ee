package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.tck.AbstractTraceStoreContractTest;
import dev.otelmcp.tck.TestResources;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The TCK against the built-in store, holding synthetic LLM traces and a real telemetrygen payload. */
class OtlpStoreContractTest extends AbstractTraceStoreContractTest {

  static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

  private KnownData known;

  @Override
  protected TraceStore openStore() throws IOException {
    OtlpTraceStore store = OtlpTraceStore.start(StoreConfigs.inMemory(), Clock.systemUTC());
    List<Span> spans = new SyntheticTraces(7, START, Duration.ofHours(6)).traces(300);
    store.ingest(spans, null);
    store.ingest(new OtlpJsonDecoder().decode(TestResources.text("fixtures/jaeger/otlp2jaeger-in.json")).spans(), null);
    Span first = spans.get(0);
    int spanCount = (int) spans.stream().filter(s -> s.traceId().equals(first.traceId())).count();
    known = new KnownData(new TimeRange(START.minus(Duration.ofDays(3)), START.plus(Duration.ofDays(1))),
        new TraceId(first.traceId()), spanCount, first.serviceName(), "openai.chat",
        new TraceId("0123456789abcdef0123456789abcdef"));
    return store;
  }

  @Override
  protected KnownData knownData() {
    return known;
  }

  /** One filter per operator and value type, on intrinsics, attributes, aliases and the resource. */
  @Override
  protected List<Filter> sampleFilters() {
    List<Filter> filters = new ArrayList<>(super.sampleFilters());
    filters.addAll(StoreFilters.everyOperator());
    filters.add(Filter.of("status", FilterOperator.NOT_EQUALS, FilterValueType.STRING, List.of("error")));
    return filters;
  }
}
