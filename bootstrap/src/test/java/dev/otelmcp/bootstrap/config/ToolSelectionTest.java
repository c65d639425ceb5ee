package dev.otelmcp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolSelectionTest {

  private static final List<String> TOOLS = List.of("list_services", "search_traces", "get_trace", "get_llm_usage",
      "list_llm_models");

  @TempDir
  Path dir;

  private ToolSelection selection(Map<String, String> env, String... args) {
    return ToolSelection.from(Configuration.parse(args, env, dir));
  }

  private static List<String> served(ToolSelection selection) {
    return selection.apply(TOOLS, Function.identity());
  }

  @Test
  void withoutEitherOptionEveryToolIsServed() {
    assertThat(served(selection(Map.of()))).isEqualTo(TOOLS);
  }

  @Test
  void anAllowListServesItsToolsInTheServersOwnOrder() {
    assertThat(served(selection(Map.of(), "--tools", "get_llm_usage, list_services", "--tools", "list_services")))
        .containsExactly("list_services", "get_llm_usage");
  }

  @Test
  void disabledToolsAreLeftOutAfterTheAllowListAndTheEnvironmentWorksToo() {
    assertThat(served(selection(Map.of("OTEL_MCP_DISABLE_TOOLS", "get_trace,search_traces"))))
        .containsExactly("list_services", "get_llm_usage", "list_llm_models");
    assertThat(served(selection(Map.of(), "--tools", "get_trace,get_llm_usage", "--disable-tools", "get_trace")))
        .containsExactly("get_llm_usage");
  }

  @Test
  void aNameThatIsNoToolIsAConfigurationErrorListingTheTools() {
    assertThatThrownBy(() -> served(selection(Map.of(), "--tools", "get_llm_usage,get_usage")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("--tools: 'get_usage' is no tool; the tools are: list_services, search_traces, get_trace, "
            + "get_llm_usage, list_llm_models");
    assertThatThrownBy(() -> served(selection(Map.of(), "--disable-tools", "get_traces")))
        .hasMessageStartingWith("--disable-tools: 'get_traces' is no tool");
  }

  @Test
  void aSelectionThatLeavesNothingIsRefused() {
    assertThatThrownBy(() -> served(selection(Map.of(), "--tools", "get_trace", "--disable-tools", "get_trace")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("leave no tool to serve");
  }
}
