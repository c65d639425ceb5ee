package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.access.AccessToken;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.port.BackendSettings;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in store's settings, read from {@link BackendSettings} keys (bootstrap maps its flags onto them;
 * {@code BACKEND_<KEY>} and {@code --backend-option key=value} work too).
 *
 * @param host address the OTLP/HTTP receiver binds ({@code otlp_host}, default 127.0.0.1)
 * @param port its port ({@code otlp_port}, default 4318; 0 picks a free one; empty when {@code off})
 * @param load OTLP/JSON files or directories to load at start ({@code load}, comma- or path-separator-separated)
 * @param loadRebase whether loaded spans are shifted in time so that the newest ends now ({@code load_rebase})
 * @param dataDir where the log lives ({@code data_dir}, default ~/.otel-mcp/data); empty when {@code persist=false}
 * @param fsync whether every append is forced to disk ({@code fsync}, default false: safe against a killed process)
 * @param retention how long spans are kept after they arrive ({@code retention}, default 7d; empty when 0/off)
 * @param maxSpans most spans held, oldest dropped first ({@code max_spans}, default 1,000,000; 0 = no limit)
 * @param maxBodyBytes largest request body, compressed or not ({@code max_body_bytes}, default 20 MiB)
 * @param access who may send to the receiver ({@code otlp_auth_token}, {@code otlp_allowed_origins})
 */
public record OtlpStoreConfig(
    String host,
    Optional<Integer> port,
    List<Path> load,
    boolean loadRebase,
    Optional<Path> dataDir,
    boolean fsync,
    Optional<Duration> retention,
    long maxSpans,
    int maxBodyBytes,
    ReceiverAccess access) {

  public static final String HOST = "otlp_host";
  public static final String PORT = "otlp_port";
  public static final String LOAD = "load";
  public static final String LOAD_REBASE = "load_rebase";
  public static final String DATA_DIR = "data_dir";
  public static final String PERSIST = "persist";
  public static final String FSYNC = "fsync";
  public static final String RETENTION = "retention";
  public static final String MAX_SPANS = "max_spans";
  public static final String MAX_BODY_BYTES = "max_body_bytes";
  public static final String AUTH_TOKEN = "otlp_auth_token";
  public static final String ALLOWED_ORIGINS = "otlp_allowed_origins";

  public static final int DEFAULT_PORT = 4318;
  public static final long DEFAULT_MAX_SPANS = 1_000_000;
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
  public static final int DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

  private static final Pattern DURATION = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?$");

  public OtlpStoreConfig {
    load = List.copyOf(load);
  }

  /** The default data directory: {@code ~/.otel-mcp/data}. */
  public static Path defaultDataDir() {
    return Path.of(System.getProperty("user.home"), ".otel-mcp", "data");
  }

  /** @throws InvalidQueryException naming the setting that is malformed */
  public static OtlpStoreConfig from(BackendSettings settings) {
    String host = settings.getString(HOST, "127.0.0.1");
    Optional<Integer> port = port(settings.getString(PORT, String.valueOf(DEFAULT_PORT)));
    List<Path> load = new ArrayList<>();
    settings.getString(LOAD).ifPresent(raw -> {
      for (String part : raw.split("[," + Pattern.quote(File.pathSeparator) + "]")) {
        if (!part.isBlank()) {
          load.add(Path.of(part.strip()));
        }
      }
    });
    boolean persist = bool(settings, PERSIST, true);
    Optional<Path> dataDir = persist
        ? Optional.of(settings.getString(DATA_DIR).map(OtlpStoreConfig::expandHome).orElseGet(OtlpStoreConfig::defaultDataDir))
        : Optional.empty();
    Optional<Duration> retention = settings.getString(RETENTION).map(OtlpStoreConfig::retention)
        .orElse(Optional.of(DEFAULT_RETENTION));
    long maxSpans = nonNegative(settings, MAX_SPANS, DEFAULT_MAX_SPANS);
    long maxBody = nonNegative(settings, MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES);
    if (maxBody < 1024 || maxBody > Integer.MAX_VALUE - 8) {
      throw invalid(MAX_BODY_BYTES, String.valueOf(maxBody), "a byte count between 1024 and 2147483639");
    }
    return new OtlpStoreConfig(host, port, load, bool(settings, LOAD_REBASE, false), dataDir,
        bool(settings, FSYNC, false), retention, maxSpans, (int) maxBody, access(settings));
  }

  private static ReceiverAccess access(BackendSettings settings) {
    Optional<AccessToken> token;
    try {
      token = settings.getString(AUTH_TOKEN).filter(t -> !t.isBlank()).map(t -> AccessToken.of(t, "--otlp-auth-token"));
    } catch (IllegalArgumentException tooShort) {
      throw new InvalidQueryException(tooShort.getMessage(), "Fix the setting (see --help).");
    }
    List<String> origins = settings.getString(ALLOWED_ORIGINS).map(raw -> List.of(raw.split(","))).orElse(List.of());
    return new ReceiverAccess(token, origins);
  }

  private static Optional<Integer> port(String raw) {
    String value = raw.strip().toLowerCase(Locale.ROOT);
    if (value.equals("off") || value.equals("none") || value.equals("-1")) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return Optional.of(port);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(PORT, raw, "a port number 0-65535 (0 picks a free port), or off");
  }

  private static Optional<Duration> retention(String raw) {
    String value = raw.strip().toLowerCase(Locale.ROOT);
    if (value.equals("off") || value.equals("0") || value.equals("none")) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw invalid(RETENTION, raw, "a duration such as 7d, 24h, 90m or 3600 (seconds), or off");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = amount * switch (unit) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m" -> 60_000;
      case "h" -> 3_600_000;
      default -> 86_400_000;
    };
    return Optional.of(Duration.ofMillis(Math.max(1, Math.round(millis))));
  }

  private static long nonNegative(BackendSettings settings, String key, long defaultValue) {
    Optional<String> raw = settings.getString(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(raw.get().strip().replace("_", ""));
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, raw.get(), "a whole number, 0 or more");
  }

  private static boolean bool(BackendSettings settings, String key, boolean defaultValue) {
    Optional<String> raw = settings.getString(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    String value = raw.get().strip().toLowerCase(Locale.ROOT);
    if (List.of("true", "1", "yes", "on").contains(value)) {
      return true;
    }
    if (List.of("false", "0", "no", "off").contains(value)) {
      return false;
    }
    throw invalid(key, raw.get(), "true or false");
  }

  private static Path expandHome(String raw) {
    String value = raw.strip();
    if (value.equals("~") || value.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + value.substring(1));
    }
    return Path.of(value);
  }

  private static InvalidQueryException invalid(String key, String raw, String expected) {
    return new InvalidQueryException("setting '" + key + "' must be " + expected + ", got '" + raw + "'",
        "Fix the setting (see --help).");
  }
}
