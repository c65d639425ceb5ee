package dev.otelmcp.bootstrap;

import dev.otelmcp.bootstrap.config.ConfigOption;
import dev.otelmcp.domain.port.TraceStoreProvider;
import java.util.Map;

/** The --help text, generated from the option table and the discovered backends. */
final class Usage {

  private Usage() {}

  static String text(String version, Map<String, TraceStoreProvider> backends) {
    StringBuilder out = new StringBuilder();
    out.append("otel-mcp ").append(version).append(" - MCP server for OpenTelemetry traces of LLM applications\n\n")
        .append("Usage: java -jar otel-mcp.jar [options]\n\n")
        .append("Serves MCP over stdio; point an MCP client (Claude, Cursor, ...) at this command.\n")
        .append("Precedence: command line > environment > .env file > defaults.\n\nOptions:\n");
    for (ConfigOption option : ConfigOption.values()) {
      String flag = option.flag() + (option.takesValue() ? " <value>" : "") + (option.repeatable() ? " ..." : "");
      out.append(String.format("  %-34s %s%n", flag, option.help()));
      StringBuilder meta = new StringBuilder();
      option.envVar().ifPresent(env -> meta.append("env ").append(env));
      option.defaultValue().ifPresent(d -> meta.append(meta.length() > 0 ? ", " : "").append("default ").append(d));
      if (meta.length() > 0) {
        out.append(String.format("  %-34s (%s)%n", "", meta));
      }
    }
    out.append(String.format("  %-34s %s%n", "-h, --help", "Show this help and exit."))
        .append(String.format("  %-34s %s%n", "-V, --version", "Print the version and exit."))
        .append("\nBackends found:\n");
    backends.forEach((name, provider) -> out.append(String.format("  %-12s %s%n", name, provider.description())));
    if (backends.isEmpty()) {
      out.append("  (none)\n");
    }
    return out.toString();
  }
}
