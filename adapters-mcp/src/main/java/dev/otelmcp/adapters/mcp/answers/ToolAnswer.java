package dev.otelmcp.adapters.mcp.answers;

import dev.otelmcp.domain.error.ErrorCode;
import java.util.Map;

/**
 * What one tool call answered, in no protocol's types: the compact JSON text, and either the same as a map or, for
 * an error ({@code {"error":{"code","message","hint"}}}), its code.
 */
public record ToolAnswer(String text, Map<String, Object> structured, ErrorCode errorCode) {

  public static ToolAnswer success(String text, Map<String, Object> structured) {
    return new ToolAnswer(text, structured, null);
  }

  public static ToolAnswer error(ErrorCode code, String text) {
    return new ToolAnswer(text, null, code);
  }

  public boolean isError() {
    return errorCode != null;
  }
}
