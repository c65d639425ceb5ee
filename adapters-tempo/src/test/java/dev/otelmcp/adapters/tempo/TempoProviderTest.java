package dev.otelmcp.adapters.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.tck.TestBackendSettings;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The provider is found by ServiceLoader under the name tempo and declares what Tempo evaluates. */
class TempoProviderTest {

  @Test
  void serviceLoaderFindsTheTempoProvider() {
    List<TraceStoreProvider> providers = ServiceLoader.load(TraceStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("tempo")).toList();

    assertThat(providers).singleElement().isInstanceOf(TempoTraceStoreProvider.class);
    assertThat(providers.get(0).description()).contains("http://localhost:3200");
  }

  @Test
  void capabilitiesClaimWhatTraceQlEvaluatesAndLeaveTheRest() {
    try (TraceStore store = new TempoTraceStoreProvider().create(TestBackendSettings.url("http://localhost:3200")
        .with("max_search_limit", "500"))) {
      StoreCapabilities capabilities = store.capabilities();
      Filter notError = Filter.of("status", FilterOperator.NOT_EQUALS, FilterValueType.STRING, List.of("ERROR"));

      assertThat(capabilities.nativeSpanSearch()).isTrue();
      assertThat(capabilities.fullTracesInSearch()).isFalse();
      assertThat(capabilities.maxSearchLimit()).isEqualTo(500);
      assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("service.name", "x"))).isTrue();
      assertThat(capabilities.evaluatesTraceFilter(Filter.number("duration", FilterOperator.GTE, 100))).isTrue();
      assertThat(capabilities.evaluatesTraceFilter(notError)).as("has_error=false on a trace").isFalse();
      assertThat(capabilities.evaluatesSpanFilter(notError)).as("has_error=false on a span").isTrue();
      assertThat(capabilities.evaluatesTraceFilter(Filter.number("span_count", FilterOperator.GT, 3))).isFalse();
    }
  }
}
