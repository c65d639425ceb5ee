package dev.otelmcp.bootstrap.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The class loader of one plug-in, modelled on Trino's: the plug-in sees the SPI and the JDK from the host, and
 * everything else only in its own jars. So a plug-in may bundle any Jackson, Feign or HTTP client without meeting
 * ours (or another plug-in's), and one that bundles none gets a {@code NoClassDefFoundError} at discovery rather
 * than a version it was not built for.
 *
 * <p>Shared with the host, in {@link #SHARED_PACKAGES}: the SPI ({@code dev.otelmcp.domain}), which must be the
 * very classes otel-mcp calls it through (a plug-in's own copy would not be a {@code TraceStoreProvider}), and the
 * slf4j API. Sharing slf4j is deliberate: a plug-in's log lines then go through otel-mcp's one binding, to stderr
 * at the level of {@code --log-level}; a binding the plug-in brought could write to stdout, which over stdio is the
 * protocol channel, or log nothing. slf4j's {@code Logger} API is the same for callers built against 1.7 and 2.x.
 *
 * <p>Resources come from the plug-in's jars, then the JDK: {@code ServiceLoader} finds the plug-in's own
 * registrations only, never the built-in backends' again.
 */
final class PluginClassLoader extends URLClassLoader {

  /** Package prefixes whose classes come from the host, whatever the plug-in bundles. */
  static final List<String> SHARED_PACKAGES = List.of("dev.otelmcp.domain.", "org.slf4j.");

  /** The JDK's packages (the modules of the boot and platform loaders): never taken from a plug-in's jars. */
  private static final Set<String> JDK_PACKAGES = ModuleLayer.boot().modules().stream()
      .filter(module -> module.getClassLoader() == null
          || module.getClassLoader() == ClassLoader.getPlatformClassLoader())
      .flatMap(module -> module.getPackages().stream())
      .collect(Collectors.toUnmodifiableSet());

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final ClassLoader host;

  /**
   * @param name the plug-in's name in the plug-in directory ({@code acme.jar}, {@code acme/}), for messages
   * @param host the loader of otel-mcp's own classes, where the shared packages come from
   */
  PluginClassLoader(String name, List<Path> jars, ClassLoader host) {
    super(name, urls(jars), ClassLoader.getPlatformClassLoader());
    this.host = host;
  }

  /** Runs {@code work} with this loader as the thread's context class loader (what libraries inside look up with). */
  <T> T run(Supplier<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(this);
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (isShared(name)) {
      return host.loadClass(name);
    }
    if (JDK_PACKAGES.contains(packageOf(name))) {
      return getParent().loadClass(name);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    List<URL> found = Collections.list(findResources(name));
    found.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(found);
  }

  private static boolean isShared(String className) {
    return SHARED_PACKAGES.stream().anyMatch(className::startsWith);
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  private static URL[] urls(List<Path> jars) {
    return jars.stream().map(jar -> {
      try {
        return jar.toUri().toURL();
      } catch (IOException e) { // a file: URI always has a URL
        throw new UncheckedIOException(e);
      }
    }).toArray(URL[]::new);
  }
}
