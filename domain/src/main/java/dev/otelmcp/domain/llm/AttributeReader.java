package dev.otelmcp.domain.llm;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads LLM figures from span attributes leniently — numbers may be ints, doubles or numeric strings —
 * and counts what is present but unreadable instead of failing.
 */
final class AttributeReader {

  private final Attributes attributes;
  private int warnings;

  AttributeReader(Attributes attributes) {
    this.attributes = attributes;
  }

  int warnings() {
    return warnings;
  }

  /** The first non-blank text among the keys, in order. */
  String text(List<String> keys) {
    for (String key : keys) {
      Optional<String> value = attributes.get(key).map(AttributeValue::asText).map(String::trim);
      if (value.isPresent() && !value.get().isEmpty()) {
        return value.get();
      }
    }
    return null;
  }

  /**
   * The first readable token count among the keys: a non-negative whole number. A key holding anything
   * else ("n/a", -3, 1.5) is skipped and counted as a warning.
   */
  Long count(List<String> keys) {
    for (String key : keys) {
      Optional<AttributeValue> value = attributes.get(key);
      if (value.isEmpty()) {
        continue;
      }
      OptionalDouble number = value.get().asNumber();
      if (number.isPresent() && number.getAsDouble() >= 0 && number.getAsDouble() == Math.rint(number.getAsDouble())
          && number.getAsDouble() < Long.MAX_VALUE) {
        return (long) number.getAsDouble();
      }
      warnings++;
    }
    return null;
  }
}
