package dev.otelmcp.bootstrap.config;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which tools to serve ({@code --tools}, {@code --disable-tools}): an operator trims the list an assistant sees —
 * fewer tool definitions in every prompt, or no tool that reads prompts and completions at all. A name that is no
 * tool is a configuration error (a typo would otherwise serve more, or less, than meant).
 *
 * @param allowed the tools to serve, or empty for all
 * @param disabled the tools not to serve
 */
public record ToolSelection(Set<String> allowed, Set<String> disabled) {

  public ToolSelection {
    allowed = Set.copyOf(allowed);
    disabled = Set.copyOf(disabled);
  }

  /** The selection the configuration asks for; values may hold several comma-separated names. */
  public static ToolSelection from(Configuration config) {
    return new ToolSelection(names(config.getAll(ConfigOption.TOOLS)), names(config.getAll(ConfigOption.DISABLE_TOOLS)));
  }

  private static Set<String> names(Collection<String> values) {
    Set<String> names = new LinkedHashSet<>();
    values.forEach(value -> Arrays.stream(value.split(",")).map(String::strip).filter(name -> !name.isEmpty())
        .forEach(names::add));
    return names;
  }

  /**
   * The tools to serve, in their own order.
   *
   * @throws ConfigurationException naming a name that is no tool, or when nothing would be served
   */
  public <T> List<T> apply(List<T> tools, Function<T, String> name) {
    Set<String> known = new LinkedHashSet<>();
    tools.forEach(tool -> known.add(name.apply(tool)));
    check(ConfigOption.TOOLS, allowed, known);
    check(ConfigOption.DISABLE_TOOLS, disabled, known);
    List<T> served = tools.stream()
        .filter(tool -> allowed.isEmpty() || allowed.contains(name.apply(tool)))
        .filter(tool -> !disabled.contains(name.apply(tool)))
        .toList();
    if (served.isEmpty()) {
      throw new ConfigurationException(ConfigOption.TOOLS.flag() + " and " + ConfigOption.DISABLE_TOOLS.flag()
          + " leave no tool to serve");
    }
    return served;
  }

  private static void check(ConfigOption option, Set<String> names, Set<String> known) {
    for (String candidate : names) {
      if (!known.contains(candidate)) {
        throw new ConfigurationException(option.flag() + ": '" + candidate + "' is no tool; the tools are: "
            + String.join(", ", known));
      }
    }
  }
}
