package dev.otelmcp.adapters.mcp.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SDK's JSON Schema validator, made when it is first needed rather than when the server is built.
 *
 * <p>Why: making it (the JSON Schema 2020-12 dialect and its format checkers) and checking the 26 tool schemas
 * against the meta-schema, as the SDK's server builder does, took about 160 ms of the ~600 ms to the answer of
 * {@code initialize} on a 2-core machine — and neither is needed before the first tool call. So the builder's
 * check of a tool's schemas ({@link #assertConforms}) is recorded and done in {@link #checkToolSchemas}, which the
 * server runs after its first answer, or at the latest before the first tool result is checked against its output
 * schema ({@link #validate}). A schema that does not conform then fails every check with the SDK's message naming the
 * tool, as it would have failed the build; {@code ToolSchemasConformTest} keeps ours from ever getting there.
 */
public final class DeferredSchemaValidator implements JsonSchemaValidator {

  private record Declared(String name, Map<String, Object> schema) {}

  private final ObjectMapper mapper;
  private final List<Declared> declared = new ArrayList<>();
  private JsonSchemaValidator validator;
  private IllegalArgumentException nonConforming;

  public DeferredSchemaValidator(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Records a tool's schema to check in {@link #checkToolSchemas}. */
  @Override
  public synchronized void assertConforms(String name, Map<String, Object> schema) {
    if (schema == null) {
      return;
    }
    if (validator != null) {
      JsonSchemaValidator.super.assertConforms(name, schema);
      return;
    }
    declared.add(new Declared(name, schema));
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return checked().validateSchema(schema);
  }

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    return checked().validate(schema, structuredContent);
  }

  /**
   * Makes the validator and checks the recorded tool schemas against the meta-schema, once.
   *
   * @throws IllegalArgumentException naming the first tool whose schema does not conform (again on every later use)
   */
  public void checkToolSchemas() {
    checked();
  }

  private synchronized JsonSchemaValidator checked() {
    if (validator == null) {
      JsonSchemaValidator made = new DefaultJsonSchemaValidator(mapper);
      for (Declared tool : declared) {
        try {
          made.assertConforms(tool.name(), tool.schema());
        } catch (IllegalArgumentException e) {
          nonConforming = nonConforming == null ? e : nonConforming;
        }
      }
      declared.clear();
      validator = made;
    }
    if (nonConforming != null) {
      throw nonConforming;
    }
    return validator;
  }
}
