package dev.otelmcp.adapters.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;
import dev.otelmcp.tck.TestBackendSettings;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JaegerProviderTest {

  @Test
  void serviceLoaderFindsTheJaegerProvider() {
    TraceStoreProvider provider = ServiceLoader.load(TraceStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("jaeger"))
        .findFirst().orElseThrow();

    assertThat(provider).isInstanceOf(JaegerTraceStoreProvider.class);
    assertThat(provider.description()).contains("Jaeger");
  }

  @Test
  void createDoesNotContactJaegerAndValidatesSettings() {
    // Port 9 (discard) on a TEST-NET address: creating must not connect anywhere.
    try (TraceStore store = new JaegerTraceStoreProvider().create(TestBackendSettings.url("http://192.0.2.1:9"))) {
      assertThat(store).isInstanceOf(JaegerTraceStore.class);
      assertThat(store.capabilities().maxSearchLimit()).isEqualTo(5000);
    }
    assertThatThrownBy(() -> new JaegerTraceStoreProvider().create(new TestBackendSettings().with("api_version", "v9")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("api_version");
  }
}
