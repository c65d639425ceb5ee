package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gives back the types the Traceloop API flattened into strings: {@code "932"} becomes the integer 932,
 * {@code "0.700000"} the double 0.7, {@code "false"} the boolean, {@code "[\"stop\"]"} an array.
 *
 * <p>Only clean renderings are converted: no sign but minus, no leading zeros ({@code "007"} stays text), no
 * blanks, no {@code NaN}/{@code Infinity}, integers that fit in a long, lower-case booleans, JSON arrays of
 * scalars. Everything else stays a string. Free text (message contents, tool arguments, entity input and
 * output) is never converted, so a completion that reads {@code "42"} or {@code "[1, 2]"} keeps its exact text.
 */
final class AttributeTyping {

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern DECIMAL =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+([eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)");
  private static final List<String> FREE_TEXT_SUFFIXES =
      List.of(".content", ".arguments", "traceloop.entity.input", "traceloop.entity.output");

  private final ObjectMapper mapper;

  AttributeTyping(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Every member of a JSON object as typed attributes (null members are left out); empty for a non-object. */
  Attributes object(JsonNode object) {
    Attributes.Builder builder = Attributes.builder();
    putAll(builder, object);
    return builder.build();
  }

  /** Adds every member of a JSON object to the builder, typed; a key already in the builder is kept. */
  void putAll(Attributes.Builder builder, JsonNode object) {
    if (object == null || !object.isObject()) {
      return;
    }
    object.properties().forEach(member -> {
      if (!builder.containsKey(member.getKey())) {
        value(member.getKey(), member.getValue()).ifPresent(v -> builder.put(member.getKey(), v));
      }
    });
  }

  /** The typed value of one attribute; empty for JSON null. */
  Optional<AttributeValue> value(String key, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return Optional.of(isFreeText(key) ? AttributeValue.of(node.textValue()) : text(node.textValue()));
    }
    return Optional.of(json(node));
  }

  /** A string as the API sends it, converted when it is a clean rendering of another type. */
  AttributeValue text(String raw) {
    if (INTEGER.matcher(raw).matches()) {
      try {
        return AttributeValue.of(Long.parseLong(raw));
      } catch (NumberFormatException tooLarge) {
        return AttributeValue.of(raw);
      }
    }
    if (DECIMAL.matcher(raw).matches()) {
      double parsed = Double.parseDouble(raw);
      return Double.isFinite(parsed) ? AttributeValue.of(parsed) : AttributeValue.of(raw);
    }
    if (raw.equals("true") || raw.equals("false")) {
      return AttributeValue.of(Boolean.parseBoolean(raw));
    }
    if (raw.startsWith("[") && raw.endsWith("]")) {
      return scalarArray(raw).orElseGet(() -> AttributeValue.of(raw));
    }
    return AttributeValue.of(raw);
  }

  private Optional<AttributeValue> scalarArray(String raw) {
    JsonNode parsed;
    try {
      parsed = mapper.readTree(raw);
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
    if (parsed == null || !parsed.isArray()) {
      return Optional.empty();
    }
    List<AttributeValue> values = new ArrayList<>();
    for (JsonNode element : parsed) {
      if (!element.isValueNode() || element.isNull()) {
        // Objects, nested arrays or nulls: a JSON document (e.g. message parts), not an attribute array.
        return Optional.empty();
      }
      values.add(json(element));
    }
    return Optional.of(AttributeValue.ofList(values));
  }

  /** A value that arrived with its JSON type (numbers, booleans; objects are kept as their JSON text). */
  private AttributeValue json(JsonNode node) {
    if (node.isBoolean()) {
      return AttributeValue.of(node.booleanValue());
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return AttributeValue.of(node.longValue());
    }
    if (node.isNumber()) {
      return AttributeValue.of(node.doubleValue());
    }
    if (node.isTextual()) {
      return AttributeValue.of(node.textValue());
    }
    if (node.isArray()) {
      List<AttributeValue> values = new ArrayList<>();
      for (JsonNode element : node) {
        if (!element.isValueNode() || element.isNull()) {
          return AttributeValue.of(node.toString());
        }
        values.add(json(element));
      }
      return AttributeValue.ofList(values);
    }
    return AttributeValue.of(node.toString());
  }

  private static boolean isFreeText(String key) {
    return FREE_TEXT_SUFFIXES.stream().anyMatch(key::endsWith);
  }
}
