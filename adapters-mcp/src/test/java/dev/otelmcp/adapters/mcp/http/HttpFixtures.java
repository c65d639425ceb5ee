package dev.otelmcp.adapters.mcp.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.McpServerFactory;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.application.usecase.CheckHealthUseCase;
import dev.otelmcp.domain.access.AccessToken;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.TraceQuery;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A server with one counting tool, a backend whose health a test sets, and SDK clients to call it. */
final class HttpFixtures {

  /** How long a session may idle: otel-mcp's default (--session-idle 30m). */
  static final Duration SESSION_IDLE = Duration.ofMinutes(30);

  /** Counts calls and echoes its argument: enough to prove a tool call went through the transport. */
  static final class EchoTool extends DescribedTool {
    final AtomicInteger calls = new AtomicInteger();

    EchoTool() {
      super("echo", "Echo", "Returns its text and how many calls the server has seen.");
    }

    @Override
    public Schema.ObjectBuilder input() {
      return Schema.object().property("text", Schema.string("Anything."));
    }

    @Override
    public Map<String, Object> outputSchema() {
      return Schema.object().required("text", Schema.string(null)).required("call", Schema.integer(null)).build();
    }

    @Override
    public Object call(Arguments arguments) {
      return Map.of("text", arguments.string("text").orElse(""), "call", calls.incrementAndGet());
    }
  }

  /** A backend that only answers health checks; tests flip it. */
  static final class HealthOnlyStore implements TraceStore {
    final AtomicBoolean healthy = new AtomicBoolean(true);

    @Override
    public StoreCapabilities capabilities() {
      return new StoreCapabilities(f -> false, f -> false, false, 1, true);
    }

    @Override
    public List<String> listServices(TimeRange window) {
      return List.of();
    }

    @Override
    public List<Operation> listOperations(String serviceName, TimeRange window) {
      return List.of();
    }

    @Override
    public TraceSearchResult searchTraces(TraceQuery query) {
      return new TraceSearchResult(List.of(), false, null);
    }

    @Override
    public Optional<Trace> getTrace(TraceId traceId) {
      return Optional.empty();
    }

    @Override
    public HealthStatus health() {
      return healthy.get() ? HealthStatus.healthy("ok") : HealthStatus.unhealthy("connection refused");
    }
  }

  private HttpFixtures() {}

  static McpHttpServer start(EchoTool tool, HealthOnlyStore store, HttpSettings settings) throws Exception {
    McpServerFactory factory = new McpServerFactory(List.of(tool), "test");
    // A clock that moves 10 s per reading defeats the readiness cache, so each probe asks the backend.
    Clock clock = new Clock() {
      private final AtomicInteger ticks = new AtomicInteger();

      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        return java.time.Instant.EPOCH.plusSeconds(10L * ticks.incrementAndGet());
      }
    };
    return McpHttpServer.start(factory, new CheckHealthUseCase(store, clock), settings);
  }

  static HttpSettings loopback(String token) {
    return new HttpSettings("127.0.0.1", 0, token == null ? null : AccessToken.of(token, "--auth-token"), List.of(), List.of(), 64 * 1024, 100,
        SESSION_IDLE, false);
  }

  static McpSyncClient client(int port, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
        .endpoint(McpHttpServer.MCP_PATH)
        .requestBuilder(request)
        .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
        .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
  }
}
