package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.bootstrap.plugin.PluginJars;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution zip as a user unpacks it: the launcher runs, and plug-ins in its plugins/ are found. */
class DistributionIT {

  @TempDir
  Path tmp;

  @Test
  void theLauncherRunsAndFindsPluginsDroppedIntoTheDistribution() throws Exception {
    Path home = unzip(Path.of(System.getProperty("otelmcp.dist")), tmp).resolve("otel-mcp-" + version());
    PluginJars.acmeBackend(home.resolve("plugins"));

    ProcessBuilder launcher = new ProcessBuilder(home.resolve("bin/otel-mcp").toString(), "--help");
    launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = launcher.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isZero();
    assertThat(stdout).contains("Backends found:").contains("acme").contains("ACME in-house trace archive").contains("jaeger");
    assertThat(home.resolve("lib")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("otel-mcp-bootstrap-"));
  }

  private static String version() {
    String zip = Path.of(System.getProperty("otelmcp.dist")).getFileName().toString();
    return zip.substring("otel-mcp-".length(), zip.length() - ".zip".length());
  }

  private static Path unzip(Path zip, Path into) throws Exception {
    try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
          if (target.getParent().getFileName().toString().equals("bin")) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
        }
      }
    }
    return into;
  }
}
