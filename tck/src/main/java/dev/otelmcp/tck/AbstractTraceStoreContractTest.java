package dev.otelmcp.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.llm.CallGroup;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.llm.ToolGroup;
import dev.otelmcp.domain.model.Ids;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceHit;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.model.TraceSummary;
import dev.otelmcp.domain.port.LlmCallScan;
import dev.otelmcp.domain.port.LlmModelCalls;
import dev.otelmcp.domain.port.LlmToolUsage;
import dev.otelmcp.domain.port.LlmUsageSums;
import dev.otelmcp.domain.port.SpanSearchResult;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterEvaluator;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.SpanQuery;
import dev.otelmcp.domain.query.TraceQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TCK: behaviour every {@link TraceStore} must show, whatever backend it talks to. A backend module
 * extends this class, opens its store on its fixture in {@link #openStore()} (WireMock replaying recorded traffic,
 * or data loaded in memory) and describes what that fixture holds in {@link #knownData()}; this class opens a
 * store before each test and closes it after.
 *
 * <p>Claims are checked both ways: what {@link TraceStore#capabilities()} says the store evaluates must be
 * evaluated exactly and find the known data; what it does not claim must be refused with the standard error or
 * still be exact, never ignored. Every test that filters requires a non-empty result, so a store that returns
 * nothing cannot pass. Failures of HTTP backends are the subject of {@link AbstractBackendFailureContractTest}.
 *
 * <p>Third-party backend authors get this class from the {@code otel-mcp-tck} artifact (test scope).
 */
public abstract class AbstractTraceStoreContractTest extends AbstractLlmAbilitiesContractTest {

  /**
   * What the fixture is known to hold.
   *
   * @param window a window that contains the known trace
   * @param traceId a trace the backend holds
   * @param traceSpanCount how many spans that trace has
   * @param serviceName a service with traces in the window
   * @param operationName an operation (span name) of that service
   * @param unknownTraceId a well-formed id the backend does not hold
   */
  public record KnownData(
      TimeRange window,
      TraceId traceId,
      int traceSpanCount,
      String serviceName,
      String operationName,
      TraceId unknownTraceId) {}

  private TraceStore store;

  /**
   * A new store on the fixture, called before each test (set the fixture up here: stubs, loaded data). Closed by
   * this class after the test.
   */
  protected abstract TraceStore openStore() throws Exception;

  @Override
  protected abstract KnownData knownData();

  @BeforeEach
  final void openTheStore() throws Exception {
    store = openStore();
  }

  @AfterEach
  final void closeTheStore() {
    if (store != null) {
      store.close();
    }
  }

  /** The store under test, opened for this test. */
  @Override
  protected final TraceStore store() {
    return store;
  }

  /**
   * Filters the known data matches by construction: each one the store claims must find something, and only
   * what {@link FilterEvaluator} agrees with.
   */
  protected final List<Filter> matchingFilters() {
    KnownData known = knownData();
    return List.of(
        Filter.equalsString("service.name", known.serviceName()),
        Filter.equalsString("name", known.operationName()),
        Filter.number("duration", FilterOperator.GTE, 0));
  }

  /**
   * Filters checked for exactness: each one the store accepts must give only results that {@link FilterEvaluator}
   * agrees with (they may find nothing). Override to add backend-specific ones.
   */
  protected List<Filter> sampleFilters() {
    List<Filter> filters = new ArrayList<>(matchingFilters());
    filters.add(Filter.of("status", FilterOperator.EQUALS, dev.otelmcp.domain.query.FilterValueType.STRING,
        List.of("ERROR")));
    return filters;
  }

  @Test
  void getTraceReturnsTheWholeTraceWithCanonicalIds() {
    KnownData known = knownData();
    Optional<Trace> found = store().getTrace(known.traceId());

    assertThat(found).as("trace %s", known.traceId()).isPresent();
    Trace trace = found.get();
    assertThat(trace.traceId()).isEqualTo(known.traceId().hex());
    assertThat(trace.spans()).hasSize(known.traceSpanCount());
    Set<String> spanIds = new HashSet<>();
    for (Span span : trace.spans()) {
      assertThat(span.traceId()).isEqualTo(known.traceId().hex());
      assertThat(Ids.isCanonicalSpanId(span.spanId())).as("span id %s", span.spanId()).isTrue();
      span.parent().ifPresent(p -> assertThat(Ids.isCanonicalSpanId(p)).as("parent id %s", p).isTrue());
      assertThat(span.duration().isNegative()).isFalse();
      assertThat(span.serviceName()).isNotBlank();
      spanIds.add(span.spanId());
    }
    assertThat(spanIds).as("span ids are unique").hasSize(trace.spans().size());
  }

  @Test
  void getTraceOfAnUnknownIdIsEmpty() {
    assertThat(store().getTrace(knownData().unknownTraceId())).isEmpty();
  }

  @Test
  void listServicesHoldsTheKnownServiceSortedAndUnique() {
    List<String> services = store().listServices(knownData().window());

    assertThat(services).contains(knownData().serviceName());
    assertThat(services).doesNotHaveDuplicates();
    assertThat(services).isSorted();
  }

  @Test
  void listOperationsHoldsTheKnownOperation() {
    List<Operation> operations = store().listOperations(knownData().serviceName(), knownData().window());

    assertThat(operations).extracting(Operation::name).contains(knownData().operationName());
  }

  @Test
  void searchWithoutFiltersHonoursTheLimitAndReturnsCanonicalIds() {
    TraceSearchResult result = store().searchTraces(new TraceQuery(knownData().window(), List.of(), 2));

    assertThat(result.hits()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    assertThat(result.hits()).allSatisfy(hit -> assertThat(Ids.isCanonicalTraceId(hit.traceId())).isTrue());
    assertThat(result.hits()).extracting(TraceHit::traceId).doesNotHaveDuplicates();
  }

  @Test
  void filtersTheStoreClaimsAreEvaluatedExactly() {
    for (Filter filter : sampleFilters()) {
      if (!store().capabilities().evaluatesTraceFilter(filter)) {
        continue;
      }
      TraceSearchResult result = store().searchTraces(new TraceQuery(knownData().window(), List.of(filter), 10));
      assertThat(result.hits()).as("results of %s", filter.describe()).allSatisfy(hit ->
          assertThat(FilterEvaluator.matches(whole(hit), List.of(filter)))
              .as("trace %s against %s", hit.traceId(), filter.describe()).isTrue());
    }
  }

  @Test
  void filtersTheStoreClaimsFindTheKnownData() {
    List<Filter> claimed = matchingFilters().stream().filter(store().capabilities()::evaluatesTraceFilter).toList();
    assumeTrue(!claimed.isEmpty(), "store evaluates none of the filters the known data matches");
    for (Filter filter : claimed) {
      TraceSearchResult result = store().searchTraces(new TraceQuery(knownData().window(), List.of(filter), 10));
      assertThat(result.hits()).as("results of %s", filter.describe()).isNotEmpty().allSatisfy(hit ->
          assertThat(FilterEvaluator.matches(whole(hit), List.of(filter)))
              .as("trace %s against %s", hit.traceId(), filter.describe()).isTrue());
    }
  }

  /**
   * The other way round: a filter the store does not claim is never silently dropped. The application does not
   * send one (it applies such filters itself), but a store given one must refuse it with the standard error or
   * still answer exactly.
   */
  @Test
  void filtersTheStoreDoesNotClaimAreRefusedOrStillExact() {
    for (Filter filter : sampleFilters()) {
      if (store().capabilities().evaluatesTraceFilter(filter)) {
        continue;
      }
      TraceQuery query = new TraceQuery(knownData().window(), List.of(filter), 10);
      TraceSearchResult result;
      try {
        result = store().searchTraces(query);
      } catch (UnsupportedQueryException refused) {
        assertThat(refused.getMessage()).as("refusal of %s", filter.describe()).isNotBlank();
        continue;
      }
      assertThat(result.hits()).as("results of unclaimed %s", filter.describe()).allSatisfy(hit ->
          assertThat(FilterEvaluator.matches(whole(hit), List.of(filter)))
              .as("trace %s against unclaimed %s", hit.traceId(), filter.describe()).isTrue());
      if (matchingFilters().contains(filter)) {
        assertThat(result.hits()).as("unclaimed %s, which the known data matches", filter.describe()).isNotEmpty();
      }
    }
  }

  @Test
  void spanSearchHonoursLimitAndFilters() {
    assumeTrue(store().capabilities().nativeSpanSearch(), "store derives span search from trace search");
    List<Filter> filters = matchingFilters().stream().filter(store().capabilities()::evaluatesSpanFilter).limit(1).toList();

    SpanSearchResult result = store().searchSpans(new SpanQuery(knownData().window(), filters, 3));

    assertThat(result.spans()).as("spans of %s", filters).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(result.spans()).allSatisfy(span -> {
      assertThat(Ids.isCanonicalTraceId(span.traceId())).isTrue();
      assertThat(FilterEvaluator.matches(span, filters)).isTrue();
    });
  }

  @Test
  void spanSearchIsAnsweredWhenClaimedAndRefusedWithTheStandardErrorWhenNot() {
    List<Filter> filters = matchingFilters().stream().filter(store().capabilities()::evaluatesSpanFilter).limit(1).toList();
    SpanQuery query = new SpanQuery(knownData().window(), filters, 3);
    if (store().capabilities().nativeSpanSearch()) {
      assertThat(store().searchSpans(query).spans()).isNotEmpty();
    } else {
      assertThatThrownBy(() -> store().searchSpans(query)).isInstanceOf(UnsupportedQueryException.class);
    }
  }

  @Test
  void healthReportsAHealthyBackend() {
    assertThat(store().health().healthy()).as(store().health().detail()).isTrue();
  }
}
