package dev.otelmcp.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.adapters.mcp.Extensions;
import dev.otelmcp.adapters.mcp.McpServerFactory;
import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.http.HttpSettings;
import dev.otelmcp.adapters.mcp.http.McpHttpServer;
import dev.otelmcp.bootstrap.config.ToolSelection;
import dev.otelmcp.bootstrap.startup.CoreStart;
import dev.otelmcp.bootstrap.startup.StartSignals;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP server over one transport, on a core that is being started: what {@link Main} serves once the
 * configuration is read.
 *
 * @param backend the backend's name, for the log
 * @param selection the tools the operator chose to offer
 */
record Serving(String backend, ToolSelection selection, String version, int maxAnswerTokens, Duration callTimeout,
    int maxMessageBytes, ObjectMapper protocolMapper, Extensions extensions) {

  private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

  /** Over HTTP: the core is built first (a server that accepts clients must be able to answer them). */
  AutoCloseable overHttp(CoreStart core, HttpSettings http) throws Exception {
    List<McpTool> all = core.begin().await().component().tools();
    McpServerFactory factory = factory(all);
    factory.checkToolSchemas();
    AutoCloseable server = McpHttpServer.start(factory, core.await().component().health(), http);
    LOG.info("otel-mcp {} serving {} tools over HTTP with backend '{}'", version, offered(all).size(), backend);
    return server;
  }

  /**
   * Over stdio: the session opens first. What only tool calls need is built once the first answer is out (on a small
   * machine it would slow that answer down), the client has gone, or {@code coreStartDelay} has passed; tool calls
   * wait for it, and its errors end the process.
   */
  AutoCloseable overStdio(CoreStart core, InputStream in, PrintStream protocolOut, Duration coreStartDelay) {
    List<McpTool> all = core.deferredTools();
    McpServerFactory factory = factory(all);
    core.onFailure(failure -> {
      System.err.println(Main.failureMessage(failure));
      System.exit(Main.EXIT_CONFIGURATION);
    });
    core.afterBuilt(() -> {
      try {
        factory.checkToolSchemas();
      } catch (IllegalArgumentException e) {
        System.err.println("otel-mcp: " + e.getMessage());
        System.exit(Main.EXIT_CONFIGURATION);
      }
    });
    Runnable begin = core::begin;
    McpSyncServer stdio = factory.stdio(StartSignals.atEnd(in, begin), StartSignals.afterFirstAnswer(protocolOut, begin));
    CompletableFuture.delayedExecutor(coreStartDelay.toMillis(), TimeUnit.MILLISECONDS).execute(begin);
    LOG.info("otel-mcp {} serving MCP on stdio with backend '{}' ({} tools)", version, backend, offered(all).size());
    return stdio::close;
  }

  private McpServerFactory factory(List<McpTool> all) {
    return new McpServerFactory(offered(all), all, version, maxAnswerTokens, callTimeout, maxMessageBytes,
        protocolMapper, extensions);
  }

  private List<McpTool> offered(List<McpTool> all) {
    return selection.apply(all, McpTool::name);
  }
}
