package dev.otelmcp.bootstrap;

import dev.otelmcp.adapters.mcp.Extensions;
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
 * otel-mcp exactly as it ships, plus the prompts and resources the official MCP conformance suite asks for by name
 * (its scenarios read {@code test://static-text}, get {@code test_simple_prompt}, and so on). Only the conformance
 * run starts it ({@code .ci/conformance}, from the test classes): the jar never serves these.
 */
public final class ConformanceServer {

  private static final Pattern TEMPLATE = Pattern.compile("test://template/([^/]+)/data");

  private ConformanceServer() {}

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
    return new Extensions(List.of(simple, withArguments), List.of(staticText, template));
  }
}
