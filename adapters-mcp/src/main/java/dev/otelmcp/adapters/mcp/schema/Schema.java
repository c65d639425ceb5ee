package dev.otelmcp.adapters.mcp.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small builder for the JSON Schemas (2020-12) of tool inputs and outputs. Schemas are plain maps, as
 * the MCP SDK takes them; shared fragments (time window, filters, trace summaries) are built once and
 * reused by every tool, so one vocabulary holds across tools.
 */
public final class Schema {

  private final Map<String, Object> node = new LinkedHashMap<>();

  private Schema(String type) {
    if (type != null) {
      node.put("type", type);
    }
  }

  public static Schema string(String description) {
    return new Schema("string").describe(description);
  }

  public static Schema integer(String description) {
    return new Schema("integer").describe(description);
  }

  public static Schema number(String description) {
    return new Schema("number").describe(description);
  }

  public static Schema bool(String description) {
    return new Schema("boolean").describe(description);
  }

  public static Schema array(Schema items, String description) {
    Schema schema = new Schema("array").describe(description);
    schema.node.put("items", items.build());
    return schema;
  }

  /** An object with free-form values (attribute maps). */
  public static Schema map(Schema values, String description) {
    Schema schema = new Schema("object").describe(description);
    schema.node.put("additionalProperties", values == null ? true : values.build());
    return schema;
  }

  /** Any JSON value (attribute values can be strings, numbers, booleans, lists). */
  public static Schema any(String description) {
    return new Schema(null).describe(description);
  }

  /** A scalar that may be a string, number or boolean. */
  public static Schema scalar(String description) {
    Schema schema = new Schema(null).describe(description);
    schema.node.put("type", List.of("string", "number", "boolean"));
    return schema;
  }

  public static ObjectBuilder object() {
    return new ObjectBuilder();
  }

  public Schema describe(String description) {
    if (description != null) {
      node.put("description", description);
    }
    return this;
  }

  public Schema enumOf(String... values) {
    node.put("enum", Arrays.asList(values));
    return this;
  }

  public Schema minimum(long min) {
    node.put("minimum", min);
    return this;
  }

  public Schema maximum(long max) {
    node.put("maximum", max);
    return this;
  }

  public Schema defaultValue(Object value) {
    node.put("default", value);
    return this;
  }

  public Schema minLength(int min) {
    node.put("minLength", min);
    return this;
  }

  public Map<String, Object> build() {
    return new LinkedHashMap<>(node);
  }

  /** Builder of an object schema: its properties, which are required, whether others are allowed. */
  public static final class ObjectBuilder {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private String description;
    private boolean closed;

    private ObjectBuilder() {}

    public ObjectBuilder property(String name, Schema schema) {
      properties.put(name, schema.build());
      return this;
    }

    public ObjectBuilder property(String name, ObjectBuilder schema) {
      properties.put(name, schema.build());
      return this;
    }

    public ObjectBuilder required(String name, Schema schema) {
      required.add(name);
      return property(name, schema);
    }

    public ObjectBuilder required(String name, ObjectBuilder schema) {
      required.add(name);
      return property(name, schema);
    }

    /** Copies every property (and required flag) of another object schema. */
    public ObjectBuilder include(ObjectBuilder other) {
      properties.putAll(other.properties);
      other.required.stream().filter(r -> !required.contains(r)).forEach(required::add);
      return this;
    }

    public ObjectBuilder describe(String text) {
      this.description = text;
      return this;
    }

    /** No properties besides the declared ones (tool inputs: a typo is an error, not ignored). */
    public ObjectBuilder closed() {
      this.closed = true;
      return this;
    }

    public java.util.Set<String> propertyNames() {
      return properties.keySet();
    }

    public Schema asSchema() {
      Schema schema = new Schema(null);
      schema.node.putAll(build());
      return schema;
    }

    public Map<String, Object> build() {
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", "object");
      if (description != null) {
        schema.put("description", description);
      }
      schema.put("properties", new LinkedHashMap<>(properties));
      if (!required.isEmpty()) {
        schema.put("required", List.copyOf(required));
      }
      if (closed) {
        schema.put("additionalProperties", false);
      }
      return schema;
    }
  }
}
