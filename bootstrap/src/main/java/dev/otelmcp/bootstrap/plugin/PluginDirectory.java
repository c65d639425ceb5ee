package dev.otelmcp.bootstrap.plugin;

import dev.otelmcp.domain.port.TraceStoreProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The plug-ins in the plug-in directory. A plug-in is a jar of its own ({@code plugins/acme.jar}, with its
 * dependencies inside: a fat jar) or a directory of jars ({@code plugins/acme/}: its jar and its dependencies' jars,
 * as Trino lays out plug-ins). Other files are not plug-ins. A plug-in whose jars register no provider, or with a
 * jar that cannot be read, is reported and left out.
 */
final class PluginDirectory {

  static final String SERVICE_FILE = "META-INF/services/" + TraceStoreProvider.class.getName();

  /** One plug-in: its name in the directory ({@code acme.jar}, or {@code acme/} for a directory) and its jars. */
  record Plugin(String name, List<Path> jars) {

    Plugin {
      jars = List.copyOf(jars);
    }

    boolean isDirectory() {
      return name.endsWith("/");
    }
  }

  private PluginDirectory() {}

  /** The usable plug-ins in {@code dir}, by name; what is not usable goes to {@code problems}. */
  static List<Plugin> scan(Path dir, List<String> problems) {
    List<Plugin> usable = new ArrayList<>();
    for (Path entry : entries(dir, path -> isJar(path) || isPluginDirectory(path), problems)) {
      plugin(entry, problems).filter(plugin -> registersProvider(plugin, problems)).ifPresent(usable::add);
    }
    return usable;
  }

  private static Optional<Plugin> plugin(Path entry, List<String> problems) {
    String name = entry.getFileName().toString();
    if (isJar(entry)) {
      return Optional.of(new Plugin(name, List.of(entry)));
    }
    List<Path> jars = entries(entry, PluginDirectory::isJar, problems);
    if (jars.isEmpty()) {
      problems.add("plug-in " + name + "/ holds no jar; it is ignored");
      return Optional.empty();
    }
    return Optional.of(new Plugin(name + "/", jars));
  }

  private static boolean registersProvider(Plugin plugin, List<String> problems) {
    boolean registers = false;
    for (Path jar : plugin.jars()) {
      try (JarFile file = new JarFile(jar.toFile())) {
        registers |= file.getJarEntry(SERVICE_FILE) != null;
      } catch (IOException e) {
        String which = plugin.isDirectory() ? plugin.name() + " (its " + jar.getFileName() + ")" : plugin.name();
        problems.add("plug-in " + which + " is not a readable jar (" + e.getMessage() + "); it is ignored");
        return false;
      }
    }
    if (!registers) {
      problems.add("plug-in " + plugin.name() + " registers no backend: "
          + (plugin.isDirectory() ? "none of its jars has " : "it has no ") + SERVICE_FILE + "; it is ignored");
    }
    return registers;
  }

  private static List<Path> entries(Path dir, Predicate<Path> wanted, List<String> problems) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(wanted).sorted().toList();
    } catch (IOException e) {
      problems.add("cannot list plug-in directory " + dir + ": " + e.getMessage());
      return List.of();
    }
  }

  private static boolean isJar(Path path) {
    return path.getFileName().toString().endsWith(".jar") && Files.isRegularFile(path);
  }

  /** A directory, unless hidden (an editor's or a file manager's, not a plug-in). */
  private static boolean isPluginDirectory(Path path) {
    return Files.isDirectory(path) && !path.getFileName().toString().startsWith(".");
  }
}
