package dev.otelmcp.otlp.codec;

import com.google.protobuf.ByteString;
import dev.otelmcp.domain.model.Ids;
import java.util.Optional;

/**
 * Ids as OTLP carries them, checked strictly: a trace id is exactly 16 bytes and a span id exactly 8 (32 and 16 hex
 * digits in OTLP/JSON, or their base64 from older exporters), and neither is all zeros — the specification calls
 * such ids invalid. Query input is more forgiving ({@link Ids} pads short hex); what is stored is not.
 */
final class WireIds {

  static final int TRACE_ID_BYTES = 16;
  static final int SPAN_ID_BYTES = 8;

  private WireIds() {}

  static Optional<String> traceId(String raw) {
    return exact(raw, Ids.TRACE_ID_HEX_LENGTH).flatMap(Ids::normalizeTraceId).filter(WireIds::notAllZeros);
  }

  static Optional<String> spanId(String raw) {
    return exact(raw, Ids.SPAN_ID_HEX_LENGTH).flatMap(Ids::normalizeSpanId).filter(WireIds::notAllZeros);
  }

  /** Whether protobuf id bytes are a valid id of the given size. */
  static boolean valid(ByteString id, int size) {
    if (id.size() != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (id.byteAt(i) != 0) {
        return true;
      }
    }
    return false;
  }

  /** All zeros: the way some exporters write "no parent". */
  static boolean isAllZeros(String raw) {
    return !raw.isBlank() && raw.strip().chars().allMatch(c -> c == '0');
  }

  /** Whether a parent id says "no parent": empty, or zeros in hex or in base64 ({@code AAAAAAAAAAA=}). */
  static boolean meansNoParent(String raw) {
    return raw == null || raw.isBlank() || isAllZeros(raw)
        || Ids.normalizeSpanId(raw).filter(WireIds::isAllZeros).isPresent();
  }

  /** Hex of exactly the id's length, or anything else for the base64 check that follows. */
  private static Optional<String> exact(String raw, int hexLength) {
    if (raw == null) {
      return Optional.empty();
    }
    String value = raw.strip();
    boolean hex = value.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    return hex && value.length() != hexLength ? Optional.empty() : Optional.of(value);
  }

  private static boolean notAllZeros(String id) {
    return !isAllZeros(id);
  }
}
