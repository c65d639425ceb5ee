package dev.otelmcp.otlp.codec;

/** Counts of what one decode call skipped; one instance per call, so the decoder itself stays stateless. */
final class DecodeStats {

  int skippedSpans;
  int skippedAttributes;
  int skippedEventsAndLinks;
}
