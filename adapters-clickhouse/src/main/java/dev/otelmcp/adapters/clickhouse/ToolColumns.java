package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.llm.LlmAttributeKeys;
import dev.otelmcp.domain.llm.SpanRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The domain's reading of a tool call ({@code ToolCalls.read}) written as ClickHouse expressions over one span of the
 * exporter's {@code Map} variant, from the same keys ({@link LlmAttributeKeys#TOOL_KEYS}, {@link SpanRole#DECLARED}):
 * {@code tname_} is the tool's name when the span is a tool call, {@code ''} when it is not — layered in select lists
 * as {@link CallColumns#stages} are, and added to them by position. {@code dur_} is the span's duration in nanoseconds.
 */
final class ToolColumns {

  private final SqlParams params;
  private final CallColumns columns;

  ToolColumns(SqlParams params) {
    this.params = params;
    this.columns = new CallColumns(params);
  }

  /** Three select lists: the span's own columns read, the name worked out, the name kept when the span is a tool. */
  List<String> stages() {
    LlmAttributeKeys.ToolKeys keys = LlmAttributeKeys.TOOL_KEYS;
    List<String> read = new ArrayList<>();
    String named = columns.text(keys.names(), "tn_", read);
    read.add(toolRole() + " AS trole_");
    read.add("SpanAttributes[" + params.string(keys.mcpMethod()) + "] = " + params.string(keys.mcpToolsCall())
        + " AS tmcp_");
    read.add(columns.trim("SpanName") + " AS tsn_");
    read.add(FilterSql.DURATION_NANOS + " AS dur_");
    // The span name without the prefixes (each in turn) and the suffix, as ToolCalls.nameFromSpanName cuts it.
    String name = "tsn_";
    for (String prefix : keys.spanNamePrefixes()) {
      name = "if(startsWith(" + name + ", " + params.string(prefix) + "), substring(" + name + ", "
          + (prefix.length() + 1) + "), " + name + ")";
    }
    String suffix = keys.spanNameSuffix();
    name = "if(endsWith(" + name + ", " + params.string(suffix) + "), substring(" + name + ", 1, length(" + name
        + ") - " + suffix.length() + "), " + name + ")";
    String fromSpanName = columns.trim(name) + " AS tsn3_";
    String chosen = "ifNull(tn_, tsn3_)";
    String kept = "if((trole_ OR tmcp_) AND " + chosen + " != '' AND position(" + chosen + ", '/') = 0, " + chosen
        + ", '') AS tname_";
    return List.of(String.join(", ", read), named + ", " + fromSpanName, kept);
  }

  /** Whether the span's role is a tool: the first key declaring a role decides ({@code SpanRole.of}). */
  private String toolRole() {
    List<String> branches = new ArrayList<>();
    for (Map.Entry<String, Map<String, SpanRole>> key : SpanRole.DECLARED.entrySet()) {
      String value = "lowerUTF8(" + columns.trimmed(params.string(key.getKey())) + ")";
      List<String> tools = key.getValue().entrySet().stream().filter(e -> e.getValue() == SpanRole.TOOL)
          .map(Map.Entry::getKey).toList();
      branches.add(value + " IN " + params.keys(key.getValue().keySet()));
      branches.add(tools.isEmpty() ? "0" : value + " IN " + params.keys(tools));
    }
    return "multiIf(" + String.join(", ", branches) + ", 0)";
  }
}
