package dev.otelmcp.otlp.codec;

import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.Traces;
import java.util.List;

/**
 * What an OTLP/JSON payload decoded to, with counts of what had to be left out so a caller can tell a
 * clean payload from a damaged one (and say so) instead of silently losing data.
 *
 * @param spans every span that could be decoded, in payload order
 * @param skippedSpans spans left out because an id or a timestamp could not be read
 * @param skippedAttributes attributes (of resources, scopes, spans, events or links) left out because their
 *     key or value was malformed; the span they belong to is kept
 * @param skippedEventsAndLinks span events with an unreadable time and links with unreadable ids; the span
 *     they belong to is kept
 */
public record OtlpDecodeResult(List<Span> spans, int skippedSpans, int skippedAttributes, int skippedEventsAndLinks) {

  public OtlpDecodeResult {
    spans = List.copyOf(spans);
  }

  /** The spans grouped into traces (duplicate span ids dropped), newest trace first. */
  public List<Trace> traces() {
    return Traces.group(spans);
  }

  /** Whether anything at all had to be left out. */
  public boolean isLossy() {
    return skippedSpans > 0 || skippedAttributes > 0 || skippedEventsAndLinks > 0;
  }
}
