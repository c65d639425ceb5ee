package dev.otelmcp.bootstrap.plugin;

import dev.otelmcp.bootstrap.plugin.PluginDirectory.Plugin;
import dev.otelmcp.domain.port.TraceStoreProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The backends otel-mcp can use: every {@link TraceStoreProvider} that {@link ServiceLoader} finds on the class path
 * and in the plug-ins of the plug-in directory ({@link PluginDirectory}), each plug-in in a class loader of its own
 * ({@link PluginClassLoader}). ServiceLoader is the only discovery mechanism (no class-path scanning); a plug-in that
 * registers no provider, or whose provider cannot be made, is reported, not ignored silently.
 */
public final class BackendCatalog {

  private final Map<String, TraceStoreProvider> providers;
  private final List<String> problems;

  private BackendCatalog(Map<String, TraceStoreProvider> providers, List<String> problems) {
    this.providers = providers;
    this.problems = List.copyOf(problems);
  }

  /**
   * Discovers the providers of {@code parent} (the application class path) and of every plug-in in
   * {@code pluginsDir}. The first of two providers of one name is kept: the built-in ones come first.
   */
  public static BackendCatalog discover(Optional<Path> pluginsDir, ClassLoader parent) {
    Discovery discovery = new Discovery();
    discovery.load(parent, UnaryOperator.identity(), "");
    List<Plugin> plugins = pluginsDir.filter(Files::isDirectory)
        .map(dir -> PluginDirectory.scan(dir, discovery.problems)).orElse(List.of());
    for (Plugin plugin : plugins) {
      PluginClassLoader loader = new PluginClassLoader(plugin.name(), plugin.jars(), parent);
      int added = loader.run(() -> discovery.load(loader, provider -> new PluginProvider(provider, loader),
          " from plug-in " + plugin.name()));
      if (added == 0) {
        closeQuietly(loader);
      }
    }
    return new BackendCatalog(discovery.providers, discovery.problems);
  }

  public Optional<TraceStoreProvider> find(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  /** Names of all discovered backends, sorted. */
  public List<String> names() {
    return List.copyOf(providers.keySet());
  }

  public Map<String, TraceStoreProvider> providers() {
    return Map.copyOf(providers);
  }

  /** Plug-ins and providers that could not be used, and why. */
  public List<String> problems() {
    return problems;
  }

  /** The providers found so far, by name, and the problems met. */
  private static final class Discovery {

    final Map<String, TraceStoreProvider> providers = new TreeMap<>();
    final List<String> problems = new ArrayList<>();

    /**
     * Makes and adds each provider {@code loader} registers (as {@code wrap} makes it), reporting the ones that
     * cannot be made and second ones of a name. Returns how many it added.
     */
    int load(ClassLoader loader, UnaryOperator<TraceStoreProvider> wrap, String from) {
      int added = 0;
      Iterator<TraceStoreProvider> candidates = ServiceLoader.load(TraceStoreProvider.class, loader).iterator();
      while (true) {
        // A failure ends one provider only: the iterator goes on with the next one.
        try {
          if (!candidates.hasNext()) {
            return added;
          }
          TraceStoreProvider provider = wrap.apply(candidates.next());
          TraceStoreProvider previous = providers.putIfAbsent(provider.name(), provider);
          if (previous == null) {
            added++;
          } else {
            problems.add("two backends are named '" + provider.name() + "' (" + origin(previous) + " and "
                + origin(provider) + "); using the first");
          }
        } catch (ServiceConfigurationError | LinkageError e) {
          problems.add("a backend provider could not be loaded" + from + ": " + e.getMessage()
              + missingClass(e).map(name -> "; class " + name + " is missing" + (from.isEmpty() ? ""
                  : " (a plug-in sees otel-mcp's SPI, slf4j and the JDK, and the rest in its own jars only)"))
              .orElse(""));
        }
      }
    }
  }

  private static String origin(TraceStoreProvider provider) {
    return provider instanceof PluginProvider plugin ? plugin.origin() : provider.getClass().getName();
  }

  /** The class a provider lacked, if that is why it failed: for a plug-in, most often a dependency not bundled. */
  private static Optional<String> missingClass(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if ((cause instanceof NoClassDefFoundError || cause instanceof ClassNotFoundException)
          && message != null && !message.contains(" ")) {
        return Optional.of(message.replace('/', '.'));
      }
    }
    return Optional.empty();
  }

  private static void closeQuietly(PluginClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // its jars stay open until exit: nothing to tell the user
    }
  }
}
