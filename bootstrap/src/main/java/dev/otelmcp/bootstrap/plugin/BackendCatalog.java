package dev.otelmcp.bootstrap.plugin;

import dev.otelmcp.domain.port.TraceStoreProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The backends otel-mcp can use: every {@link TraceStoreProvider} that {@link ServiceLoader} finds on
 * the class path and in the jars of the plug-in directory. ServiceLoader is the only discovery
 * mechanism (no class-path scanning); a plug-in jar that registers no provider is reported, not ignored
 * silently.
 */
public final class BackendCatalog {

  static final String SERVICE_FILE = "META-INF/services/" + TraceStoreProvider.class.getName();

  private final Map<String, TraceStoreProvider> providers;
  private final List<String> problems;

  private BackendCatalog(Map<String, TraceStoreProvider> providers, List<String> problems) {
    this.providers = providers;
    this.problems = List.copyOf(problems);
  }

  /** Discovers providers on the application class path plus every {@code *.jar} in {@code pluginsDir}. */
  public static BackendCatalog discover(Optional<Path> pluginsDir, ClassLoader parent) {
    List<String> problems = new ArrayList<>();
    List<URL> jars = new ArrayList<>();
    if (pluginsDir.isPresent() && Files.isDirectory(pluginsDir.get())) {
      for (Path jar : jarsIn(pluginsDir.get(), problems)) {
        if (!registersProvider(jar, problems)) {
          continue;
        }
        try {
          jars.add(jar.toUri().toURL());
        } catch (MalformedURLException e) {
          problems.add(jar + ": " + e.getMessage());
        }
      }
    }
    ClassLoader loader = jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(URL[]::new), parent);
    Map<String, TraceStoreProvider> providers = new TreeMap<>();
    for (ServiceLoader.Provider<TraceStoreProvider> candidate : ServiceLoader.load(TraceStoreProvider.class, loader)
        .stream().toList()) {
      try {
        TraceStoreProvider provider = candidate.get();
        TraceStoreProvider previous = providers.putIfAbsent(provider.name(), provider);
        if (previous != null) {
          problems.add("two backends are named '" + provider.name() + "' (" + previous.getClass().getName()
              + " and " + provider.getClass().getName() + "); using the first");
        }
      } catch (ServiceConfigurationError e) {
        problems.add("a backend provider could not be loaded: " + e.getMessage());
      }
    }
    return new BackendCatalog(providers, problems);
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

  /** Plug-in jars that could not be used, and why. */
  public List<String> problems() {
    return problems;
  }

  private static List<Path> jarsIn(Path dir, List<String> problems) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      problems.add("cannot list plug-in directory " + dir + ": " + e.getMessage());
      return List.of();
    }
  }

  private static boolean registersProvider(Path jar, List<String> problems) {
    try (JarFile file = new JarFile(jar.toFile())) {
      var entry = file.getJarEntry(SERVICE_FILE);
      if (entry == null) {
        problems.add("plug-in " + jar.getFileName() + " registers no backend: it has no " + SERVICE_FILE
            + "; it is ignored");
        return false;
      }
      return true;
    } catch (IOException e) {
      problems.add("plug-in " + jar.getFileName() + " is not a readable jar (" + e.getMessage() + "); it is ignored");
      return false;
    }
  }
}
