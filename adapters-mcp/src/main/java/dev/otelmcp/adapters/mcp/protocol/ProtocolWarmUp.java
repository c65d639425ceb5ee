package dev.otelmcp.adapters.mcp.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and writes one made-up {@code initialize} exchange with the protocol's mapper, and runs a small reactive
 * pipeline, on a thread of its own while the main thread still reads the configuration and builds the server.
 *
 * <p>Why: the first answer's own work is mostly one-time — Jackson introspecting the SDK's protocol records and
 * building their (de)serializers, Reactor's operators and the classes behind them initialised — about a third of the
 * time to the answer of {@code initialize} on a 2-core machine. The mapper caches what it builds, so done here on the
 * second core it is done once, before the client's message is read, instead of after. Nothing here is sent anywhere;
 * a failure only means the first answer does that work itself.
 */
public final class ProtocolWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(ProtocolWarmUp.class);

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"roots\":{\"listChanged\":true},\"sampling\":{},"
      + "\"elicitation\":{}},\"clientInfo\":{\"name\":\"warm-up\",\"version\":\"0\"}}}";

  private ProtocolWarmUp() {}

  /**
   * Starts the warm-up of a new mapper on daemon thread {@code otelmcp-warm-up}, and returns the mapper: the server's
   * protocol must use this very one ({@code McpServerFactory}), whose caches the warm-up fills.
   */
  public static ObjectMapper start(String serverName, String version) {
    ObjectMapper mapper = new ObjectMapper();
    Thread thread = new Thread(() -> run(new JacksonMcpJsonMapper(mapper), serverName, version), "otelmcp-warm-up");
    thread.setDaemon(true);
    thread.start();
    return mapper;
  }

  static void run(McpJsonMapper json, String serverName, String version) {
    try {
      Flux.just(INITIALIZE).map(String::length).filter(length -> length > 0).flatMap(Mono::just).collectList()
          .defaultIfEmpty(List.of()).block();
      JSONRPCRequest request = (JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(json, INITIALIZE);
      InitializeRequest initialize = json.convertValue(request.params(), new TypeRef<InitializeRequest>() { });
      InitializeResult result = new InitializeResult(initialize.protocolVersion(),
          ServerCapabilities.builder().tools(false).logging().build(), new Implementation(serverName, version), "");
      json.writeValueAsString(JSONRPCResponse.result(request.id(), result));
    } catch (Exception | LinkageError e) {
      LOG.debug("protocol warm-up skipped: {}", e.toString());
    }
  }
}
