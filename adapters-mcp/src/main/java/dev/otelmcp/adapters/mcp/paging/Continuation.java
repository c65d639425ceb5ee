package dev.otelmcp.adapters.mcp.paging;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One tool call's arguments as they are run: those given, or — when a {@code cursor} is given — those of the
 * call that issued it, with its window pinned, and the position to resume at.
 *
 * @param query the arguments that define the query (what a new cursor records)
 * @param effective the arguments the tool runs with (the query, its window pinned when resumed)
 * @param position where to resume, {@code null} on a first call
 * @param windowStart the pinned window of a resumed query, else {@code null}
 */
public record Continuation(
    Map<String, Object> query, Map<String, Object> effective, Position position, String windowStart, String windowEnd) {

  public static final String CURSOR = "cursor";
  static final String START_TIME = "start_time";
  static final String END_TIME = "end_time";

  /**
   * Reads the call's arguments. Arguments given beside a cursor must repeat the first call's (an assistant
   * often sends them again): a different value means the cursor belongs to another query.
   */
  public static Continuation of(String tool, Map<String, Object> raw, CursorCodec codec) {
    Map<String, Object> given = new LinkedHashMap<>(raw == null ? Map.of() : raw);
    Object token = given.remove(CURSOR);
    if (token == null || (token instanceof String s && s.isBlank())) {
      return new Continuation(given, given, null, null, null);
    }
    if (!(token instanceof String text)) {
      throw new InvalidQueryException("cursor must be a string", "Pass next_cursor exactly as it was returned.");
    }
    Cursor cursor = codec.decode(text.strip());
    if (!cursor.tool().equals(tool)) {
      throw new InvalidQueryException("cursor was issued by " + cursor.tool() + ", not " + tool,
          "Pass it to " + cursor.tool() + ", or call " + tool + " without cursor.");
    }
    for (Map.Entry<String, Object> entry : given.entrySet()) {
      if (!Objects.equals(entry.getValue(), cursor.arguments().get(entry.getKey()))) {
        throw new InvalidQueryException("cursor belongs to another query: " + entry.getKey() + " differs from the call "
            + "that issued it (" + Quote.of(cursor.arguments().get(entry.getKey())) + ")",
            "Pass the cursor alone (or with the same arguments) to continue, or drop it to run the new query.");
      }
    }
    Map<String, Object> effective = new LinkedHashMap<>(cursor.arguments());
    if (cursor.windowStart() != null) {
      effective.put(START_TIME, cursor.windowStart());
      effective.put(END_TIME, cursor.windowEnd());
    }
    return new Continuation(cursor.arguments(), effective, cursor.position(), cursor.windowStart(), cursor.windowEnd());
  }

  /** The cursor that resumes this query at {@code next}, its window pinned to the one the answer covered. */
  public Cursor next(String tool, Map<String, Object> answer, Position next) {
    String start = windowStart;
    String end = windowEnd;
    if (start == null) {
      Map<?, ?> window = answer.get("scope") instanceof Map<?, ?> scope ? scope
          : answer.get("window") instanceof Map<?, ?> w ? w : null;
      if (window != null && window.get(START_TIME) instanceof String s && window.get(END_TIME) instanceof String e) {
        start = s;
        end = e;
      }
    }
    return new Cursor(tool, query, start, end, next);
  }
}
