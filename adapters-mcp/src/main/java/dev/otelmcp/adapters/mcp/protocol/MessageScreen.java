package dev.otelmcp.adapters.mcp.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelmcp.adapters.mcp.calls.RunningCalls;
import java.util.List;
import java.util.Set;

/**
 * Looks at every message a client sends before the MCP SDK does. What the SDK would choke on (not JSON,
 * nested 1,000 deep, a batch array, an id that is null) or answer unhelpfully (a call to a tool that does not
 * exist: the SDK says "Unknown tool: invalid_tool_name") is answered here; the rest is passed on, rebuilt
 * from its parsed form so that only the JSON-RPC members reach the SDK.
 *
 * <p>It also does what the SDK does not: each {@code tools/call} is stamped with a key ({@link RunningCalls}) in
 * {@code params._meta}, and a {@code notifications/cancelled} naming that request stops the call.
 */
public final class MessageScreen {

  /** What to do with one message. */
  public sealed interface Verdict permits Forward, Answer, Skip {}

  /** Pass this (sanitised) message to the SDK. */
  public record Forward(String message) implements Verdict {}

  /**
   * Send this JSON-RPC message back to the client instead.
   *
   * @param protocolError whether it is a JSON-RPC error (HTTP answers it with 400) rather than a tool result
   */
  public record Answer(String response, boolean protocolError) implements Verdict {}

  /** Nothing to do (a blank line). */
  public record Skip(String reason) implements Verdict {}

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  private static final List<String> MEMBERS = List.of("jsonrpc", "id", "method", "params", "result", "error");

  private final ObjectMapper mapper;
  private final Set<String> toolNames;
  private final RunningCalls calls;

  public MessageScreen(Set<String> toolNames, int maxMessageChars) {
    this(toolNames, maxMessageChars, new RunningCalls());
  }

  /**
   * @param toolNames the tools this server offers
   * @param maxMessageChars the longest string a message may hold (whole messages are bounded by the reader)
   * @param calls the calls under way, which a cancellation stops
   */
  public MessageScreen(Set<String> toolNames, int maxMessageChars, RunningCalls calls) {
    this.toolNames = Set.copyOf(toolNames);
    this.calls = calls;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxNumberLength(100)
            .maxNameLength(10_000)
            .maxStringLength(Math.max(1, maxMessageChars))
            .build())
        .build();
    this.mapper = new ObjectMapper(factory);
  }

  /** Screens a message on stdio (one session). */
  public Verdict screen(String raw) {
    return screen(raw, "");
  }

  /**
   * Screens a message of one session.
   *
   * @param session the HTTP session id, or empty on stdio
   */
  public Verdict screen(String raw, String session) {
    String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
    if (text.isBlank()) {
      return new Skip("blank line");
    }
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      return new Answer(error(null, PARSE_ERROR, "Parse error: " + firstLine(e.getOriginalMessage())), true);
    }
    if (node == null || node.isMissingNode()) {
      return new Skip("no JSON value");
    }
    if (node.isArray()) {
      return new Answer(error(null, INVALID_REQUEST, "Invalid Request: batches are not supported; send one message per line"), true);
    }
    if (!node.isObject()) {
      return new Answer(error(null, INVALID_REQUEST, "Invalid Request: a message is a JSON object"), true);
    }
    JsonNode id = node.get("id");
    boolean hasId = node.has("id");
    if (hasId && !(id.isTextual() || id.isIntegralNumber())) {
      return new Answer(error(null, INVALID_REQUEST, "Invalid Request: id must be a string or an integer"), true);
    }
    if (!"2.0".equals(node.path("jsonrpc").asText(null))) {
      return new Answer(error(id, INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\""), true);
    }
    JsonNode method = node.get("method");
    if (method != null && !method.isTextual()) {
      return new Answer(error(id, INVALID_REQUEST, "Invalid Request: method must be a string"), true);
    }
    if (method == null && !hasId) {
      return new Answer(error(null, INVALID_REQUEST, "Invalid Request: neither a request, a notification nor a response"), true);
    }
    if (method != null && hasId && "tools/call".equals(method.asText())) {
      JsonNode name = node.path("params").path("name");
      if (!name.isTextual() || !toolNames.contains(name.asText())) {
        return new Answer(unknownTool(id, name.isTextual() ? name.asText() : String.valueOf(name)), false);
      }
      if (node.get("params") instanceof ObjectNode params) {
        JsonNode meta = params.get("_meta");
        ObjectNode stamped = meta instanceof ObjectNode object ? object : params.putObject("_meta");
        stamped.put(RunningCalls.META_KEY, RunningCalls.key(session, id.toString()));
      }
    }
    if (method != null && !hasId && "notifications/cancelled".equals(method.asText())) {
      JsonNode requestId = node.path("params").path("requestId");
      if (requestId.isTextual() || requestId.isIntegralNumber()) {
        boolean stopped = calls.cancel(RunningCalls.key(session, requestId.toString()));
        return new Skip(stopped ? "cancelled request " + requestId : "cancellation held for request " + requestId);
      }
      return new Skip("cancellation without a request id");
    }
    ObjectNode clean = JsonNodeFactory.instance.objectNode();
    for (String member : MEMBERS) {
      if (node.has(member)) {
        clean.set(member, node.get(member));
      }
    }
    return new Forward(clean.toString());
  }

  /** A JSON-RPC error response. */
  public String error(JsonNode id, int code, String message) {
    ObjectNode response = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
    response.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
    response.putObject("error").put("code", code).put("message", message);
    return response.toString();
  }

  /** A tool result with isError, as our tools fail: the model reads which tools exist. */
  private String unknownTool(JsonNode id, String name) {
    ObjectNode response = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
    response.set("id", id);
    ObjectNode result = response.putObject("result");
    String text;
    try {
      text = mapper.writeValueAsString(ToolErrors.unknownTool(name, toolNames));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error body cannot be rendered", e);
    }
    result.putArray("content").addObject().put("type", "text").put("text", text);
    result.put("isError", true);
    return response.toString();
  }

  private static String firstLine(String message) {
    String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
