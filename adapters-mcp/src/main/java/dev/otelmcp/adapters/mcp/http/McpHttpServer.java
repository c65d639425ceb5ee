package dev.otelmcp.adapters.mcp.http;

import dev.otelmcp.adapters.mcp.McpServerFactory;
import dev.otelmcp.application.usecase.CheckHealthUseCase;
import io.modelcontextprotocol.modern.server.transport.HttpServletMcpTransport;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over Streamable HTTP at {@code /mcp} in both protocol eras ({@link EraRouter}): 2025-06-18 / 2025-11-25 with
 * sessions, SSE streams and DELETE to end a session, and the stateless 2026-07-28 — the SDK's servlets on Jetty 12; Host and Origin checked against allow-lists
 * (DNS-rebinding protection); an optional bearer token; a request size limit; and {@code /health},
 * {@code /ready} outside {@code /mcp}.
 */
public final class McpHttpServer implements AutoCloseable {

  public static final String MCP_PATH = "/mcp";
  private static final Logger LOG = LoggerFactory.getLogger(McpHttpServer.class);

  private final Server jetty;
  private final McpSyncServer mcp;
  private final ServerConnector connector;

  private McpHttpServer(Server jetty, ServerConnector connector, McpSyncServer mcp) {
    this.jetty = jetty;
    this.connector = connector;
    this.mcp = mcp;
  }

  /** Starts listening; throws when the port cannot be bound. */
  public static McpHttpServer start(McpServerFactory factory, CheckHealthUseCase health, HttpSettings settings)
      throws Exception {
    DefaultServerTransportSecurityValidator security = DefaultServerTransportSecurityValidator.builder()
        .allowedOrigins(settings.originAllowList())
        .allowedHosts(settings.hostAllowList())
        .build();
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(factory.jsonMapper())
        .mcpEndpoint(MCP_PATH)
        .keepAliveInterval(Duration.ofSeconds(30))
        .maxRequestSize(settings.maxRequestBytes())
        // The SDK drops a session without an open stream that was idle for a whole sweep interval.
        .sessionSweepInterval(settings.sessionIdleTimeout())
        .securityValidator(security)
        .build();
    McpSyncServer mcp = factory.streamable(transport);
    HttpServletMcpTransport modern = HttpServletMcpTransport.builder(factory.modern())
        .jsonMapper(factory.jsonMapper())
        .endpoint(MCP_PATH)
        .keepAliveInterval(Duration.ofSeconds(30))
        .maxRequestSize(settings.maxRequestBytes())
        .httpHeaderValidator(security)
        .build();

    QueuedThreadPool threads = new QueuedThreadPool(200, 8, 60_000);
    threads.setName("otelmcp-http");
    threads.setDaemon(true);
    Server jetty = new Server(threads);
    // No header cache: it can hand back an earlier request's header that differs only in case — a token among them.
    HttpConfiguration http = new HttpConfiguration();
    http.setHeaderCacheSize(0);
    http.setHeaderCacheCaseSensitive(true);
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    jetty.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder mcpServlet = new ServletHolder("mcp", new EraRouter(modern, transport));
    mcpServlet.setAsyncSupported(true);
    context.addServlet(mcpServlet, MCP_PATH);
    HealthServlet probes = new HealthServlet(health);
    context.addServlet(new ServletHolder("health", probes), "/health");
    context.addServlet(new ServletHolder("ready", probes), "/ready");
    FilterHolder cleanErrors = new FilterHolder(new CleanErrorsFilter());
    cleanErrors.setAsyncSupported(true);
    context.addFilter(cleanErrors, "/*", EnumSet.of(DispatcherType.REQUEST));
    if (settings.authToken() != null) {
      FilterHolder auth = new FilterHolder(new BearerTokenFilter(settings.authToken()));
      auth.setAsyncSupported(true);
      context.addFilter(auth, MCP_PATH, EnumSet.of(DispatcherType.REQUEST));
    }
    // After authentication: only a caller holding the token learns anything from the screen's answers.
    FilterHolder screening = new FilterHolder(new ScreeningFilter(factory.screen(), settings.maxRequestBytes(), security));
    screening.setAsyncSupported(true);
    context.addFilter(screening, MCP_PATH, EnumSet.of(DispatcherType.REQUEST));
    FilterHolder sessions = new FilterHolder(new SessionGuardFilter(settings.maxSessions(), settings.sessionIdleTimeout(),
        Clock.systemUTC()));
    sessions.setAsyncSupported(true);
    context.addFilter(sessions, MCP_PATH, EnumSet.of(DispatcherType.REQUEST));
    jetty.setHandler(context);
    jetty.start();

    McpHttpServer server = new McpHttpServer(jetty, connector, mcp);
    LOG.info("otel-mcp serving MCP over Streamable HTTP at http://{}:{}{}{}", settings.host(), server.port(), MCP_PATH,
        settings.authToken() == null ? "" : " (bearer token required)");
    if (settings.exposedBeyondLoopback() && settings.authToken() == null) {
      LOG.warn("!!! --insecure-no-auth: otel-mcp is listening on {} WITHOUT authentication: anyone who can reach this "
          + "address can read every prompt and completion in your traces. Set --auth-token / MCP_AUTH_TOKEN, or bind to "
          + "127.0.0.1.", settings.host());
    }
    return server;
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  @Override
  public void close() {
    mcp.closeGracefully();
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("stopping the HTTP server failed: {}", e.toString());
    }
  }
}
