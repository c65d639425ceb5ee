package dev.otelmcp.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.schema.Schema;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpServerFactoryTest {

  /** A tool whose output schema gives a property a type that JSON Schema does not have. */
  private static final McpTool MISDECLARED = new McpTool() {
    @Override
    public String name() {
      return "misdeclared";
    }

    @Override
    public String title() {
      return "Misdeclared";
    }

    @Override
    public String description() {
      return "A tool whose output schema is not JSON Schema.";
    }

    @Override
    public Schema.ObjectBuilder input() {
      return Schema.object();
    }

    @Override
    public Map<String, Object> outputSchema() {
      return Map.of("type", "object", "properties", Map.of("count", Map.of("type", 5)));
    }

    @Override
    public Object call(Arguments arguments) {
      return Map.of("count", 1);
    }
  };

  @Test
  void theSchemaCheckTheServerDefersStillFindsAToolSchemaThatIsNotJsonSchema() throws Exception {
    McpServerFactory factory = new McpServerFactory(List.of(MISDECLARED), "test");
    PipedOutputStream client = new PipedOutputStream();
    McpSyncServer server = factory.stdio(new PipedInputStream(client), new ByteArrayOutputStream());
    try {
      assertThatThrownBy(factory::checkToolSchemas).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("misdeclared");
    } finally {
      client.close();
      server.close();
    }
  }

  private static final McpTool ECHO = new DescribedTool("echo", "Echo", "Says what it was given.") {
    @Override
    public Schema.ObjectBuilder input() {
      return Schema.object().property("text", Schema.string("What to say."));
    }

    @Override
    public Map<String, Object> outputSchema() {
      return Schema.object().required("said", Schema.string(null)).build();
    }

    @Override
    public Object call(Arguments arguments) {
      return Map.of("said", arguments.string("text").orElse(""));
    }
  };

  @Test
  void oneStdioStreamAnswersAClientOfEachEraWithTheSameTools() throws Exception {
    McpServerFactory factory = new McpServerFactory(List.of(ECHO), "test");
    PipedOutputStream client = new PipedOutputStream();
    java.util.concurrent.BlockingQueue<String> answers = new java.util.concurrent.LinkedBlockingQueue<>();
    McpSyncServer server = factory.stdio(new PipedInputStream(client), new java.io.OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) {
        if (b == '\n') {
          answers.add(line.toString(java.nio.charset.StandardCharsets.UTF_8));
          line.reset();
        } else {
          line.write(b);
        }
      }
    });
    String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    try {
      send(client, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{" + meta + "}}");
      send(client, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
      send(client, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
          + "\"arguments\":{\"text\":\"new\"}," + meta + "}}");
      send(client, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(client, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
          + "\"arguments\":{\"text\":\"old\"}}}");
      send(client, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\","
          + "\"arguments\":{}," + meta + "}}");

      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      Map<Integer, com.fasterxml.jackson.databind.JsonNode> byId = new java.util.HashMap<>();
      while (byId.size() < 5) {
        String line = answers.poll(20, java.util.concurrent.TimeUnit.SECONDS);
        org.assertj.core.api.Assertions.assertThat(line).as("an answer within 20 s; got " + byId.keySet()).isNotNull();
        com.fasterxml.jackson.databind.JsonNode message = json.readTree(line);
        byId.put(message.path("id").asInt(), message);
      }
      org.assertj.core.api.Assertions.assertThat(byId.get(1).at("/result/supportedVersions/0").asText())
          .isEqualTo("2026-07-28");
      org.assertj.core.api.Assertions.assertThat(byId.get(1).at("/result/ttlMs").asLong()).isPositive();
      org.assertj.core.api.Assertions.assertThat(byId.get(2).at("/result/protocolVersion").asText())
          .isEqualTo("2025-11-25");
      org.assertj.core.api.Assertions.assertThat(byId.get(3).at("/result/structuredContent/said").asText())
          .isEqualTo("new");
      org.assertj.core.api.Assertions.assertThat(byId.get(4).at("/result/structuredContent/said").asText())
          .isEqualTo("old");
      org.assertj.core.api.Assertions.assertThat(byId.get(5).at("/error/code").asInt()).isEqualTo(-32602);
      org.assertj.core.api.Assertions.assertThat(byId.get(5).at("/error/message").asText())
          .contains("'nope'").contains("echo");
    } finally {
      client.close();
      server.close();
    }
  }

  private static void send(PipedOutputStream client, String line) throws java.io.IOException {
    client.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    client.flush();
  }
}
