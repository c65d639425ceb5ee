package dev.otelmcp.domain.model;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import java.util.Optional;

/**
 * A span id checked once where it enters: the canonical 16 lower-case hex characters. Like {@link TraceId},
 * {@link #parse} reads what a caller typed ({@link #normalize} is the same without the error).
 *
 * @param hex the canonical id; anything else is refused (construct from canonical data only, such as
 *     {@link Span#spanId()})
 */
public record SpanId(String hex) {

  public SpanId {
    if (!Ids.isCanonicalSpanId(hex)) {
      throw new IllegalArgumentException("not a canonical span id: " + Quote.of(hex));
    }
  }

  /**
   * The id of a caller's span id (hex in any case, leading zeros optional, or base64), or an
   * {@link InvalidQueryException} that quotes it and says what an id looks like.
   */
  public static SpanId parse(String raw) {
    return normalize(raw).orElseThrow(() -> new InvalidQueryException(
        "span id " + Quote.of(raw) + " is not a span id", "Give the 16 hex characters of a span id as get_trace lists it."));
  }

  /** The id of any accepted spelling (hex in any case, leading zeros optional, or base64); empty if it is none. */
  public static Optional<SpanId> normalize(String raw) {
    return Ids.normalizeSpanId(raw).map(SpanId::new);
  }

  /** The canonical hex, as ids are written everywhere. */
  @Override
  public String toString() {
    return hex;
  }
}
