package dev.otelmcp.bootstrap.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otelmcp.domain.model.AttributeValue;
import java.io.UncheckedIOException;

/** Jaeger's UI-model tags as the fakes write them (the parity fake here, the benchmark's in {@code bench}). */
public final class JaegerTags {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JaegerTags() {}

  /** A typed Jaeger tag; arrays and maps become their JSON text, as the OTLP translator writes them. */
  public static ObjectNode tag(String key, AttributeValue value) {
    ObjectNode tag = JSON.createObjectNode().put("key", key);
    if (value instanceof AttributeValue.LongValue l) {
      tag.put("type", "int64").put("value", l.value());
    } else if (value instanceof AttributeValue.DoubleValue d) {
      tag.put("type", "float64").put("value", d.value());
    } else if (value instanceof AttributeValue.BooleanValue b) {
      tag.put("type", "bool").put("value", b.value());
    } else if (value instanceof AttributeValue.BytesValue b) {
      tag.put("type", "binary").put("value", b.base64());
    } else if (value instanceof AttributeValue.StringValue s) {
      tag.put("type", "string").put("value", s.value());
    } else {
      try {
        tag.put("type", "string").put("value", JSON.writeValueAsString(value.toJava()));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tag;
  }
}
