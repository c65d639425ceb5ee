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
}
