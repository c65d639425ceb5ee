package dev.otelmcp.bootstrap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * autotel-mcp, the peer the benchmark compares with, installed with npm into a directory of the build's own
 * ({@code bootstrap/target/…}) the first time it is needed: nothing of it is committed, and nothing of the Maven
 * build or CI depends on it. npm uses whatever registry the machine is configured for.
 */
final class AutotelInstall {

  static final String PACKAGE = "autotel-mcp";

  private AutotelInstall() {}

  /** The package's directory under {@code prefix}, installing {@code version} there first when it is absent. */
  static Path ensure(Path prefix, String version) throws IOException, InterruptedException {
    Path home = prefix.resolve("node_modules").resolve(PACKAGE);
    if (!version.equals(installedVersion(home))) {
      Files.createDirectories(prefix);
      System.out.printf("installing %s@%s with npm into %s%n", PACKAGE, version, prefix);
      Process npm = new ProcessBuilder(List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit",
          "--no-fund", "--no-save", PACKAGE + "@" + version)).inheritIO().start();
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroyForcibly();
        throw new IllegalStateException("npm install " + PACKAGE + "@" + version + " failed");
      }
      if (!version.equals(installedVersion(home))) {
        throw new IllegalStateException("npm installed " + installedVersion(home) + ", not " + version);
      }
    }
    return home;
  }

  /** The command that runs it over stdio: node and the package's own bin script. */
  static List<String> command(Path home) {
    return List.of("node", home.resolve("bin").resolve(PACKAGE).toString());
  }

  private static String installedVersion(Path home) throws IOException {
    Path manifest = home.resolve("package.json");
    if (!Files.isRegularFile(manifest)) {
      return null;
    }
    return new ObjectMapper().readTree(manifest.toFile()).path("version").asText();
  }
}
