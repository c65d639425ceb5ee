package dev.otelmcp.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.bootstrap.plugin.PluginJars;
import dev.otelmcp.bootstrap.startup.UnpackedDistribution;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution zip as a user unpacks it: the launcher runs, and plug-ins in its plugins/ are found. */
class DistributionIT {

  @TempDir
  Path tmp;

  @Test
  void theLauncherRunsAndFindsPluginsDroppedIntoTheDistribution() throws Exception {
    Path home = UnpackedDistribution.unpack(Path.of(System.getProperty("otelmcp.dist")), tmp).home();
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
}
