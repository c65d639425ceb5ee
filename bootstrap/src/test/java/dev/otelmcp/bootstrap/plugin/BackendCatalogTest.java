package dev.otelmcp.bootstrap.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.PackageVersion;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  @Test
  void aPluginKeepsTheJacksonItBundlesInItsJarAndTheHostKeepsItsOwn() throws IOException {
    Path plugins = tmp.resolve("plugins");
    PluginJars.jacksonBackend(plugins.resolve("acme-json.jar"), "acme-json", List.of(PluginJars.bundledJackson()));

    BackendCatalog catalog = discover(plugins);

    assertThat(catalog.problems()).isEmpty();
    assertThat(catalog.find("acme-json").orElseThrow().description())
        .isEqualTo("jackson-core " + PluginJars.BUNDLED_JACKSON_VERSION);
    assertThat(PackageVersion.VERSION.toString()).isNotEqualTo(PluginJars.BUNDLED_JACKSON_VERSION);
    assertThat(catalog.find("acme-json").orElseThrow().create(NO_SETTINGS).health().detail()).isEqualTo("acme://local");
  }

  @Test
  void aPluginDirectoryHoldsThePluginsJarAndTheJarsOfItsDependencies() throws IOException {
    Path plugin = tmp.resolve("plugins").resolve("acme-json");
    PluginJars.jacksonBackend(plugin.resolve("acme-json.jar"), "acme-json", List.of());
    Files.copy(PluginJars.bundledJackson(), plugin.resolve("jackson-core.jar"));

    BackendCatalog catalog = discover(plugin.getParent());

    assertThat(catalog.problems()).isEmpty();
    assertThat(catalog.find("acme-json").orElseThrow().description())
        .isEqualTo("jackson-core " + PluginJars.BUNDLED_JACKSON_VERSION);
  }

  @Test
  void aPluginThatBundlesNoJacksonDoesNotSeeOursAndIsReportedNotFatal() throws IOException {
    Path plugins = tmp.resolve("plugins");
    PluginJars.jacksonBackend(plugins.resolve("no-json.jar"), "acme-json", List.of());

    BackendCatalog catalog = discover(plugins);

    assertThat(catalog.names()).doesNotContain("acme-json").contains("jaeger");
    assertThat(catalog.problems()).singleElement().asString()
        .startsWith("a backend provider could not be loaded from plug-in no-json.jar: ")
        .contains("class com.fasterxml.jackson.core.json.PackageVersion is missing");
  }

  @Test
  void aRegisteredClassThatIsNotThereIsReportedAndTheOtherProvidersLoad() throws IOException {
    Path plugin = tmp.resolve("plugins").resolve("acme");
    PluginJars.acmeBackend(plugin);
    PluginJars.registrationOnly(plugin.resolve("more.jar"), "com.acme.otelmcp.Missing");

    BackendCatalog catalog = discover(plugin.getParent());

    assertThat(catalog.names()).contains("acme", "jaeger");
    assertThat(catalog.problems()).singleElement().asString()
        .startsWith("a backend provider could not be loaded from plug-in acme/: ")
        .contains("Provider com.acme.otelmcp.Missing not found");
  }

  @Test
  void twoPluginsWithClassesOfTheSameNamesDoNotSeeEachOther() throws IOException {
    Path plugins = tmp.resolve("plugins");
    PluginJars.acmeBackend(plugins.resolve("acme-eu.jar"), "acme-eu");
    PluginJars.acmeBackend(plugins.resolve("acme-us.jar"), "acme-us");

    BackendCatalog catalog = discover(plugins);

    assertThat(catalog.problems()).isEmpty();
    Class<?> eu = catalog.find("acme-eu").orElseThrow().create(NO_SETTINGS).getClass();
    Class<?> us = catalog.find("acme-us").orElseThrow().create(NO_SETTINGS).getClass();
    assertThat(eu.getName()).isEqualTo(us.getName());
    assertThat(eu).isNotSameAs(us);
  }

  @Test
  void theSecondBackendOfANameIsReportedWithItsPlugin() throws IOException {
    Path plugins = tmp.resolve("plugins");
    PluginJars.acmeBackend(plugins.resolve("a.jar"), "acme");
    PluginJars.acmeBackend(plugins.resolve("b.jar"), "acme");

    BackendCatalog catalog = discover(plugins);

    assertThat(catalog.names()).contains("acme");
    assertThat(catalog.problems()).containsExactly("two backends are named 'acme' (com.acme.otelmcp.AcmeProvider in "
        + "plug-in a.jar and com.acme.otelmcp.AcmeProvider in plug-in b.jar); using the first");
  }

  @Test
  void aPluginDirectoryWithoutAJarWithoutARegistrationOrWithAnUnreadableJarIsReported() throws IOException {
    Path plugins = tmp.resolve("plugins");
    Files.createDirectories(plugins.resolve("empty"));
    Files.createDirectories(plugins.resolve("dependencies-only"));
    Files.copy(PluginJars.bundledJackson(), plugins.resolve("dependencies-only").resolve("jackson-core.jar"));
    PluginJars.acmeBackend(plugins.resolve("broken"));
    Files.writeString(plugins.resolve("broken").resolve("lib.jar"), "not a zip");
    Files.createDirectories(plugins.resolve(".hidden"));

    BackendCatalog catalog = discover(plugins);

    assertThat(catalog.names()).doesNotContain("acme");
    assertThat(catalog.problems()).hasSize(3);
    assertThat(catalog.problems().get(0)).startsWith("plug-in broken/ (its lib.jar) is not a readable jar (")
        .endsWith("); it is ignored");
    assertThat(catalog.problems().get(1)).isEqualTo("plug-in dependencies-only/ registers no backend: none of its jars"
        + " has META-INF/services/dev.otelmcp.domain.port.TraceStoreProvider; it is ignored");
    assertThat(catalog.problems().get(2)).isEqualTo("plug-in empty/ holds no jar; it is ignored");
  }

  private BackendCatalog discover(Path plugins) {
    return BackendCatalog.discover(Optional.of(plugins), getClass().getClassLoader());
  }
}
