package dev.otelmcp.bootstrap.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.port.TraceStoreProvider;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

class PluginClassLoaderTest {

  @TempDir
  static Path tmp;

  private static PluginClassLoader loader;

  @BeforeAll
  static void loadTheAcmePlugin() throws IOException {
    Path jar = PluginJars.acmeBackend(tmp);
    loader = new PluginClassLoader("acme-backend.jar", List.of(jar), PluginClassLoaderTest.class.getClassLoader());
  }

  @AfterAll
  static void close() throws IOException {
    loader.close();
  }

  @Test
  void theSpiAndTheLoggingApiAreTheHosts() throws ClassNotFoundException {
    assertThat(loader.loadClass(TraceStoreProvider.class.getName())).isSameAs(TraceStoreProvider.class);
    assertThat(loader.loadClass(Logger.class.getName())).isSameAs(Logger.class);
  }

  @Test
  void theJdkIsTheJdks() throws ClassNotFoundException {
    assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
    assertThat(loader.loadClass(HttpClient.class.getName())).isSameAs(HttpClient.class);
    assertThat(loader.loadClass(SSLContext.class.getName())).isSameAs(SSLContext.class);
  }

  @Test
  void theHostsOtherClassesAreNotThere() {
    for (String hostClass : List.of("com.fasterxml.jackson.databind.ObjectMapper", "feign.Feign",
        "dev.otelmcp.bootstrap.Main", "dev.otelmcp.backend.toolkit.HttpFailures")) {
      assertThatThrownBy(() -> loader.loadClass(hostClass)).as(hostClass).isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void thePluginsClassesAreItsOwn() throws ClassNotFoundException {
    assertThat(loader.loadClass("com.acme.otelmcp.AcmeProvider").getClassLoader()).isSameAs(loader);
  }

  @Test
  void serviceFilesComeFromThePluginsJarsOnly() throws IOException {
    List<URL> hosts = Collections.list(getClass().getClassLoader().getResources(PluginDirectory.SERVICE_FILE));
    List<URL> plugins = Collections.list(loader.getResources(PluginDirectory.SERVICE_FILE));

    assertThat(hosts).hasSizeGreaterThan(1);
    assertThat(plugins).singleElement().asString().contains("acme-backend.jar!");
    assertThat(loader.getResource(PluginDirectory.SERVICE_FILE)).isEqualTo(plugins.get(0));
  }

  @Test
  void runMakesItTheContextClassLoaderWhileTheWorkRuns() {
    ClassLoader before = Thread.currentThread().getContextClassLoader();

    assertThat(loader.run(() -> Thread.currentThread().getContextClassLoader())).isSameAs(loader);
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }
}
