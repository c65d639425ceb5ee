package dev.otelmcp.bootstrap.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting otel-mcp reads, with its command-line flag, environment variable and default. The table
 * is the single source for parsing, precedence (CLI &gt; environment &gt; .env &gt; default) and --help.
 */
public enum ConfigOption {
  BACKEND("--backend", "BACKEND_TYPE", "jaeger", "Backend to read traces from (see the list below)."),
  URL("--url", "BACKEND_URL", null, "Backend URL, e.g. http://localhost:16686 for Jaeger."),
  API_KEY("--api-key", "BACKEND_API_KEY", null, "API key / bearer token for the backend (never logged)."),
  HEADER("--header", "BACKEND_HEADERS", null, "Extra HTTP header K=V for backend requests; repeatable "
      + "(env: comma-separated K=V pairs)."),
  TIMEOUT("--timeout", "BACKEND_TIMEOUT", "30", "Backend request timeout: seconds, or 500ms / 10s / 1m."),
  BACKEND_OPTION("--backend-option", null, null, "Backend-specific setting key=value; repeatable "
      + "(env: BACKEND_<KEY>, e.g. BACKEND_API_VERSION=v3)."),
  TRANSPORT("--transport", "MCP_TRANSPORT", "stdio", "MCP transport: stdio."),
  LOG_LEVEL("--log-level", "LOG_LEVEL", "INFO", "Log level on stderr: TRACE, DEBUG, INFO, WARN, ERROR."),
  PLUGINS_DIR("--plugins-dir", "OTEL_MCP_PLUGINS_DIR", null, "Directory of backend plug-in jars "
      + "(default: plugins/ next to the otel-mcp jar)."),
  MAX_TRACES_PER_QUERY("--max-traces-per-query", "MAX_TRACES_PER_QUERY", "1000",
      "Most traces one tool call may scan when filters are applied after fetching."),
  HYDRATION_CONCURRENCY("--hydration-concurrency", "HYDRATION_CONCURRENCY", "8",
      "How many traces are fetched in parallel when a backend returns summaries only."),
  ENV_FILE("--env-file", null, ".env", "File of KEY=VALUE lines read before the environment's defaults.");

  private final String flag;
  private final String envVar;
  private final String defaultValue;
  private final String help;

  ConfigOption(String flag, String envVar, String defaultValue, String help) {
    this.flag = flag;
    this.envVar = envVar;
    this.defaultValue = defaultValue;
    this.help = help;
  }

  public String flag() {
    return flag;
  }

  public Optional<String> envVar() {
    return Optional.ofNullable(envVar);
  }

  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  public String help() {
    return help;
  }

  /** Options that may be given more than once. */
  public boolean repeatable() {
    return this == HEADER || this == BACKEND_OPTION;
  }

  public static Optional<ConfigOption> byFlag(String flag) {
    return Arrays.stream(values()).filter(o -> o.flag.equals(flag)).findFirst();
  }
}
