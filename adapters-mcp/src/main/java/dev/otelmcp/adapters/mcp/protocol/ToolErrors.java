package dev.otelmcp.adapters.mcp.protocol;

import dev.otelmcp.domain.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one shape of a failed tool call: {@code {"error": {"code", "message", "hint"}}}, sent as text content
 * only. A tool's {@code structuredContent} is checked against its success {@code outputSchema} by the
 * official TypeScript client even when {@code isError} is set, so an error carried there would be replaced
 * by a protocol error and never reach the model.
 */
public final class ToolErrors {

  /** Messages longer than this are cut: a backend can answer with a page of HTML. */
  static final int MAX_MESSAGE_CHARS = 1_000;

  private ToolErrors() {}

  /** The error object as a map, ready to render. */
  public static Map<String, Object> body(ErrorCode code, String message, String hint) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code.name());
    error.put("message", cut(message));
    error.put("hint", hint == null ? "" : cut(hint));
    return Map.of("error", error);
  }

  /** A call naming no tool: the model reads which tools exist. */
  public static Map<String, Object> unknownTool(String name, java.util.Collection<String> toolNames) {
    return body(ErrorCode.INVALID_ARGUMENT, "unknown tool " + dev.otelmcp.domain.error.Quote.of(name) + "; otel-mcp has "
        + toolNames.size() + " tools", "Call one of: " + String.join(", ", new java.util.TreeSet<>(toolNames)) + ".");
  }

  private static String cut(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "…";
  }
}
