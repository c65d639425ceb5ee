package dev.otelmcp.domain.model;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import java.util.Optional;

/**
 * A trace id as the port takes it: the canonical 32 lower-case hex characters. An id is checked once, where a
 * caller's id enters otel-mcp ({@link #parse}), so that no store checks it again; a store only spells it for its
 * wire. Ids in the model are canonical already (backends' spellings are read with {@code Ids}).
 *
 * @param hex the canonical id; anything else is refused (construct from canonical data only, such as
 *     {@link Trace#traceId()})
 */
public record TraceId(String hex) {

  public TraceId {
    if (!Ids.isCanonicalTraceId(hex)) {
      throw new IllegalArgumentException("not a canonical trace id: " + Quote.of(hex));
    }
  }

  /**
   * The id of a caller's {@code trace_id} (hex in any case, leading zeros optional, or base64), or an
   * {@link InvalidQueryException} that quotes it and says what an id looks like.
   */
  public static TraceId parse(String raw) {
    return normalize(raw).orElseThrow(() -> new InvalidQueryException(
        "trace_id " + Quote.of(raw) + " is not a trace id",
        "Give the 32 hex characters of the trace id (as search_traces returns it); base64 ids are accepted too."));
  }

  /** The id of any accepted spelling (hex in any case, leading zeros optional, or base64); empty if it is none. */
  public static Optional<TraceId> normalize(String raw) {
    return Ids.normalizeTraceId(raw).map(TraceId::new);
  }

  /** The canonical hex, as ids are written everywhere. */
  @Override
  public String toString() {
    return hex;
  }
}
