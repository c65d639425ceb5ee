package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Jaeger's typed tags ({@code [{"key":…,"type":…,"value":…}]}, on spans, processes and logs) read off the parser
 * straight into typed attribute values.
 *
 * <p>{@code type} is string, bool, int64, float64 or binary. int64 arrives as a string when beyond 2^53
 * (JavaScript's exact range); binary is base64. A value that does not fit its declared type is left out rather than
 * guessed; a tag without a key is left out; of two tags with one key the last wins. An unknown type is inferred from
 * the JSON value (an object or array is kept as its JSON text).
 */
final class UiTags {

  private UiTags() {}

  /**
   * The tags of the array at the current token, in order; {@code null} when the value is JSON null.
   *
   * @return a builder the caller owns (a span's tags lose the ones that become span fields before they are built)
   */
  static Attributes.Builder read(JsonParser p, UiStrings strings) throws IOException {
    return read(p, strings, null);
  }

  /**
   * Like {@link #read(JsonParser, UiStrings)}, keeping only the tags whose key {@code keep} accepts ({@code null}:
   * all). A value whose key came first and is not kept is passed over by the parser, never made into a string.
   */
  static Attributes.Builder read(JsonParser p, UiStrings strings, Predicate<String> keep) throws IOException {
    if (!UiJson.opens(p, JsonToken.START_ARRAY, "tags")) {
      return null;
    }
    Attributes.Builder tags = Attributes.builder();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (UiJson.element(p, "a tag")) {
        tag(p, strings, tags, keep);
      }
    }
    return tags;
  }

  /** One {@code {"key","type","value"}} object; its value is typed once the whole object has been read. */
  private static void tag(JsonParser p, UiStrings strings, Attributes.Builder tags, Predicate<String> keep)
      throws IOException {
    String key = null;
    String type = null;
    JsonToken token = null;
    String text = null;
    Number number = null;
    JsonNode container = null;
    boolean passedOver = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "key":
          key = UiJson.text(p, strings);
          break;
        case "type":
          type = UiJson.text(p, strings);
          break;
        case "value":
          token = value;
          text = null;
          number = null;
          container = null;
          passedOver = keep != null && key != null && !keep.test(key);
          if (passedOver) {
            p.skipChildren();
          } else if (value == JsonToken.VALUE_STRING) {
            text = strings.text(p);
          } else if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            number = value == JsonToken.VALUE_NUMBER_FLOAT ? Double.valueOf(p.getDoubleValue())
                : p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue()
                : Long.valueOf(p.getLongValue());
          } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            container = p.readValueAsTree();
          }
          break;
        default:
          p.skipChildren();
      }
    }
    // Jaeger writes the key first. A key given only after its value is judged here; one given again after its value
    // was passed over (no Jaeger writes that) leaves the tag out.
    if (key != null && !key.isEmpty() && !passedOver && (keep == null || keep.test(key))) {
      AttributeValue typed = value(type, token, text, number, container);
      if (typed != null) {
        tags.put(key, typed);
      }
    }
  }

  /** The typed value, or {@code null} when there is none or it does not fit its type. */
  static AttributeValue value(String type, JsonToken token, String text, Number number, JsonNode container) {
    if (token == null || token == JsonToken.VALUE_NULL) {
      return null;
    }
    switch (kind(type)) {
      case "string":
        return container != null ? null : AttributeValue.of(asText(token, text, number));
      case "bool":
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
          return AttributeValue.of(token == JsonToken.VALUE_TRUE);
        }
        return text == null ? null : AttributeValue.of(text).asBoolean().map(AttributeValue::of).orElse(null);
      case "int64":
        return int64(text, number);
      case "float64":
        return float64(text, number);
      case "binary":
        return text == null ? null : new AttributeValue.BytesValue(text);
      default:
        return inferred(token, text, number, container);
    }
  }

  /** The type in lower case; Jaeger writes it so, and only another spelling pays for the conversion. */
  private static String kind(String type) {
    if (type == null) {
      return "";
    }
    switch (type) {
      case "string":
      case "bool":
      case "int64":
      case "float64":
      case "binary":
        return type;
      default:
        return type.toLowerCase(Locale.ROOT);
    }
  }

  /** A scalar as text, as Jackson's tree renders it: numbers in Java's canonical form. */
  private static String asText(JsonToken token, String text, Number number) {
    if (text != null) {
      return text;
    }
    if (number != null) {
      return number.toString();
    }
    return token == JsonToken.VALUE_TRUE ? "true" : "false";
  }

  private static AttributeValue int64(String text, Number number) {
    if (number instanceof Long l) {
      return AttributeValue.of(l.longValue());
    }
    if (text != null) {
      try {
        return AttributeValue.of(Long.parseLong(text.trim()));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static AttributeValue float64(String text, Number number) {
    if (number != null) {
      return AttributeValue.of(number.doubleValue());
    }
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    switch (trimmed) {
      case "NaN":
        return AttributeValue.of(Double.NaN);
      case "+Inf":
      case "Infinity":
        return AttributeValue.of(Double.POSITIVE_INFINITY);
      case "-Inf":
      case "-Infinity":
        return AttributeValue.of(Double.NEGATIVE_INFINITY);
      default:
        try {
          return AttributeValue.of(new BigDecimal(trimmed).doubleValue());
        } catch (NumberFormatException e) {
          return null;
        }
    }
  }

  private static AttributeValue inferred(JsonToken token, String text, Number number, JsonNode container) {
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return AttributeValue.of(token == JsonToken.VALUE_TRUE);
    }
    if (number instanceof Long l) {
      return AttributeValue.of(l.longValue());
    }
    if (number != null) {
      return AttributeValue.of(number instanceof BigInteger big ? big.doubleValue() : number.doubleValue());
    }
    if (container != null) {
      return AttributeValue.of(container.toString());
    }
    return AttributeValue.of(text);
  }
}
