package dev.otelmcp.bootstrap.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a tiny third-party backend plug-in at test time: Java sources compiled against the domain's
 * SPI, packed into a jar with (or without) its ServiceLoader registration — exactly what an outside
 * author would ship — and, for a fat jar, the classes of the jars it bundles.
 */
public final class PluginJars {

  private static final String ACME = "ACME in-house trace archive";

  /** The jackson-core some test plug-ins bundle: bootstrap's pom copies it ({@code plugin-test.jackson.version}). */
  public static final String BUNDLED_JACKSON_VERSION = "2.17.2";

  /**
   * An acme backend whose store knows two services and one trace. $NAME is its name; $DESCRIPTION the Java
   * expression of its description, evaluated when the provider is made (so a class it lacks fails discovery).
   */
  private static final String PROVIDER_TEMPLATE = """
      package com.acme.otelmcp;

      import dev.otelmcp.domain.model.*;
      import dev.otelmcp.domain.port.*;
      import dev.otelmcp.domain.query.*;
      import java.time.*;
      import java.util.*;

      public final class AcmeProvider implements TraceStoreProvider {
        private final String description = $DESCRIPTION;
        @Override public String name() { return "$NAME"; }
        @Override public String description() { return description; }
        @Override public TraceStore create(BackendSettings settings) { return new AcmeStore(settings.getString("url", "acme://local")); }
      }

      final class AcmeStore implements TraceStore {
        private final String url;
        AcmeStore(String url) { this.url = url; }
        private static final Trace TRACE = new Trace("00000000000000000000000000ac3e01", List.of(Span.builder()
            .traceId("00000000000000000000000000ac3e01").spanId("000000000000ac01").name("charge")
            .serviceName("acme-payments").startTime(Instant.parse("2026-11-22T10:00:00Z"))
            .duration(Duration.ofMillis(42)).build()));
        @Override public StoreCapabilities capabilities() { return new StoreCapabilities(f -> false, f -> false, false, 100, true); }
        @Override public List<String> listServices(TimeRange window) { return List.of("acme-checkout", "acme-payments"); }
        @Override public List<Operation> listOperations(String service, TimeRange window) { return List.of(Operation.named("charge")); }
        @Override public TraceSearchResult searchTraces(TraceQuery query) { return TraceSearchResult.of(List.of(TRACE), query.limit()); }
        @Override public Optional<Trace> getTrace(TraceId id) { return TRACE.traceId().equals(id.hex()) ? Optional.of(TRACE) : Optional.empty(); }
        @Override public HealthStatus health() { return HealthStatus.healthy(url); }
      }
      """;

  /** The description of a plug-in that names the jackson-core it sees ("jackson-core 2.17.2"). */
  private static final String JACKSON_DESCRIPTION =
      "\"jackson-core \" + com.fasterxml.jackson.core.json.PackageVersion.VERSION";

  private PluginJars() {}

  /** Compiles the acme provider and writes {@code acme-backend.jar} (with its services file) into {@code dir}. */
  public static Path acmeBackend(Path dir) throws IOException {
    return build(dir.resolve("acme-backend.jar"), "acme", quoted(ACME), true, List.of());
  }

  /** The same classes without the services file: a jar that registers nothing. */
  public static Path unregisteredBackend(Path dir) throws IOException {
    return build(dir.resolve("forgot-the-services-file.jar"), "acme", quoted(ACME), false, List.of());
  }

  /** The acme backend's classes (the same class names whatever the name) as backend {@code name}, in {@code jar}. */
  public static Path acmeBackend(Path jar, String name) throws IOException {
    return build(jar, name, quoted(ACME), true, List.of());
  }

  /**
   * The acme backend as {@code name}, described as "jackson-core " and the version of the jackson-core it sees,
   * with the classes of {@code bundled} inside its jar (a fat jar; none: it bundles no Jackson).
   */
  public static Path jacksonBackend(Path jar, String name, List<Path> bundled) throws IOException {
    return build(jar, name, JACKSON_DESCRIPTION, true, bundled);
  }

  /** A jar that holds nothing but a services file naming {@code providerClass}. */
  public static Path registrationOnly(Path jar, String providerClass) throws IOException {
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      register(out, providerClass);
    }
    return jar;
  }

  /** The jackson-core {@value #BUNDLED_JACKSON_VERSION} jar that Maven copied for the plug-in tests. */
  public static Path bundledJackson() {
    String jar = System.getProperty("otelmcp.test.jackson.jar");
    if (jar == null) {
      throw new IllegalStateException("otelmcp.test.jackson.jar is not set: bootstrap's pom sets it for the tests");
    }
    return Path.of(jar);
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  private static Path build(Path jar, String name, String description, boolean register, List<Path> bundled)
      throws IOException {
    Path work = Files.createTempDirectory("plugin-src");
    try {
      Path classes = compile(PROVIDER_TEMPLATE.replace("$NAME", name).replace("$DESCRIPTION", description), work);
      Files.createDirectories(jar.getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        Set<String> written = new HashSet<>();
        for (Path file : classFiles(classes)) {
          String entry = classes.relativize(file).toString().replace('\\', '/');
          written.add(entry);
          out.putNextEntry(new JarEntry(entry));
          Files.copy(file, out);
          out.closeEntry();
        }
        if (register) {
          register(out, "com.acme.otelmcp.AcmeProvider");
        }
        for (Path dependency : bundled) {
          copyEntries(dependency, out, written);
        }
      }
      return jar;
    } finally {
      deleteTree(work);
    }
  }

  private static Path compile(String source, Path work) throws IOException {
    Path sourceFile = work.resolve("com/acme/otelmcp/AcmeProvider.java");
    Files.createDirectories(sourceFile.getParent());
    Files.writeString(sourceFile, source);
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, System.err, "-d", classes.toString(),
        "-cp", System.getProperty("java.class.path"), "--release", "17", sourceFile.toString());
    if (status != 0) {
      throw new IllegalStateException("the test plug-in did not compile");
    }
    return classes;
  }

  /** A fat jar's part: the entries of a dependency's jar, but its manifest and what the jar holds already. */
  private static void copyEntries(Path dependency, JarOutputStream out, Set<String> written) throws IOException {
    try (JarFile in = new JarFile(dependency.toFile())) {
      for (JarEntry entry : Collections.list(in.entries())) {
        if (entry.getName().equals(JarFile.MANIFEST_NAME) || !written.add(entry.getName())) {
          continue;
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream content = in.getInputStream(entry)) {
          content.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  private static List<Path> classFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void register(JarOutputStream out, String providerClass) throws IOException {
    out.putNextEntry(new JarEntry(PluginDirectory.SERVICE_FILE));
    out.write((providerClass + "\n").getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
