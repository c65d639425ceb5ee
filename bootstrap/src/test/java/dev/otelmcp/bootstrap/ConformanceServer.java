package dev.otelmcp.bootstrap;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.Extensions;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.schema.Schema;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.error.InvalidQueryException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import dev.otelmcp.adapters.mcp.completions.ValueKind;
import dev.otelmcp.adapters.mcp.prompts.PromptArgument;
import dev.otelmcp.adapters.mcp.prompts.PromptDefinition;
import dev.otelmcp.adapters.mcp.resources.ExtraResource;
import dev.otelmcp.adapters.mcp.resources.ResourceEntry;
import dev.otelmcp.adapters.mcp.resources.ResourceText;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * otel-mcp exactly as it ships, plus the tools, prompts and resources the official MCP conformance suite asks for by
 * name (its scenarios call {@code test_simple_text}, read {@code test://static-text}, get {@code test_simple_prompt},
 * and so on). Only the conformance
 * run starts it ({@code .ci/conformance}, from the test classes): the jar never serves these.
 */
public final class ConformanceServer {

  private static final Pattern TEMPLATE = Pattern.compile("test://template/([^/]+)/data");

  private ConformanceServer() {}

  /** A tool the suite calls by name: no parameters, an answer with a text. */
  private static final class FixtureTool extends DescribedTool {

    private final Function<Arguments, Object> call;

    FixtureTool(String name, Function<Arguments, Object> call) {
      super(name, name, "Conformance fixture.");
      this.call = call;
    }

    @Override
    public Schema.ObjectBuilder input() {
      return Schema.object();
    }

    @Override
    public Map<String, Object> outputSchema() {
      return Schema.object().required("text", Schema.string(null)).build();
    }

    @Override
    public Object call(Arguments arguments) {
      return call.apply(arguments);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void main(String[] args) {
    Main.run(args, fixtures());
  }

  static Extensions fixtures() {
    PromptDefinition simple = new PromptDefinition("test_simple_prompt", "Simple prompt",
        "A prompt without arguments (conformance fixture).", List.of(),
        arguments -> "This is a simple prompt for testing.");
    // The suite only checks that completing arg1 answers a list of values; arg1 completes as a time window does.
    PromptDefinition withArguments = new PromptDefinition("test_prompt_with_arguments", "Prompt with arguments",
        "A prompt with two arguments (conformance fixture).",
        List.of(new PromptArgument("arg1", "First", "First test argument", true, ValueKind.WINDOW),
            new PromptArgument("arg2", "Second", "Second test argument", true, ValueKind.WINDOW)),
        arguments -> "Prompt with arguments: arg1='" + arguments.get("arg1") + "', arg2='" + arguments.get("arg2") + "'");
    ExtraResource staticText = new ExtraResource(new ResourceEntry("test://static-text", "static-text",
        "Static text", "A static text resource (conformance fixture).", "text/plain"), false,
        uri -> uri.equals("test://static-text")
            ? Optional.of(new ResourceText(uri, "text/plain", "This is the content of the static text resource."))
            : Optional.empty());
    ExtraResource template = new ExtraResource(new ResourceEntry("test://template/{id}/data", "template-data",
        "Template data", "A resource template (conformance fixture).", "application/json"), true,
        uri -> {
          Matcher id = TEMPLATE.matcher(uri);
          return id.matches() ? Optional.of(new ResourceText(uri, "application/json", "{\"id\":\"" + id.group(1)
              + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id.group(1) + "\"}")) : Optional.empty();
        });
    return new Extensions(List.of(
        new FixtureTool("test_simple_text", arguments -> Map.of("text", "This is a simple text response for testing.")),
        new FixtureTool("test_error_handling", arguments -> {
          throw new InvalidQueryException("This tool intentionally returns an error for testing",
              "Nothing to do: the conformance suite expects this error.");
        }),
        new FixtureTool("test_tool_with_progress", arguments -> {
          // three reports further apart than progress notifications are thinned out (250 ms)
          for (int percent = 0; percent <= 100; percent += 50) {
            CallContext.current().progress(percent, 100.0, "fixture progress");
            pause(Duration.ofMillis(300));
          }
          return Map.of("text", "progress reported");
        })),
        List.of(simple, withArguments), List.of(staticText, template));
  }
}
