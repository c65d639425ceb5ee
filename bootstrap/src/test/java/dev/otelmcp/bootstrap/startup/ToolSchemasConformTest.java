package dev.otelmcp.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.otelmcp.adapters.mcp.McpServerFactory;
import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.domain.pricing.PriceBook;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server checks its tools' schemas against the JSON Schema meta-schema after its first answer, not before it
 * ({@code DeferredSchemaValidator}); this keeps every real tool's schemas passing that check at build time.
 */
class ToolSchemasConformTest {

  @Test
  void everyToolsInputAndOutputSchemaConformsToTheMetaSchema() throws Exception {
    CoreStart core = CoreStart.of(() -> new CoreStartTest.TwoServices(), () -> PriceBook.NONE,
        ApplicationSettings.DEFAULTS, Clock.systemUTC());
    List<McpTool> tools = core.deferredTools();
    McpServerFactory factory = new McpServerFactory(tools, "test");
    PipedOutputStream client = new PipedOutputStream();
    McpSyncServer server = factory.stdio(new PipedInputStream(client), new ByteArrayOutputStream());
    try {
      assertThat(tools).hasSize(14);
      assertThatCode(factory::checkToolSchemas).doesNotThrowAnyException();
    } finally {
      client.close();
      server.close();
      core.close();
    }
  }
}
