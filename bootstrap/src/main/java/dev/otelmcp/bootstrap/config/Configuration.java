package dev.otelmcp.bootstrap.config;

import dev.otelmcp.adapters.mcp.http.HttpSettings;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.domain.access.AccessToken;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved configuration: command line over environment over {@code .env} over defaults.
 */
public final class Configuration {

  private static final String BACKEND_ENV_PREFIX = "BACKEND_";

  private final Map<ConfigOption, List<String>> cli;
  private final Map<String, String> environment;
  private final Map<String, String> dotEnv;
  private final boolean help;
  private final boolean version;

  private Configuration(Map<ConfigOption, List<String>> cli, Map<String, String> environment,
      Map<String, String> dotEnv, boolean help, boolean version) {
    this.cli = cli;
    this.environment = environment;
    this.dotEnv = dotEnv;
    this.help = help;
    this.version = version;
  }

  /**
   * @param workingDirectory where a relative {@code --env-file} (default {@code .env}) is looked up
   * @throws ConfigurationException for an unknown flag or a flag without its value
   */
  public static Configuration parse(String[] args, Map<String, String> environment, Path workingDirectory) {
    Map<ConfigOption, List<String>> cli = new EnumMap<>(ConfigOption.class);
    boolean help = false;
    boolean version = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (arg.equals("--version") || arg.equals("-V")) {
        version = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String flag = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      ConfigOption option = ConfigOption.byFlag(flag)
          .orElseThrow(() -> new ConfigurationException("unknown option " + flag + " (see --help)"));
      String value;
      if (arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
      } else if (!option.takesValue()) {
        value = "true";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new ConfigurationException("option " + flag + " needs a value (see --help)");
      }
      List<String> values = cli.computeIfAbsent(option, k -> new ArrayList<>());
      if (!option.repeatable()) {
        values.clear();
      }
      values.add(value);
    }
    Configuration withoutDotEnv = new Configuration(cli, Map.copyOf(environment), Map.of(), help, version);
    Path envFile = workingDirectory.resolve(withoutDotEnv.get(ConfigOption.ENV_FILE).orElse(".env"));
    return new Configuration(cli, Map.copyOf(environment), DotEnv.read(envFile), help, version);
  }

  public boolean helpRequested() {
    return help;
  }

  public boolean versionRequested() {
    return version;
  }

  /** The effective value of a single-valued option. */
  public Optional<String> get(ConfigOption option) {
    List<String> fromCli = cli.get(option);
    if (fromCli != null && !fromCli.isEmpty()) {
      return Optional.of(fromCli.get(fromCli.size() - 1));
    }
    return fromEnvironment(option).or(option::defaultValue);
  }

  /** The values of a repeatable option: the command line's if given, else the comma-separated env value. */
  public List<String> getAll(ConfigOption option) {
    List<String> fromCli = cli.get(option);
    if (fromCli != null && !fromCli.isEmpty()) {
      return List.copyOf(fromCli);
    }
    return fromEnvironment(option)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  public String backendName() {
    return get(ConfigOption.BACKEND).orElseThrow().strip().toLowerCase(Locale.ROOT);
  }

  /** Settings handed to the selected backend's provider. */
  public MapBackendSettings backendSettings() {
    Map<String, String> values = new LinkedHashMap<>();
    // BACKEND_<KEY> from .env, then the environment, then --backend-option: later sources win.
    for (Map<String, String> source : List.of(dotEnv, environment)) {
      source.forEach((name, value) -> {
        if (name.startsWith(BACKEND_ENV_PREFIX) && !isNamedOption(name)) {
          values.put(name.substring(BACKEND_ENV_PREFIX.length()).toLowerCase(Locale.ROOT), value);
        }
      });
    }
    for (String pair : getAll(ConfigOption.BACKEND_OPTION)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new ConfigurationException("--backend-option needs key=value, got '" + pair + "'");
      }
      values.put(pair.substring(0, eq).strip().toLowerCase(Locale.ROOT), pair.substring(eq + 1).strip());
    }
    get(ConfigOption.URL).ifPresent(v -> values.put(MapBackendSettings.URL, v));
    get(ConfigOption.API_KEY).ifPresent(v -> values.put(MapBackendSettings.API_KEY, v));
    get(ConfigOption.TIMEOUT).ifPresent(v -> values.put(MapBackendSettings.TIMEOUT, v));
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header : getAll(ConfigOption.HEADER)) {
      int eq = header.indexOf('=');
      if (eq <= 0) {
        throw new ConfigurationException("--header needs Name=Value, got '" + header + "'");
      }
      headers.put(header.substring(0, eq).strip(), header.substring(eq + 1).strip());
    }
    values.put(MapBackendSettings.HYDRATION_CONCURRENCY, String.valueOf(applicationSettings().hydrationConcurrency()));
    builtInStoreSettings(values);
    return new MapBackendSettings(values, headers);
  }

  /** The built-in store's keys: given options override {@code BACKEND_<KEY>}, defaults do not. */
  private void builtInStoreSettings(Map<String, String> values) {
    pass(values, ConfigOption.OTLP_HOST, "otlp_host");
    pass(values, ConfigOption.OTLP_PORT, "otlp_port");
    pass(values, ConfigOption.DATA_DIR, "data_dir");
    pass(values, ConfigOption.RETENTION, "retention");
    pass(values, ConfigOption.MAX_SPANS, "max_spans");
    pass(values, ConfigOption.OTLP_AUTH_TOKEN, "otlp_auth_token");
    List<String> origins = getAll(ConfigOption.OTLP_ALLOWED_ORIGIN);
    if (!origins.isEmpty()) {
      values.put("otlp_allowed_origins", String.join(",", origins));
    }
    List<String> load = getAll(ConfigOption.LOAD);
    if (!load.isEmpty()) {
      values.put("load", String.join(",", load));
    }
    if (isSet(ConfigOption.LOAD_REBASE)) {
      values.put("load_rebase", "true");
    }
    if (isSet(ConfigOption.NO_PERSIST)) {
      values.put("persist", "false");
    }
  }

  private void pass(Map<String, String> values, ConfigOption option, String key) {
    boolean given = (cli.containsKey(option) && !cli.get(option).isEmpty()) || fromEnvironment(option).isPresent();
    Optional<String> value = get(option);
    if (value.isPresent()) {
      if (given) {
        values.put(key, value.get());
      } else {
        values.putIfAbsent(key, value.get());
      }
    }
  }

  /** Whether a switch is on: given on the command line, or its variable is true/1/yes. */
  public boolean isSet(ConfigOption option) {
    return get(option).map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new ConfigurationException(option.flag() + option.envVar().map(e -> " / " + e).orElse("")
          + " must be true or false, got '" + v + "'");
    }).orElse(false);
  }

  public ApplicationSettings applicationSettings() {
    return new ApplicationSettings(
        ApplicationSettings.DEFAULTS.defaultWindow(),
        positiveInt(ConfigOption.MAX_TRACES_PER_QUERY),
        positiveInt(ConfigOption.HYDRATION_CONCURRENCY),
        ApplicationSettings.DEFAULTS.stackTraceChars());
  }

  /** The token budget of one answer (--max-answer-tokens), at least 500 tokens. */
  public int maxAnswerTokens() {
    return intIn(ConfigOption.MAX_ANSWER_TOKENS, 500, 1_000_000);
  }

  /** The largest client message, on stdio or HTTP (--max-request-bytes). */
  public int maxMessageBytes() {
    return intIn(ConfigOption.MAX_REQUEST_BYTES, 1_024, Integer.MAX_VALUE - 8);
  }

  /** The time limit of one tool call (--call-timeout), a second to an hour. */
  public Duration callTimeout() {
    Duration timeout = MapBackendSettings.parseDuration(ConfigOption.CALL_TIMEOUT.flag(),
        get(ConfigOption.CALL_TIMEOUT).orElseThrow());
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new ConfigurationException(ConfigOption.CALL_TIMEOUT.flag() + " must be between 1s and 1h, got "
          + get(ConfigOption.CALL_TIMEOUT).orElseThrow());
    }
    return timeout;
  }

  /** The HTTP transport's settings (--host, --port, --auth-token, allow-lists, size limit). */
  public HttpSettings httpSettings() {
    int port = intIn(ConfigOption.PORT, 0, 65_535);
    int maxBytes = intIn(ConfigOption.MAX_REQUEST_BYTES, 1_024, Integer.MAX_VALUE);
    Duration idle = MapBackendSettings.parseDuration(ConfigOption.SESSION_IDLE.flag(),
        get(ConfigOption.SESSION_IDLE).orElseThrow());
    try {
      HttpSettings settings = new HttpSettings(get(ConfigOption.HOST).orElseThrow(), port,
          get(ConfigOption.AUTH_TOKEN).filter(t -> !t.isBlank()).map(t -> AccessToken.of(t, "--auth-token")).orElse(null),
          getAll(ConfigOption.ALLOWED_ORIGIN), getAll(ConfigOption.ALLOWED_HOST),
          maxBytes, positiveInt(ConfigOption.MAX_SESSIONS), idle, isSet(ConfigOption.INSECURE_NO_AUTH));
      settings.requireAuthBeyondLoopback();
      return settings;
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  public Duration timeout() {
    return MapBackendSettings.parseDuration(ConfigOption.TIMEOUT.flag(), get(ConfigOption.TIMEOUT).orElseThrow());
  }

  private int intIn(ConfigOption option, int min, int max) {
    String raw = get(option).orElseThrow();
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    String range = min == 1 && max == Integer.MAX_VALUE ? "a positive integer" : "an integer from " + min + " to " + max;
    throw new ConfigurationException(option.flag() + option.envVar().map(v -> " / " + v).orElse("")
        + " must be " + range + ", got '" + raw + "'");
  }

  private int positiveInt(ConfigOption option) {
    return intIn(option, 1, Integer.MAX_VALUE);
  }

  private Optional<String> fromEnvironment(ConfigOption option) {
    if (option.envVar().isEmpty()) {
      return Optional.empty();
    }
    String name = option.envVar().get();
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      value = dotEnv.get(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static boolean isNamedOption(String envName) {
    return Arrays.stream(ConfigOption.values()).anyMatch(o -> o.envVar().filter(envName::equals).isPresent());
  }
}
