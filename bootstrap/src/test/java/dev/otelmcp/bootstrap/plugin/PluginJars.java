package dev.otelmcp.bootstrap.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a tiny third-party backend plug-in at test time: Java sources compiled against the domain's
 * SPI, packed into a jar with (or without) its ServiceLoader registration — exactly what an outside
 * author would ship.
 */
public final class PluginJars {

  /** An "acme" backend whose store knows two services and one trace. */
  public static final String PROVIDER_SOURCE = """
      package com.acme.otelmcp;

      import dev.otelmcp.domain.model.*;
      import dev.otelmcp.domain.port.*;
      import dev.otelmcp.domain.query.*;
      import java.time.*;
      import java.util.*;

      public final class AcmeProvider implements TraceStoreProvider {
        @Override public String name() { return "acme"; }
        @Override public String description() { return "ACME in-house trace archive"; }
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
        @Override public Optional<Trace> getTrace(String id) { return TRACE.traceId().equals(id) ? Optional.of(TRACE) : Optional.empty(); }
        @Override public HealthStatus health() { return HealthStatus.healthy(url); }
      }
      """;

  private PluginJars() {}

  /** Compiles the acme provider and writes {@code acme-backend.jar} (with its services file) into {@code dir}. */
  public static Path acmeBackend(Path dir) throws IOException {
    return build(dir, "acme-backend.jar", true);
  }

  /** The same classes without the services file: a jar that registers nothing. */
  public static Path unregisteredBackend(Path dir) throws IOException {
    return build(dir, "forgot-the-services-file.jar", false);
  }

  private static Path build(Path dir, String jarName, boolean register) throws IOException {
    Path work = Files.createTempDirectory(dir.getParent() == null ? dir : dir.getParent(), "plugin-src");
    Path source = work.resolve("com/acme/otelmcp/AcmeProvider.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, PROVIDER_SOURCE);
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, System.err, "-d", classes.toString(),
        "-cp", System.getProperty("java.class.path"), "--release", "17", source.toString());
    if (status != 0) {
      throw new IllegalStateException("the test plug-in did not compile");
    }
    Files.createDirectories(dir);
    Path jar = dir.resolve(jarName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(classes)) {
        files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
      }
      for (Path file : files) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
      if (register) {
        out.putNextEntry(new JarEntry(BackendCatalog.SERVICE_FILE));
        writeLine(out, "com.acme.otelmcp.AcmeProvider");
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void writeLine(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
