package dev.otelmcp.adapters.mcp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolEraTest {

  private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}";

  @Test
  void aLineIsOfTheStatelessEraWhenItDiscoversOrCarriesTheVersionInItsMeta() {
    assertThat(ProtocolEra.isModernLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\"}")).isTrue();
    assertThat(ProtocolEra.isModernLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{" + META
        + "}}")).isTrue();
    assertThat(ProtocolEra.isModernLine("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{"
        + "\"requestId\":3," + META + "}}")).isTrue();
  }

  @Test
  void initializeSessionTrafficAndUnreadableLinesAreOfTheSessionEra() {
    assertThat(ProtocolEra.isModernLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
        + "\"protocolVersion\":\"2025-11-25\"}}")).isFalse();
    // the marker inside an argument is not a _meta version
    assertThat(ProtocolEra.isModernLine("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{"
        + "\"name\":\"search_spans\",\"arguments\":{\"tags\":{\"io.modelcontextprotocol/protocolVersion\":\"x\"}}}}"))
        .isFalse();
    assertThat(ProtocolEra.isModernLine("{\"method\":\"server/discover\"")).isFalse();
    assertThat(ProtocolEra.isModernLine("not json")).isFalse();
  }

  @Test
  void anHttpRequestIsOfTheStatelessEraByItsVersionHeaderOnAPost() {
    assertThat(ProtocolEra.isModernRequest("POST", "2026-07-28")).isTrue();
    assertThat(ProtocolEra.isModernRequest("POST", "2099-01-01")).isTrue();
    assertThat(ProtocolEra.isModernRequest("POST", "2025-11-25")).isFalse();
    assertThat(ProtocolEra.isModernRequest("POST", null)).isFalse();
    assertThat(ProtocolEra.isModernRequest("GET", "2026-07-28")).isFalse();
  }
}
