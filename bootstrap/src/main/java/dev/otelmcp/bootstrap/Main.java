package dev.otelmcp.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.adapters.mcp.Extensions;
import dev.otelmcp.adapters.mcp.McpServerFactory;
import dev.otelmcp.adapters.mcp.http.HttpSettings;
import dev.otelmcp.adapters.mcp.protocol.ProtocolWarmUp;
import dev.otelmcp.adapters.pricing.PriceBooks;
import dev.otelmcp.bootstrap.config.ConfigOption;
import dev.otelmcp.bootstrap.config.Configuration;
import dev.otelmcp.bootstrap.config.ConfigurationException;
import dev.otelmcp.bootstrap.config.MapBackendSettings;
import dev.otelmcp.bootstrap.config.ToolSelection;
import dev.otelmcp.bootstrap.plugin.BackendCatalog;
import dev.otelmcp.bootstrap.startup.CoreStart;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.port.TraceStoreProvider;
import dev.otelmcp.domain.pricing.PriceBook;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point. Stdout is the MCP protocol channel: it is captured first and handed to the transport, and
 * {@code System.out} is pointed at stderr so that nothing else can ever write to it.
 */
public final class Main {

  static final int EXIT_CONFIGURATION = 2;
  private static final Started CONFIGURATION_ERROR = new Started.Exit(EXIT_CONFIGURATION);
  /** The latest the core is built on stdio when the client sends nothing (the built-in store's receiver waits for it). */
  static final Duration CORE_START_DELAY = Duration.ofSeconds(1);

  private Main() {}

  public static void main(String[] args) {
    run(args, Extensions.NONE);
  }

  /** Runs otel-mcp as {@link #main} does, with prompts and resources beside its own (the conformance fixtures). */
  static void run(String[] args, Extensions extensions) {
    PrintStream protocolOut = System.out;
    System.setOut(System.err);
    Started started = start(args, System.getenv(), Path.of("").toAbsolutePath(), System.in, protocolOut, extensions);
    if (started instanceof Started.Exit exit) {
      protocolOut.flush();
      System.exit(exit.status());
    } else if (started instanceof Started.ServingHttp) {
      waitForever();
    }
    // Serving stdio: the server runs on its own (non-daemon) threads until stdin closes.
  }

  /** Starts otel-mcp: a server is running, or the process should end now (help, version, a configuration error). */
  static Started start(String[] args, Map<String, String> env, Path workingDir, InputStream in,
      PrintStream protocolOut) {
    return start(args, env, workingDir, in, protocolOut, Extensions.NONE);
  }

  /** @param extensions prompts and resources served beside otel-mcp's own (the conformance run's fixtures) */
  static Started start(String[] args, Map<String, String> env, Path workingDir, InputStream in,
      PrintStream protocolOut, Extensions extensions) {
    Configuration config;
    try {
      config = Configuration.parse(args, env, workingDir);
    } catch (ConfigurationException e) {
      System.err.println("otel-mcp: " + e.getMessage());
      return CONFIGURATION_ERROR;
    }
    String version = Version.current();
    if (config.versionRequested()) {
      protocolOut.println("otel-mcp " + version);
      return new Started.Exit(0);
    }
    Logging.configure(config.get(ConfigOption.LOG_LEVEL).orElse("INFO"));
    ObjectMapper protocolMapper = config.helpRequested() ? new ObjectMapper()
        : ProtocolWarmUp.start(McpServerFactory.SERVER_NAME, version);
    Logger log = LoggerFactory.getLogger(Main.class);
    BackendCatalog catalog = BackendCatalog.discover(pluginsDir(config), Main.class.getClassLoader());
    catalog.problems().forEach(problem -> log.warn("{}", problem));
    if (config.helpRequested()) {
      protocolOut.print(Usage.text(version, catalog.providers()));
      return new Started.Exit(0);
    }
    try {
      HttpSettings http = transport(config).equals("http") ? config.httpSettings() : null;
      String backend = config.backendName();
      TraceStoreProvider provider = catalog.find(backend).orElseThrow(() -> new ConfigurationException(
          "unknown backend '" + backend + "'; available backends: " + String.join(", ", catalog.names())
              + " (set --backend or BACKEND_TYPE)"));
      MapBackendSettings backendSettings = config.backendSettings();
      CoreStart core = CoreStart.of(() -> provider.create(backendSettings), () -> prices(config),
          config.applicationSettings(), Clock.systemUTC());
      Serving serving = new Serving(backend, ToolSelection.from(config), version, config.maxAnswerTokens(),
          config.callTimeout(), config.maxMessageBytes(), protocolMapper, extensions);
      AutoCloseable server = http != null ? serving.overHttp(core, http)
          : serving.overStdio(core, in, protocolOut, CORE_START_DELAY);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        closeQuietly(server);
        core.close();
      }, "otelmcp-shutdown"));
      return http != null ? new Started.ServingHttp() : new Started.ServingStdio();
    } catch (CoreStart.StartFailure e) {
      System.err.println(failureMessage(e.getCause()));
      return CONFIGURATION_ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CONFIGURATION_ERROR;
    } catch (ConfigurationException | OtelMcpException | IllegalArgumentException e) {
      System.err.println("otel-mcp: " + e.getMessage());
      return CONFIGURATION_ERROR;
    } catch (Exception e) {
      // Jetty reports an address in use or a forbidden port this way.
      System.err.println("otel-mcp: cannot start the HTTP transport: " + e.getMessage());
      return CONFIGURATION_ERROR;
    }
  }

  /** {@code stdio} or {@code http}. */
  private static String transport(Configuration config) {
    String transport = config.get(ConfigOption.TRANSPORT).orElseThrow().strip().toLowerCase(java.util.Locale.ROOT);
    if (!transport.equals("stdio") && !transport.equals("http")) {
      throw new ConfigurationException("unknown transport '" + transport + "'; use stdio or http");
    }
    return transport;
  }

  /** What a failed start says on stderr: a configuration error as it is, anything else with its type. */
  static String failureMessage(Throwable failure) {
    if (failure instanceof ConfigurationException || failure instanceof OtelMcpException
        || failure instanceof IllegalArgumentException) {
      return "otel-mcp: " + failure.getMessage();
    }
    return "otel-mcp: cannot start the backend: " + failure;
  }

  /** The bundled price table, under the operator's price file when one is given (a bad file stops the start). */
  private static PriceBook prices(Configuration config) {
    Optional<String> file = config.get(ConfigOption.PRICES);
    try {
      return PriceBooks.load(file.map(Path::of).orElse(null));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--prices: " + e.getMessage());
    }
  }

  /** Keeps the process alive until it is stopped (SIGTERM/SIGINT run the shutdown hook). */
  private static void waitForever() {
    try {
      new java.util.concurrent.CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      System.err.println("otel-mcp: while stopping: " + e);
    }
  }

  /** The configured plug-in directory, else {@code plugins/} next to the jar otel-mcp runs from. */
  private static Optional<Path> pluginsDir(Configuration config) {
    Optional<String> configured = config.get(ConfigOption.PLUGINS_DIR);
    if (configured.isPresent()) {
      return configured.map(Path::of);
    }
    try {
      Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return location.toString().endsWith(".jar") ? Optional.of(location.getParent().resolve("plugins")) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
