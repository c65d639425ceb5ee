package dev.otelmcp.bootstrap.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginProviderTest {

  @Test
  void forwardsEveryMethodOfTheSpiDefaultOnesIncluded() {
    for (Method method : TraceStoreProvider.class.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers())) {
        assertThatCode(() -> PluginProvider.class.getDeclaredMethod(method.getName(), method.getParameterTypes()))
            .as(method.getName()).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void thePluginsProviderRunsWithThePluginsContextClassLoader() throws IOException {
    List<ClassLoader> seen = new ArrayList<>();
    TraceStoreProvider plugin = new TraceStoreProvider() {
      @Override
      public String name() {
        seen.add(Thread.currentThread().getContextClassLoader());
        return "recorder";
      }

      @Override
      public String description() {
        seen.add(Thread.currentThread().getContextClassLoader());
        return "records the context class loader";
      }

      @Override
      public TraceStore create(BackendSettings settings) {
        seen.add(Thread.currentThread().getContextClassLoader());
        return null; // what it returns is not the point
      }
    };
    try (PluginClassLoader loader = new PluginClassLoader("recorder.jar", List.of(), getClass().getClassLoader())) {
      PluginProvider provider = new PluginProvider(plugin, loader);

      provider.name();
      provider.description();
      provider.create(null);

      assertThat(seen).hasSize(3).allSatisfy(context -> assertThat(context).isSameAs(loader));
      assertThat(provider.origin()).endsWith(" in plug-in recorder.jar");
    }
  }
}
