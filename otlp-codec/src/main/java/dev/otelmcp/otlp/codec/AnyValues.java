package dev.otelmcp.otlp.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * OTLP {@code KeyValue} lists and {@code AnyValue}s to domain attributes.
 *
 * <p>An unset value ({@code {}} or no {@code value}) is legal OTLP and is dropped quietly. A value that does
 * not fit its declared type ({@code "intValue":"abc"}) is dropped and counted: one bad attribute must not
 * cost the whole span.
 */
final class AnyValues {

  private AnyValues() {}

  /** The attributes of a {@code KeyValue} array; anything but an array reads as no attributes. */
  static Attributes attributes(JsonNode keyValues, DecodeStats stats) {
    if (keyValues == null || !keyValues.isArray() || keyValues.isEmpty()) {
      return Attributes.empty();
    }
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (JsonNode keyValue : keyValues) {
      readKeyValue(keyValue, values, stats);
    }
    return Attributes.of(values);
  }

  private static void readKeyValue(JsonNode keyValue, Map<String, AttributeValue> into, DecodeStats stats) {
    JsonNode key = keyValue.get("key");
    if (!keyValue.isObject() || key == null || !key.isTextual() || key.textValue().isEmpty()) {
      stats.skippedAttributes++;
      return;
    }
    try {
      value(keyValue.get("value")).ifPresent(v -> into.put(key.textValue(), v));
    } catch (MalformedValue e) {
      stats.skippedAttributes++;
    }
  }

  /** One {@code AnyValue}: empty when unset, {@link MalformedValue} when it cannot be read. */
  private static Optional<AttributeValue> value(JsonNode any) {
    if (JsonScalars.isAbsent(any)) {
      return Optional.empty();
    }
    if (!any.isObject()) {
      throw MalformedValue.INSTANCE;
    }
    boolean unreadable = false;
    for (Map.Entry<String, JsonNode> field : any.properties()) {
      if (JsonScalars.isAbsent(field.getValue())) {
        continue;
      }
      switch (field.getKey()) {
        case "stringValue":
          return Optional.of(string(field.getValue()));
        case "boolValue":
          return Optional.of(bool(field.getValue()));
        case "intValue":
          return Optional.of(int64(field.getValue()));
        case "doubleValue":
          return Optional.of(float64(field.getValue()));
        case "bytesValue":
          return Optional.of(bytes(field.getValue()));
        case "arrayValue":
          return Optional.of(array(field.getValue()));
        case "kvlistValue":
          return Optional.of(kvlist(field.getValue()));
        default:
          // Unknown members (e.g. profiles' stringValueStrindex) carry nothing we can show; keep looking.
          unreadable = true;
          break;
      }
    }
    if (unreadable) {
      throw MalformedValue.INSTANCE;
    }
    return Optional.empty();
  }

  private static AttributeValue string(JsonNode node) {
    if (!node.isTextual()) {
      throw MalformedValue.INSTANCE;
    }
    return AttributeValue.of(node.textValue());
  }

  private static AttributeValue bool(JsonNode node) {
    if (node.isBoolean()) {
      return AttributeValue.of(node.booleanValue());
    }
    if (node.isTextual() && ("true".equals(node.textValue()) || "false".equals(node.textValue()))) {
      return AttributeValue.of(Boolean.parseBoolean(node.textValue()));
    }
    throw MalformedValue.INSTANCE;
  }

  private static AttributeValue int64(JsonNode node) {
    OptionalLong value = JsonScalars.int64(node);
    if (value.isEmpty()) {
      throw MalformedValue.INSTANCE;
    }
    return AttributeValue.of(value.getAsLong());
  }

  private static AttributeValue float64(JsonNode node) {
    OptionalDouble value = JsonScalars.float64(node);
    if (value.isEmpty()) {
      throw MalformedValue.INSTANCE;
    }
    return AttributeValue.of(value.getAsDouble());
  }

  private static AttributeValue bytes(JsonNode node) {
    if (!node.isTextual()) {
      throw MalformedValue.INSTANCE;
    }
    String base64 = node.textValue();
    try {
      if (base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0) {
        Base64.getUrlDecoder().decode(base64);
      } else {
        Base64.getDecoder().decode(base64);
      }
    } catch (IllegalArgumentException e) {
      throw MalformedValue.INSTANCE;
    }
    return new AttributeValue.BytesValue(base64);
  }

  private static AttributeValue array(JsonNode node) {
    JsonNode values = node.get("values");
    if (!node.isObject() || (values != null && !values.isNull() && !values.isArray())) {
      throw MalformedValue.INSTANCE;
    }
    List<AttributeValue> elements = new ArrayList<>();
    if (values != null) {
      for (JsonNode element : values) {
        // An unset element is OTLP's null; an array cannot hold it in our model, so it is left out.
        value(element).ifPresent(elements::add);
      }
    }
    return AttributeValue.ofList(elements);
  }

  private static AttributeValue kvlist(JsonNode node) {
    JsonNode values = node.get("values");
    if (!node.isObject() || (values != null && !values.isNull() && !values.isArray())) {
      throw MalformedValue.INSTANCE;
    }
    Map<String, AttributeValue> entries = new LinkedHashMap<>();
    if (values != null) {
      for (JsonNode keyValue : values) {
        JsonNode key = keyValue.get("key");
        if (key == null || !key.isTextual()) {
          throw MalformedValue.INSTANCE;
        }
        value(keyValue.get("value")).ifPresent(v -> entries.put(key.textValue(), v));
      }
    }
    return new AttributeValue.MapValue(entries);
  }

  /** Control flow for "this value cannot be read"; shared and stackless because it is expected input. */
  private static final class MalformedValue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final MalformedValue INSTANCE = new MalformedValue();

    private MalformedValue() {
      super("malformed OTLP AnyValue", null, false, false);
    }
  }
}
