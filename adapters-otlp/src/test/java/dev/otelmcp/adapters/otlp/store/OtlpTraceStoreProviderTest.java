package dev.otelmcp.adapters.otlp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;
import dev.otelmcp.tck.TestBackendSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtlpTraceStoreProviderTest {

  @TempDir
  Path dir;

  /** Settings from key/value pairs, as bootstrap hands them over. */
  static TestBackendSettings settings(String... pairs) {
    TestBackendSettings settings = new TestBackendSettings();
    for (int i = 0; i < pairs.length; i += 2) {
      settings.with(pairs[i], pairs[i + 1]);
    }
    return settings;
  }

  @Test
  void serviceLoaderFindsTheOtlpProvider() {
    TraceStoreProvider provider = ServiceLoader.load(TraceStoreProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("otlp")).findFirst().orElseThrow();

    assertThat(provider).isInstanceOf(OtlpTraceStoreProvider.class);
    assertThat(provider.description()).contains("OTLP");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    OtlpStoreConfig config = OtlpStoreConfig.from(settings());

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).contains(4318);
    assertThat(config.dataDir()).contains(Path.of(System.getProperty("user.home"), ".otel-mcp", "data"));
    assertThat(config.retention()).contains(Duration.ofDays(7));
    assertThat(config.maxSpans()).isEqualTo(1_000_000);
    assertThat(config.load()).isEmpty();
    assertThat(config.loadRebase()).isFalse();
  }

  @Test
  void settingsAreReadAndMistakesNamed() {
    OtlpStoreConfig config = OtlpStoreConfig.from(settings("otlp_port", "off", "persist", "false", "retention", "36h",
        "max_spans", "5000", "load", "a.json,dir/b", "load_rebase", "true"));

    assertThat(config.port()).isEmpty();
    assertThat(config.dataDir()).isEmpty();
    assertThat(config.retention()).contains(Duration.ofHours(36));
    assertThat(config.maxSpans()).isEqualTo(5000);
    assertThat(config.load()).containsExactly(Path.of("a.json"), Path.of("dir/b"));
    assertThat(config.loadRebase()).isTrue();
    assertThat(OtlpStoreConfig.from(settings("retention", "off")).retention()).isEmpty();
    assertThatThrownBy(() -> OtlpStoreConfig.from(settings("otlp_port", "70000")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("otlp_port");
    assertThatThrownBy(() -> OtlpStoreConfig.from(settings("retention", "soon")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("retention");
    assertThatThrownBy(() -> OtlpStoreConfig.from(settings("max_spans", "-1")))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("max_spans");
  }

  @Test
  void createdStoreReceivesPersistsAndCloses() {
    try (TraceStore store = new OtlpTraceStoreProvider().create(settings("otlp_port", "0", "data_dir",
        dir.toString()))) {
      assertThat(store.health().healthy()).isTrue();
      assertThat(store.health().detail()).contains("receiving on http://127.0.0.1:").contains(dir.toString());
      assertThat(store.capabilities().nativeSpanSearch()).isTrue();
      assertThat(store.capabilities().fullTracesInSearch()).isTrue();
    }
    assertThat(dir.resolve(SpanLog.FILE_NAME)).exists();
    assertThatThrownBy(() -> new OtlpTraceStoreProvider().create(settings("otlp_port", "off", "persist", "false",
        "load", dir.resolve("missing").toString())))
        .isInstanceOf(InvalidQueryException.class).hasMessageContaining("missing");
  }
}
