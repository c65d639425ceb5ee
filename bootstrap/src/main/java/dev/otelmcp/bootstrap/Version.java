package dev.otelmcp.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build was made from (filtered into the jar by Maven). */
final class Version {

  private Version() {}

  static String current() {
    try (InputStream in = Version.class.getResourceAsStream("otel-mcp-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
