package dev.otelmcp.adapters.mcp.answers;

import dev.otelmcp.domain.error.ErrorCode;
import java.util.Map;

/**
 * What one tool call answered, in no protocol's types: the compact JSON text, and either the same as a map or, for
 * an error, its code and its body ({@code {"code","message","hint"}}, the object under {@code error} in the text) —
 * kept so that resources and completions quoting it need not parse the text back.
 */
public record ToolAnswer(String text, Map<String, Object> structured, ErrorCode errorCode, Map<String, Object> error) {

  public static ToolAnswer success(String text, Map<String, Object> structured) {
    return new ToolAnswer(text, structured, null, null);
  }

  /** @param body the error object as {@code ToolErrors.body} makes it: {@code {"error":{…}}} */
  @SuppressWarnings("unchecked")
  public static ToolAnswer error(ErrorCode code, String text, Map<String, Object> body) {
    return new ToolAnswer(text, null, code, (Map<String, Object>) body.get("error"));
  }

  public boolean isError() {
    return errorCode != null;
  }
}
