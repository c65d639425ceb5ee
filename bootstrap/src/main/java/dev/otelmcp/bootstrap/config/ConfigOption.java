package dev.otelmcp.bootstrap.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting otel-mcp reads, with its command-line flag, environment variable and default. The table
 * is the single source for parsing, precedence (CLI &gt; environment &gt; .env &gt; default) and --help.
 */
public enum ConfigOption {
  BACKEND("--backend", "BACKEND_TYPE", "otlp", "Backend to read traces from (see the list below); otlp is the "
      + "built-in store, which needs no other process."),
  URL("--url", "BACKEND_URL", null, "Backend URL, e.g. http://localhost:16686 for Jaeger."),
  API_KEY("--api-key", "BACKEND_API_KEY", null, "API key / bearer token for the backend (never logged)."),
  HEADER("--header", "BACKEND_HEADERS", null, "Extra HTTP header K=V for backend requests; repeatable "
      + "(env: comma-separated K=V pairs)."),
  TIMEOUT("--timeout", "BACKEND_TIMEOUT", "30", "Backend request timeout: seconds, or 500ms / 10s / 1m."),
  CALL_TIMEOUT("--call-timeout", "OTEL_MCP_CALL_TIMEOUT", "60", "Time limit of one tool call: the answer comes "
      + "within it, partial (saying what it read) if the backend is too slow for all of it."),
  BACKEND_OPTION("--backend-option", null, null, "Backend-specific setting key=value; repeatable "
      + "(env: BACKEND_<KEY>, e.g. BACKEND_API_VERSION=v3)."),
  TRANSPORT("--transport", "MCP_TRANSPORT", "stdio", "MCP transport: stdio (for one assistant that starts "
      + "otel-mcp itself) or http (Streamable HTTP at /mcp, for many clients or a shared deployment)."),
  HOST("--host", "MCP_HOST", "127.0.0.1", "HTTP transport: address to listen on. Anything but loopback needs "
      + "--auth-token (or --insecure-no-auth)."),
  PORT("--port", "MCP_PORT", "8000", "HTTP transport: port to listen on."),
  AUTH_TOKEN("--auth-token", "MCP_AUTH_TOKEN", null, "HTTP transport: bearer token clients must send "
      + "(Authorization: Bearer <token>); at least 16 characters."),
  INSECURE_NO_AUTH("--insecure-no-auth", "MCP_INSECURE_NO_AUTH", null, "HTTP transport: serve a non-loopback address "
      + "WITHOUT a token, so that anyone reaching it reads every prompt in your traces (only on a network you trust)."),
  MAX_SESSIONS("--max-sessions", "MCP_MAX_SESSIONS", "100", "HTTP transport: most live sessions (503 beyond)."),
  SESSION_IDLE("--session-idle", "MCP_SESSION_IDLE", "30m", "HTTP transport: a session idle this long is closed."),
  ALLOWED_ORIGIN("--allowed-origin", "MCP_ALLOWED_ORIGINS", null, "HTTP transport: browser Origin allowed besides "
      + "loopback ones, e.g. https://app.example.com or http://dev-box:*; repeatable (env: comma-separated)."),
  ALLOWED_HOST("--allowed-host", "MCP_ALLOWED_HOSTS", null, "HTTP transport: Host header allowed besides loopback "
      + "and --host, e.g. otel-mcp.internal:*; repeatable (env: comma-separated)."),
  MAX_REQUEST_BYTES("--max-request-bytes", "MCP_MAX_REQUEST_BYTES", "4194304", "Largest client message: a stdio "
      + "line (a JSON-RPC error above it) or an HTTP request body (413 above it)."),
  TOOLS("--tools", "OTEL_MCP_TOOLS", null, "Serve only these tools, e.g. get_llm_usage,list_llm_models "
      + "(comma-separated; repeatable). The others are not listed and cannot be called."),
  DISABLE_TOOLS("--disable-tools", "OTEL_MCP_DISABLE_TOOLS", null, "Serve every tool but these "
      + "(comma-separated; repeatable); applied after --tools."),
  LOG_LEVEL("--log-level", "LOG_LEVEL", "INFO", "Log level on stderr: TRACE, DEBUG, INFO, WARN, ERROR."),
  PLUGINS_DIR("--plugins-dir", "OTEL_MCP_PLUGINS_DIR", null, "Directory of backend plug-ins, jars or "
      + "directories of jars (default: plugins/ next to the otel-mcp jar)."),
  MAX_ANSWER_TOKENS("--max-answer-tokens", "MAX_ANSWER_TOKENS", "20000", "Token budget of one tool answer "
      + "(characters / 4 of its text); longer answers are cut at item boundaries and continued by cursor."),
  PRICES("--prices", "OTEL_MCP_PRICES", null, "Price file (JSON or YAML: model pattern -> USD per million tokens) "
      + "that overrides the bundled genai-prices table: negotiated discounts, self-hosted models at 0."),
  MAX_TRACES_PER_QUERY("--max-traces-per-query", "MAX_TRACES_PER_QUERY", "20000",
      "Safety cap on the traces one tool call reads: LLM aggregates read their whole window up to it, searches "
      + "scan at most this many when filters are applied after fetching. An answer it cuts says so."),
  HYDRATION_CONCURRENCY("--hydration-concurrency", "HYDRATION_CONCURRENCY", "8",
      "How many traces are fetched in parallel when a backend returns summaries only."),
  OTLP_HOST("--otlp-host", "OTLP_HOST", "127.0.0.1", "Built-in store (backend otlp): address its OTLP/HTTP "
      + "receiver binds."),
  OTLP_PORT("--otlp-port", "OTLP_PORT", "4318", "Built-in store: OTLP/HTTP receiver port (POST /v1/traces, "
      + "protobuf or JSON); 0 = any free port, off = no receiver."),
  OTLP_AUTH_TOKEN("--otlp-auth-token", "OTLP_AUTH_TOKEN", null, "Built-in store: bearer token exporters must send "
      + "to the receiver (OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20<token>); at least 16 characters."),
  OTLP_ALLOWED_ORIGIN("--otlp-allowed-origin", "OTLP_ALLOWED_ORIGINS", null, "Built-in store: browser page allowed "
      + "to export to the receiver (CORS), e.g. http://localhost:*; repeatable. Other browser requests get 403."),
  LOAD("--load", "OTEL_MCP_LOAD", null, "Built-in store: OTLP/JSON file (.json, .jsonl, .gz) or directory of them to "
      + "load at start; repeatable (env: comma-separated)."),
  LOAD_REBASE("--load-rebase", "OTEL_MCP_LOAD_REBASE", null, "Built-in store: shift the times of --load files so "
      + "that their newest span ends now (demo data such as samples/; env: true)."),
  DATA_DIR("--data-dir", "OTEL_MCP_DATA_DIR", "~/.otel-mcp/data", "Built-in store: directory of the span log that "
      + "keeps received spans across restarts."),
  NO_PERSIST("--no-persist", "OTEL_MCP_NO_PERSIST", null, "Built-in store: keep received spans in memory only "
      + "(env: true)."),
  RETENTION("--retention", "OTEL_MCP_RETENTION", "7d", "Built-in store: drop spans received longer ago than this "
      + "(90m, 24h, 7d; off = keep)."),
  MAX_SPANS("--max-spans", "OTEL_MCP_MAX_SPANS", "1000000", "Built-in store: most spans kept; the oldest traces "
      + "go first (0 = no limit)."),
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
    return this == HEADER || this == BACKEND_OPTION || this == LOAD || this == ALLOWED_ORIGIN || this == ALLOWED_HOST
        || this == TOOLS || this == DISABLE_TOOLS;
  }

  /** Whether the flag is followed by a value; a flag without one ({@code --no-persist}) is a switch. */
  public boolean takesValue() {
    return this != NO_PERSIST && this != LOAD_REBASE && this != INSECURE_NO_AUTH;
  }

  public static Optional<ConfigOption> byFlag(String flag) {
    return Arrays.stream(values()).filter(o -> o.flag.equals(flag)).findFirst();
  }
}
