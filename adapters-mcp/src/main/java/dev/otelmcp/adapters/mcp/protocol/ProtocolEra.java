package dev.otelmcp.adapters.mcp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which protocol era a client message belongs to. A 2026-07-28 client opens with {@code server/discover} (or any
 * request) carrying the protocol version in {@code _meta}, and puts it on every message after; a 2025-11-25 client
 * opens with {@code initialize} and never does. The spec lets one server answer both, by how each client opens.
 */
public final class ProtocolEra {

  /** The first version of the stateless era: versions are dates, so later ones compare greater. */
  public static final String MODERN = "2026-07-28";
  static final String VERSION_META = "io.modelcontextprotocol/protocolVersion";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProtocolEra() {}

  /** Whether a stdio line is a message of the 2026-07-28 era (an unreadable line is not: the other era answers it). */
  public static boolean isModernLine(String line) {
    // Most lines are of the other era: look closer only when the markers are there at all.
    if (!line.contains(VERSION_META) && !line.contains("server/discover")) {
      return false;
    }
    try {
      JsonNode message = JSON.readTree(line);
      return message != null && ("server/discover".equals(message.path("method").asText(null))
          || message.path("params").path("_meta").has(VERSION_META));
    } catch (java.io.IOException | RuntimeException unreadable) {
      return false;
    }
  }

  /** Whether an HTTP request is of the 2026-07-28 era, by the {@code MCP-Protocol-Version} header a POST carries. */
  public static boolean isModernRequest(String method, String protocolVersionHeader) {
    return "POST".equalsIgnoreCase(method) && protocolVersionHeader != null
        && protocolVersionHeader.strip().compareTo(MODERN) >= 0;
  }
}
