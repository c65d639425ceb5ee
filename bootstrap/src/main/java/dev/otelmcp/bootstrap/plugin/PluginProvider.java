package dev.otelmcp.bootstrap.plugin;

import dev.otelmcp.domain.port.BackendSettings;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.port.TraceStoreProvider;

/**
 * A plug-in's provider, run with the plug-in's class loader as the thread's context class loader: libraries inside
 * the plug-in that look classes or services up through it (Jackson's {@code findAndRegisterModules}, a
 * {@code ServiceLoader.load(type)}) then find the plug-in's, not otel-mcp's. A store keeps what it made in
 * {@code create}; its calls run on otel-mcp's threads with otel-mcp's context loader.
 *
 * <p>It forwards every method of {@link TraceStoreProvider}, default ones included: a method the SPI gains must be
 * forwarded here too, or the plug-in's own version of it would be skipped ({@code PluginProviderTest} checks).
 */
final class PluginProvider implements TraceStoreProvider {

  private final TraceStoreProvider plugin;
  private final PluginClassLoader loader;

  PluginProvider(TraceStoreProvider plugin, PluginClassLoader loader) {
    this.plugin = plugin;
    this.loader = loader;
  }

  @Override
  public String name() {
    return loader.run(plugin::name);
  }

  @Override
  public String description() {
    return loader.run(plugin::description);
  }

  @Override
  public TraceStore create(BackendSettings settings) {
    return loader.run(() -> plugin.create(settings));
  }

  /** The provider's class and its plug-in, for messages. */
  String origin() {
    return plugin.getClass().getName() + " in plug-in " + loader.getName();
  }
}
