package dev.otelmcp.bootstrap.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The distribution zip unpacked as a user would, with what its launcher keeps about its class-data archive. */
public record UnpackedDistribution(Path home) {

  /** Unpacks {@code zip} (the launchers in bin/ executable) into {@code into}; returns the distribution's home. */
  public static UnpackedDistribution unpack(Path zip, Path into) throws IOException {
    try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("zip entry outside the target directory: " + entry.getName());
        }
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
    String name = zip.getFileName().toString();
    return new UnpackedDistribution(into.resolve(name.substring(0, name.length() - ".zip".length())));
  }

  public Path launcher() {
    return home.resolve("bin/otel-mcp");
  }

  public Path archive() {
    return home.resolve("lib/otel-mcp.jsa");
  }

  public Path seal() {
    return home.resolve("lib/otel-mcp.jsa.seal");
  }

  /**
   * Whether the launcher would use the archive: its seal ends with the archive's checksum as {@code cksum} gives it
   * (CRC and size), the way the launcher checks it.
   */
  public boolean archiveSealed() throws IOException, InterruptedException {
    if (!Files.isRegularFile(archive()) || !Files.isRegularFile(seal())) {
      return false;
    }
    List<String> lines = Files.readAllLines(seal());
    Process cksum = new ProcessBuilder("cksum").redirectInput(archive().toFile()).start();
    String sum = new String(cksum.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    return cksum.waitFor() == 0 && !lines.isEmpty() && lines.get(lines.size() - 1).equals(sum);
  }

  /** Waits until the launcher's training run in the background has made and sealed the archive. */
  public void awaitSealedArchive(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!archiveSealed()) {
      if (System.nanoTime() > deadline) {
        throw new IOException("no sealed class-data archive in " + home.resolve("lib") + " after " + timeout);
      }
      Thread.sleep(200);
    }
  }
}
