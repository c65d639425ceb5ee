package dev.otelmcp.bootstrap.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.application.ApplicationSettings;
import dev.otelmcp.bootstrap.wiring.DaggerCoreComponent;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.port.StoreCapabilities;
import dev.otelmcp.domain.port.TraceSearchResult;
import dev.otelmcp.domain.port.TraceStore;
import dev.otelmcp.domain.query.TraceQuery;
import dev.otelmcp.adapters.pricing.PriceBooks;
import dev.otelmcp.domain.model.TraceId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary: every field name of every tool's input and output schema is one the conventions page
 * (docs/TOOL-CONVENTIONS.md, section "Vocabulary") documents, every documented name is used, and every enum in a
 * schema is written in one case convention.
 */
class ToolVocabularyTest {

  private static final Path CONVENTIONS = Path.of("..", "docs", "TOOL-CONVENTIONS.md");
  private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([a-z0-9_]+)` \\|");
  private static List<McpTool> tools;

  @BeforeAll
  static void tools() {
    tools = DaggerCoreComponent.factory().create(new NoStore(), ApplicationSettings.DEFAULTS, Clock.systemUTC(),
        PriceBooks.load(null)).tools();
  }

  @Test
  void everyFieldNameIsInTheDocumentedVocabulary() throws IOException {
    Map<String, Set<String>> used = fieldNames();
    Set<String> documented = documented();

    Map<String, Set<String>> undocumented = new TreeMap<>(used);
    undocumented.keySet().removeAll(documented);
    assertThat(undocumented).as("field names not in %s (name -> tools)", CONVENTIONS).isEmpty();
  }

  @Test
  void everyDocumentedNameIsUsed() throws IOException {
    Set<String> unused = new TreeSet<>(documented());
    unused.removeAll(fieldNames().keySet());

    assertThat(unused).as("names %s documents that no tool uses", CONVENTIONS).isEmpty();
  }

  @Test
  void enumsAreLowerSnakeCase() {
    Map<String, Set<String>> offending = new TreeMap<>();
    for (McpTool tool : tools) {
      walk(tool.input().build(), (name, schema) -> enumValues(schema, tool, name, offending));
      walk(tool.outputSchema(), (name, schema) -> enumValues(schema, tool, name, offending));
    }
    assertThat(offending).as("enum values not in lower snake case (tool.field -> values)").isEmpty();
  }

  private static void enumValues(Map<?, ?> schema, McpTool tool, String field, Map<String, Set<String>> offending) {
    if (schema.get("enum") instanceof List<?> values) {
      for (Object value : values) {
        if (value instanceof String s && !s.matches("[a-z0-9_.\\-]+")) {
          offending.computeIfAbsent(tool.name() + "." + field, k -> new TreeSet<>()).add(s);
        }
      }
    }
  }

  /** Field name -> the tools that use it. */
  private static Map<String, Set<String>> fieldNames() {
    Map<String, Set<String>> names = new TreeMap<>();
    for (McpTool tool : tools) {
      walk(tool.input().build(), (name, schema) -> names.computeIfAbsent(name, k -> new TreeSet<>()).add(tool.name()));
      walk(tool.outputSchema(), (name, schema) -> names.computeIfAbsent(name, k -> new TreeSet<>()).add(tool.name()));
    }
    return names;
  }

  private interface FieldVisitor {
    void visit(String name, Map<?, ?> schema);
  }

  /** Every property of the schema and of the schemas inside it (items, nested objects, alternatives). */
  private static void walk(Object node, FieldVisitor visitor) {
    if (node instanceof Map<?, ?> schema) {
      if (schema.get("properties") instanceof Map<?, ?> properties) {
        properties.forEach((name, property) -> {
          if (property instanceof Map<?, ?> propertySchema) {
            visitor.visit(String.valueOf(name), propertySchema);
          }
        });
      }
      schema.values().forEach(child -> walk(child, visitor));
    } else if (node instanceof List<?> list) {
      list.forEach(child -> walk(child, visitor));
    }
  }

  private static Set<String> documented() throws IOException {
    Set<String> names = new TreeSet<>();
    boolean inVocabulary = false;
    for (String line : Files.readAllLines(CONVENTIONS)) {
      if (line.startsWith("## ")) {
        inVocabulary = line.equals("## Vocabulary");
      }
      Matcher field = DOCUMENTED.matcher(line);
      if (inVocabulary && field.find()) {
        names.add(field.group(1));
      }
    }
    assertThat(names).as("the vocabulary table of %s", CONVENTIONS).isNotEmpty();
    return names;
  }

  /** The schemas do not depend on the store; the tools only need one to be built. */
  private static final class NoStore implements TraceStore {
    @Override
    public StoreCapabilities capabilities() {
      return new StoreCapabilities(f -> false, f -> false, false, 1, true);
    }

    @Override
    public List<String> listServices(TimeRange window) {
      return List.of();
    }

    @Override
    public List<Operation> listOperations(String serviceName, TimeRange window) {
      return List.of();
    }

    @Override
    public TraceSearchResult searchTraces(TraceQuery query) {
      return TraceSearchResult.of(List.of(), query.limit());
    }

    @Override
    public Optional<Trace> getTrace(TraceId traceId) {
      return Optional.empty();
    }

    @Override
    public HealthStatus health() {
      return HealthStatus.healthy("none");
    }
  }
}
