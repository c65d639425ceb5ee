package dev.otelmcp.adapters.mcp.paging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to continue an answer, with no state kept on the server: the tool, the arguments of
 * the first call, the window they resolved to (so "-1h" still means the same hour an hour later), and where
 * the answer stopped.
 *
 * @param windowStart the resolved start of the window, ISO-8601, or {@code null} when the tool has none
 */
public record Cursor(String tool, Map<String, Object> arguments, String windowStart, String windowEnd, Position position) {

  public Cursor {
    arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
  }
}
