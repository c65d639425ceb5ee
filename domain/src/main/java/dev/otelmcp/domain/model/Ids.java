package dev.otelmcp.domain.model;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Trace and span ids are lower-case hex everywhere in otel-mcp: 32 characters for a trace, 16 for a span.
 *
 * <p>Backends hand us other spellings: Jaeger drops leading zeros of 64-bit trace ids, Tempo's trace-by-id
 * JSON encodes ids as base64, and users paste upper-case hex. These helpers turn any of them into the
 * canonical form, or say they cannot. They work on the model's strings ({@code Span.traceId()} and the like); an id
 * the port takes is a {@link TraceId}, made from these by its {@code parse} (a caller's input) or {@code normalize}
 * (a backend's).
 */
public final class Ids {

  public static final int TRACE_ID_HEX_LENGTH = 32;
  public static final int SPAN_ID_HEX_LENGTH = 16;

  private static final HexFormat HEX = HexFormat.of();

  private Ids() {}

  /** The canonical trace id for hex (any case, leading zeros optional) or base64 input; empty if neither. */
  public static Optional<String> normalizeTraceId(String raw) {
    return normalize(raw, TRACE_ID_HEX_LENGTH);
  }

  /** The canonical span id for hex (any case, leading zeros optional) or base64 input; empty if neither. */
  public static Optional<String> normalizeSpanId(String raw) {
    return normalize(raw, SPAN_ID_HEX_LENGTH);
  }

  /** Like {@link #normalizeTraceId} but throws {@link IllegalArgumentException} naming the bad value. */
  public static String traceId(String raw) {
    return normalizeTraceId(raw).orElseThrow(() -> new IllegalArgumentException("not a trace id: '" + raw + "'"));
  }

  /** Like {@link #normalizeSpanId} but throws {@link IllegalArgumentException} naming the bad value. */
  public static String spanId(String raw) {
    return normalizeSpanId(raw).orElseThrow(() -> new IllegalArgumentException("not a span id: '" + raw + "'"));
  }

  /** Canonical hex id from raw id bytes (as protobuf carries them), left-padded to the given hex length. */
  public static String fromBytes(byte[] bytes, int hexLength) {
    return leftPad(HEX.formatHex(bytes), hexLength);
  }

  public static boolean isCanonicalTraceId(String id) {
    return id != null && id.length() == TRACE_ID_HEX_LENGTH && isLowerHex(id);
  }

  public static boolean isCanonicalSpanId(String id) {
    return id != null && id.length() == SPAN_ID_HEX_LENGTH && isLowerHex(id);
  }

  private static Optional<String> normalize(String raw, int hexLength) {
    if (raw == null) {
      return Optional.empty();
    }
    if (raw.length() == hexLength && isLowerHex(raw)) {
      return Optional.of(raw); // canonical already, as most backends send it
    }
    String trimmed = raw.trim();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.length() <= hexLength && isLowerHex(lower)) {
      return Optional.of(leftPad(lower, hexLength));
    }
    return fromBase64(trimmed, hexLength / 2).map(bytes -> fromBytes(bytes, hexLength));
  }

  private static Optional<byte[]> fromBase64(String value, int byteLength) {
    byte[] decoded;
    try {
      decoded = value.indexOf('-') >= 0 || value.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(value)
          : Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // Exactly the id's size: shorter decodes are almost always words that happen to be base64 ("xyz").
    if (decoded.length != byteLength) {
      return Optional.empty();
    }
    return Optional.of(decoded);
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** Jaeger writes ids without their leading zeros: padding them is frequent. */
  private static final String ZEROS = "0".repeat(TRACE_ID_HEX_LENGTH);

  private static String leftPad(String hex, int length) {
    return hex.length() >= length ? hex : ZEROS.substring(0, length - hex.length()).concat(hex);
  }
}
