package dev.otelmcp.adapters.mcp.surface;

import static dev.otelmcp.adapters.mcp.surface.FakeTools.box;
import static dev.otelmcp.adapters.mcp.surface.FakeTools.counted;
import static dev.otelmcp.adapters.mcp.surface.FakeTools.failing;
import static dev.otelmcp.adapters.mcp.surface.FakeTools.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.completions.Completion;
import dev.otelmcp.adapters.mcp.completions.CompletionException;
import dev.otelmcp.adapters.mcp.completions.Completions;
import dev.otelmcp.adapters.mcp.prompts.OtelPrompts;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompletionsTest {

  private final AtomicInteger operationCalls = new AtomicInteger();
  private final AtomicInteger serviceCalls = new AtomicInteger();

  private McpTool services(String... names) {
    return tool("list_services", counted(serviceCalls, a -> Map.of("count", names.length, "services",
        List.of(names))));
  }

  private McpTool operations() {
    return tool("list_operations", counted(operationCalls, a -> {
      String service = a.requiredString("service_name", "");
      return Map.of("operations", List.of(Map.of("name", service + " GET /"), Map.of("name", service + " POST /")));
    }), "service_name");
  }

  private static McpTool models(String... names) {
    return tool("list_llm_models", a -> Map.of("models",
        java.util.Arrays.stream(names).map(n -> Map.of("model", n, "request_count", 1)).toList()));
  }

  private static McpTool traces(String... ids) {
    // the limit is read as search_traces reads it: a completion must ask for a valid one
    return tool("search_traces", a -> Map.of("limit", a.integer("limit", 10, 1, 1000), "traces",
        java.util.Arrays.stream(ids).map(id -> Map.of("trace_id", id)).toList()), "limit");
  }

  private static McpTool llmTools(String... names) {
    return tool("list_llm_tools", a -> Map.of("tools",
        java.util.Arrays.stream(names).map(n -> Map.of("tool_name", n)).toList()));
  }

  private Completions completions(McpTool... tools) {
    return new Completions(box(tools), new OtelPrompts());
  }

  private Completions all() {
    return completions(services("checkout", "Cart", "catalog", "payments"), operations(),
        models("gpt-4o", "gpt-4o-mini", "gpt-4.1", "claude-sonnet-4"), traces("abc1", "abd2", "ffe3"),
        llmTools("web_search", "weather", "calculator"));
  }

  private static CompletionException failure(Runnable completion) {
    CompletionException failure = catchThrowableOfType(completion::run, CompletionException.class);
    assertThat(failure).isNotNull();
    return failure;
  }

  @Test
  void servicesMatchByPrefixIgnoringCase() {
    Completion completion = all().forPrompt("investigate_errors", "service_name", "CA", Map.of());

    assertThat(completion.values()).containsExactly("Cart", "catalog");
    assertThat(completion.total()).isEqualTo(2);
    assertThat(completion.hasMore()).isFalse();
    assertThat(all().forPrompt("agent_tool_usage", "service_name", "", null).values()).hasSize(4);
    assertThat(all().forPrompt("investigate_errors", "service_name", "z", Map.of()).values()).isEmpty();
  }

  @Test
  void operationsComeFromTheServiceInTheContext() {
    Completion completion = all().forPrompt("investigate_errors", "operation_name", "checkout g",
        Map.of("service_name", "checkout"));

    assertThat(completion.values()).containsExactly("checkout GET /");
    assertThat(all().forPrompt("investigate_errors", "operation_name", "", Map.of()).values()).isEmpty();
    assertThat(all().forPrompt("investigate_errors", "operation_name", "", Map.of("service_name", " ")).values())
        .isEmpty();
    assertThat(operationCalls).hasValue(1);
  }

  @Test
  void typedTextOrContextLongerThanAnyNameCompletesNothing() {
    String long1 = "gpt-4o," + "x".repeat(Completions.MAX_TYPED_CHARS);

    assertThat(all().forPrompt("compare_models", "models", long1, Map.of()).values())
        .as("a model list would put the typed text before every value").isEmpty();
    assertThat(all().forPrompt("investigate_errors", "operation_name", "",
        Map.of("service_name", "s".repeat(Completions.MAX_TYPED_CHARS + 1))).values()).isEmpty();
  }

  @Test
  void aCutListSaysMoreMayMatch() {
    McpTool cut = tool("list_services", a -> Map.of("count", 1, "services", List.of("cart"), "truncated", true,
        "window", FakeTools.WINDOW));

    Completion completion = new Completions(box(cut), new OtelPrompts()).forPrompt("investigate_errors",
        "service_name", "c", Map.of());

    assertThat(completion.values()).containsExactly("cart");
    assertThat(completion.hasMore()).isTrue();
  }

  @Test
  void aModelListCompletesTheLastNameAndLeavesOutTheChosenOnes() {
    Completion completion = all().forPrompt("compare_models", "models", "gpt-4o,gp", Map.of());

    assertThat(completion.values()).containsExactly("gpt-4o,gpt-4o-mini", "gpt-4o,gpt-4.1");
    assertThat(completion.total()).isEqualTo(2);
    assertThat(all().forPrompt("compare_models", "models", "gpt-4o,claude-sonnet-4,", Map.of()).values())
        .containsExactly("gpt-4o,claude-sonnet-4,gpt-4o-mini", "gpt-4o,claude-sonnet-4,gpt-4.1");
    assertThat(all().forPrompt("compare_models", "models", "CL", Map.of()).values())
        .containsExactly("claude-sonnet-4");
  }

  @Test
  void aCompletedModelListStartsWithWhatWasTyped() {
    // a client replaces the typed value with a completion and filters completions by what was typed: the space
    // after a comma is part of it
    Completion completion = all().forPrompt("compare_models", "models", "gpt-4o, claude-sonnet-4, g", Map.of());

    assertThat(completion.values()).containsExactly("gpt-4o, claude-sonnet-4, gpt-4o-mini",
        "gpt-4o, claude-sonnet-4, gpt-4.1");
  }

  @Test
  void traceIdsComeFromRecentTraces() {
    assertThat(all().forPrompt("debug_slow_trace", "trace_id", "ab", Map.of()).values())
        .containsExactly("abc1", "abd2");
    assertThat(all().forTemplate("otel://trace/{trace_id}", "trace_id", "FF", Map.of()).values())
        .containsExactly("ffe3");
  }

  @Test
  void agentToolsComeFromListLlmTools() {
    assertThat(all().forPrompt("agent_tool_usage", "tool_name", "we", Map.of()).values())
        .containsExactly("web_search", "weather");
  }

  @Test
  void windowsAndGroupingsAreFixedChoices() {
    Completions completions = completions();

    assertThat(completions.forPrompt("cost_report", "window", "", Map.of()).values())
        .containsExactly("-15m", "-1h", "-6h", "-24h", "-7d", "-30d");
    assertThat(completions.forPrompt("investigate_errors", "window", "-1", Map.of()).values())
        .containsExactly("-15m", "-1h");
    assertThat(completions.forPrompt("cost_report", "group_by", "", Map.of()).values())
        .containsExactly("model", "service", "provider", "day", "hour");
    assertThat(completions.forPrompt("cost_report", "group_by", "H", Map.of()).values()).containsExactly("hour");
  }

  @Test
  void atMostAHundredValuesAreListedWithTheTotal() {
    String[] names = IntStream.range(0, 150).mapToObj(i -> String.format("svc-%03d", i)).toArray(String[]::new);

    Completion completion = completions(services(names)).forPrompt("investigate_errors", "service_name", "svc",
        Map.of());

    assertThat(completion.values()).hasSize(Completions.MAX_VALUES).startsWith("svc-000", "svc-001")
        .endsWith("svc-099");
    assertThat(completion.total()).isEqualTo(150);
    assertThat(completion.hasMore()).isTrue();
  }

  @Test
  void theBackendIsAskedOnceForCompletionsInARow() {
    Completions completions = all();

    completions.forPrompt("investigate_errors", "service_name", "c", Map.of());
    completions.forPrompt("investigate_errors", "service_name", "ca", Map.of());
    completions.forPrompt("agent_tool_usage", "service_name", "cat", Map.of());
    completions.forPrompt("investigate_errors", "operation_name", "", Map.of("service_name", "checkout"));
    completions.forPrompt("investigate_errors", "operation_name", "c", Map.of("service_name", "checkout"));
    completions.forPrompt("investigate_errors", "operation_name", "", Map.of("service_name", "cart"));

    assertThat(serviceCalls).hasValue(1);
    assertThat(operationCalls).as("once per service").hasValue(2);
  }

  @Test
  void anUnknownServiceHasNoOperations() {
    Completions completions = completions(failing("list_operations",
        new NotFoundException("no service 'gone'", "list_services names them."), "service_name"));

    Completion completion = completions.forPrompt("investigate_errors", "operation_name", "",
        Map.of("service_name", "gone"));

    assertThat(completion.values()).isEmpty();
    assertThat(completion.total()).isZero();
  }

  @Test
  void aBackendFailureIsNotTheClientsMistakeAndNamesTheTool() {
    Completions completions = completions(failing("list_services",
        new BackendUnavailableException("could not reach Jaeger", "Check BACKEND_URL.")));

    CompletionException failure = failure(() -> completions.forPrompt("investigate_errors", "service_name", "",
        Map.of()));

    assertThat(failure.clientMistake()).isFalse();
    assertThat(failure.getMessage()).contains("list_services").contains("could not reach Jaeger");
  }

  @Test
  void aFailureIsNotCached() {
    AtomicInteger calls = new AtomicInteger();
    Completions completions = completions(tool("list_services", counted(calls, a -> {
      if (calls.get() == 1) {
        throw new BackendUnavailableException("down", "later");
      }
      return Map.of("services", List.of("back"));
    })));

    failure(() -> completions.forPrompt("investigate_errors", "service_name", "", Map.of()));

    assertThat(completions.forPrompt("investigate_errors", "service_name", "", Map.of()).values())
        .containsExactly("back");
  }

  @Test
  void unknownNamesAreTheClientsMistake() {
    Completions completions = all();

    CompletionException prompt = failure(() -> completions.forPrompt("nope", "service_name", "", Map.of()));
    CompletionException argument = failure(() -> completions.forPrompt("cost_report", "service_name", "", Map.of()));
    CompletionException template = failure(() -> completions.forTemplate("otel://span/{id}", "id", "", Map.of()));
    CompletionException templateArgument = failure(() -> completions.forTemplate("otel://trace/{trace_id}", "id",
        "", Map.of()));

    assertThat(List.of(prompt, argument, template, templateArgument)).allSatisfy(e ->
        assertThat(e.clientMistake()).isTrue());
    assertThat(prompt.getMessage()).contains("'nope'");
    assertThat(argument.getMessage()).contains("cost_report").contains("'service_name'");
    assertThat(template.getMessage()).contains("'otel://span/{id}'");
    assertThat(templateArgument.getMessage()).contains("'id'");
  }

  @Test
  void backendValuesAreAskedForAgainOnceTheyAreThirtySecondsOld() {
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
    Completions completions = new Completions(box(services("api", "web")), new OtelPrompts(), now::get);

    completions.forPrompt("investigate_errors", "service_name", "", Map.of());
    now.addAndGet(java.time.Duration.ofSeconds(29).toNanos());
    completions.forPrompt("investigate_errors", "service_name", "a", Map.of());
    assertThat(serviceCalls).hasValue(1);

    now.addAndGet(java.time.Duration.ofSeconds(2).toNanos());
    assertThat(completions.forPrompt("investigate_errors", "service_name", "w", Map.of()).values())
        .containsExactly("web");
    assertThat(serviceCalls).hasValue(2);
  }
}
