package dev.otelmcp.application.trace;

import java.util.List;

/**
 * One attribute value whole (a prompt, a completion, a stack trace), in consecutive pieces so that a long
 * one can be paged: read the pieces in order and join them. The pieces are span text — whatever the traced
 * application was given or produced — so their field says they are untrusted.
 *
 * @param foundIn {@code span}, {@code event} or {@code resource}
 * @param length the value's length in characters
 */
public record AttributeText(
    String traceId, String spanId, String key, String foundIn, int length, List<String> untrustedChunks) {}
