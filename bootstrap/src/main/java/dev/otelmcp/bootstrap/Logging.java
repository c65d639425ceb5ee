package dev.otelmcp.bootstrap;

import java.util.Locale;
import java.util.Set;

/**
 * Configures slf4j-simple before the first logger exists: everything to stderr (stdout carries the MCP
 * protocol), one line per event with a timestamp.
 */
final class Logging {

  private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

  private Logging() {}

  static void configure(String level) {
    String normalized = level == null ? "info" : level.strip().toLowerCase(Locale.ROOT);
    if (normalized.equals("warning")) {
      normalized = "warn";
    }
    if (!LEVELS.contains(normalized)) {
      normalized = "info";
    }
    // Named, so that slf4j does not search the class path for a provider at start (slf4j-simple is the one bound).
    setIfAbsent("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
    setIfAbsent("slf4j.internal.verbosity", "WARN");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", normalized);
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    // The SDK and HTTP client libraries are chatty at DEBUG; keep them at INFO unless asked for TRACE.
    if (!normalized.equals("trace")) {
      setIfAbsent("org.slf4j.simpleLogger.log.io.modelcontextprotocol", normalized.equals("debug") ? "info" : normalized);
      setIfAbsent("org.slf4j.simpleLogger.log.reactor", "warn");
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
