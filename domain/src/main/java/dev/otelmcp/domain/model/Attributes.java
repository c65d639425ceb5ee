package dev.otelmcp.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** An immutable, insertion-ordered map of attribute keys to typed values. */
public final class Attributes {

  private static final Attributes EMPTY = new Attributes(Map.of());

  private final Map<String, AttributeValue> values;

  private Attributes(Map<String, AttributeValue> values) {
    this.values = values;
  }

  public static Attributes empty() {
    return EMPTY;
  }

  public static Attributes of(Map<String, AttributeValue> values) {
    return values.isEmpty() ? EMPTY : new Attributes(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
  }

  /** Convenience for tests and fixtures: alternating keys and values (String, Long/Integer, Double, Boolean). */
  public static Attributes ofPairs(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Builder builder = builder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      AttributeValue typed;
      if (value instanceof AttributeValue v) {
        typed = v;
      } else if (value instanceof Integer || value instanceof Long) {
        typed = AttributeValue.of(((Number) value).longValue());
      } else if (value instanceof Number n) {
        typed = AttributeValue.of(n.doubleValue());
      } else if (value instanceof Boolean b) {
        typed = AttributeValue.of(b);
      } else {
        typed = AttributeValue.of(String.valueOf(value));
      }
      builder.put((String) keysAndValues[i], typed);
    }
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<AttributeValue> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public Optional<String> getText(String key) {
    AttributeValue value = values.get(key);
    return value == null ? Optional.empty() : Optional.of(value.asText());
  }

  public OptionalDouble getNumber(String key) {
    AttributeValue value = values.get(key);
    return value == null ? OptionalDouble.empty() : value.asNumber();
  }

  public boolean containsKey(String key) {
    return values.containsKey(key);
  }

  public Set<String> keys() {
    return values.keySet();
  }

  public Map<String, AttributeValue> asMap() {
    return values;
  }

  public int size() {
    return values.size();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The attributes as plain Java values (for JSON rendering), in insertion order. */
  public Map<String, Object> toJava() {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, v.toJava()));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attributes other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /**
   * Mutable builder; the last value put under a key wins. {@link #build()} hands its map to the attributes it makes
   * instead of copying it (every span a backend hands over is built so); a builder changed after that works on a copy.
   */
  public static final class Builder {
    private Map<String, AttributeValue> values = new LinkedHashMap<>();
    /** Whether {@link #values} belongs to attributes already built, and so must not change. */
    private boolean built;

    private Builder() {}

    public Builder put(String key, AttributeValue value) {
      writable().put(key, value);
      return this;
    }

    public Builder put(String key, String value) {
      return put(key, AttributeValue.of(value));
    }

    public Builder putAll(Attributes attributes) {
      writable().putAll(attributes.values);
      return this;
    }

    public Builder remove(String key) {
      if (values.containsKey(key)) {
        writable().remove(key);
      }
      return this;
    }

    public boolean containsKey(String key) {
      return values.containsKey(key);
    }

    /** The value put under the key so far. */
    public Optional<AttributeValue> get(String key) {
      return Optional.ofNullable(values.get(key));
    }

    public Attributes build() {
      if (values.isEmpty()) {
        return EMPTY;
      }
      built = true;
      return new Attributes(Collections.unmodifiableMap(values));
    }

    private Map<String, AttributeValue> writable() {
      if (built) {
        values = new LinkedHashMap<>(values);
        built = false;
      }
      return values;
    }
  }
}
