package dev.otelmcp.adapters.traceloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.tck.TestBackendSettings;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TraceloopProviderTest {

  @Test
  void serviceLoaderFindsTheTraceloopProvider() {
    TraceStoreProvider provider = ServiceLoader.load(TraceStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("traceloop"))
        .findFirst().orElseThrow();

    assertThat(provider).isInstanceOf(TraceloopTraceStoreProvider.class);
    assertThat(provider.description()).contains("BACKEND_API_KEY").contains("https://api.traceloop.com");
  }

  @Test
  void createNeedsAKeyAndDoesNotContactTraceloop() {
    assertThatThrownBy(() -> new TraceloopTraceStoreProvider().create(new TestBackendSettings()))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("BACKEND_API_KEY");

    // A TEST-NET address: creating must not connect anywhere.
    try (TraceStore store = new TraceloopTraceStoreProvider().create(Fixtures.settings("http://192.0.2.1:9"))) {
      StoreCapabilities capabilities = store.capabilities();
      assertThat(capabilities.nativeSpanSearch()).isTrue();
      assertThat(capabilities.fullTracesInSearch()).isFalse();
      assertThat(capabilities.maxSearchLimit()).isEqualTo(1000);
      assertThat(capabilities.evaluatesTraceFilter(Filter.equalsString("service.name", "travel-agent-demo2"))).isFalse();
      assertThat(capabilities.evaluatesSpanFilter(Filter.equalsString("service.name", "travel-agent-demo2"))).isTrue();
    }
  }
}
