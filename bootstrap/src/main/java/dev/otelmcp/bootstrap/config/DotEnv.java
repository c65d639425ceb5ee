package dev.otelmcp.bootstrap.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file: {@code KEY=VALUE} lines, {@code #} comments, optional {@code export}
 * prefix, values optionally in single or double quotes. A missing file is an empty one.
 */
public final class DotEnv {

  private DotEnv() {}

  public static Map<String, String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
    }
    return values;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && ((value.startsWith("\"") && value.endsWith("\"")) || (value.startsWith("'") && value.endsWith("'")))) {
      return value.substring(1, value.length() - 1);
    }
    int comment = value.indexOf(" #");
    return comment >= 0 ? value.substring(0, comment).strip() : value;
  }
}
