package dev.otelmcp.adapters.mcp.surface;

import dev.otelmcp.adapters.mcp.DescribedTool;
import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.ResultMapper;
import dev.otelmcp.adapters.mcp.answers.ToolAnswers;
import dev.otelmcp.adapters.mcp.answers.ToolBox;
import dev.otelmcp.adapters.mcp.args.Arguments;
import dev.otelmcp.adapters.mcp.calls.CallRunner;
import dev.otelmcp.adapters.mcp.calls.RunningCalls;
import dev.otelmcp.adapters.mcp.paging.AnswerFitter;
import dev.otelmcp.adapters.mcp.schema.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Fake tools for the resource, prompt and completion tests: a name, the parameters it accepts, and a body. */
final class FakeTools {

  static final Map<String, Object> WINDOW = Map.of("start_time", "2026-01-01T00:00:00Z", "end_time",
      "2026-01-02T00:00:00Z");

  private FakeTools() {}

  static ToolAnswers answers() {
    return answers(Duration.ofSeconds(5));
  }

  static ToolAnswers answers(Duration callTimeout) {
    return new ToolAnswers(new ResultMapper(), new AnswerFitter(new ResultMapper(), 80_000),
        new CallRunner(callTimeout, new RunningCalls()));
  }

  static ToolBox box(McpTool... tools) {
    return new ToolBox(List.of(tools), answers());
  }

  /** A tool accepting the named parameters (any JSON value) and answering with body. */
  static McpTool tool(String name, Function<Arguments, Object> body, String... parameters) {
    return new DescribedTool(name, name, "A fake " + name + ".") {
      @Override
      public Schema.ObjectBuilder input() {
        Schema.ObjectBuilder input = Schema.object();
        for (String parameter : parameters) {
          input.property(parameter, Schema.any(null));
        }
        return input;
      }

      @Override
      public Map<String, Object> outputSchema() {
        return Schema.object().build();
      }

      @Override
      public Object call(Arguments arguments) {
        return body.apply(arguments);
      }
    };
  }

  /** Counts the calls of a body. */
  static Function<Arguments, Object> counted(AtomicInteger calls, Function<Arguments, Object> body) {
    return arguments -> {
      calls.incrementAndGet();
      return body.apply(arguments);
    };
  }

  static McpTool listServices(String... services) {
    return tool("list_services", a -> Map.of("count", services.length, "services", List.of(services), "window",
        WINDOW));
  }

  /** list_operations answering the given operation names of every service. */
  static McpTool listOperations(Function<String, List<String>> operationsOf) {
    return tool("list_operations", a -> {
      String service = a.requiredString("service_name", "a service");
      List<String> names = operationsOf.apply(service);
      return Map.of("service_name", service, "count", names.size(),
          "operations", names.stream().map(n -> Map.of("name", n)).toList(), "window", WINDOW);
    }, "service_name");
  }

  static McpTool failing(String name, RuntimeException failure, String... parameters) {
    return tool(name, a -> {
      throw failure;
    }, parameters);
  }
}
