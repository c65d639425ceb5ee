package dev.otelmcp.adapters.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.adapters.mcp.protocol.MessageScreen;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StdioFrontDoorTest {

  @Test
  void forwardsValidLinesAnswersGarbageAndRefusesOversizedLines() throws Exception {
    String input = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n"
        + "garbage\n"
        + "\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}\r\n"
        + "{\"big\":\"" + "y".repeat(5_000) + "\"}\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}";
    ByteArrayOutputStream protocol = new ByteArrayOutputStream();
    StdioFrontDoor door = new StdioFrontDoor(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new LineWriter(protocol), new MessageScreen(Set.of("get_trace"), 1_000), 1_000);

    door.run();

    String forwarded = new String(door.sdkInput().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(forwarded.lines().toList()).containsExactly(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");
    assertThat(protocol.toString(StandardCharsets.UTF_8).lines().toList())
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).contains("-32700"))
        .anySatisfy(line -> assertThat(line).contains("\"id\":2").contains("unknown tool"))
        .anySatisfy(line -> assertThat(line).contains("larger than 1000 bytes"));
  }

  @Test
  void theLineWriterNeverSplitsALine() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    LineWriter writer = new LineWriter(sink);

    writer.write("{\"a\":".getBytes(StandardCharsets.UTF_8));
    writer.writeLine("{\"ours\":1}");
    writer.write("1}\n".getBytes(StandardCharsets.UTF_8));

    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("{\"ours\":1}\n{\"a\":1}\n");
  }
}
