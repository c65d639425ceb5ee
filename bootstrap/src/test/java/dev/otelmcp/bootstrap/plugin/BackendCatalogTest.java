package dev.otelmcp.bootstrap.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendCatalogTest {

  @TempDir
  Path tmp;

  private static final BackendSettings NO_SETTINGS = new BackendSettings() {
    @Override
    public Optional<String> getString(String key) {
      return Optional.empty();
    }

    @Override
    public Duration getDuration(String key, Duration defaultValue) {
      return defaultValue;
    }

    @Override
    public Map<String, String> getMap(String key) {
      return Map.of();
    }
  };

  @Test
  void findsTheBackendsOnTheClassPath() {
    BackendCatalog catalog = BackendCatalog.discover(Optional.empty(), getClass().getClassLoader());

    assertThat(catalog.names()).contains("jaeger");
    assertThat(catalog.problems()).isEmpty();
  }

  @Test
  void findsAThirdPartyBackendDroppedIntoThePluginDirectoryAndItWorks() throws IOException {
    Path plugins = tmp.resolve("plugins");
    PluginJars.acmeBackend(plugins);

    BackendCatalog catalog = BackendCatalog.discover(Optional.of(plugins), getClass().getClassLoader());

    assertThat(catalog.names()).contains("acme", "jaeger");
    TraceStore store = catalog.find("acme").orElseThrow().create(NO_SETTINGS);
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    assertThat(store.listServices(new TimeRange(now.minusSeconds(60), now))).containsExactly("acme-checkout", "acme-payments");
    assertThat(store.health().detail()).isEqualTo("acme://local");
  }

  @Test
  void aPluginJarThatRegistersNothingIsReportedByName() throws IOException {
    Path plugins = tmp.resolve("plugins");
    PluginJars.unregisteredBackend(plugins);
    Files.writeString(plugins.resolve("notes.txt"), "not a jar, not a problem");

    BackendCatalog catalog = BackendCatalog.discover(Optional.of(plugins), getClass().getClassLoader());

    assertThat(catalog.names()).doesNotContain("acme");
    assertThat(catalog.problems()).singleElement().asString()
        .contains("forgot-the-services-file.jar")
        .contains("registers no backend")
        .contains("META-INF/services/dev.otelmcp.domain.port.TraceStoreProvider");
  }

  @Test
  void aMissingPluginDirectoryIsNotAnError() {
    BackendCatalog catalog = BackendCatalog.discover(Optional.of(tmp.resolve("absent")), getClass().getClassLoader());

    assertThat(catalog.problems()).isEmpty();
  }
}
