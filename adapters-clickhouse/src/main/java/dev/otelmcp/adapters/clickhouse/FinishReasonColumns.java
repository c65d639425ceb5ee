package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.llm.LlmAttributeKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain's reading of a call's finish reasons ({@code FinishReasons.of}) written as ClickHouse expressions over one
 * span of the exporter's {@code Map} variant (every value text), from the same keys and pattern
 * ({@link LlmAttributeKeys#FINISH_REASON_KEYS}, {@link LlmAttributeKeys#FINISH_REASON_PREFIXES},
 * {@link LlmAttributeKeys#FINISH_REASON_IN_MESSAGES}): the first list key whose text splits into reasons (at commas,
 * without the list's brackets and quotes, trimmed); else the per-choice keys of the first prefix that has any, in
 * choice order; else each {@code finish_reason} in the output messages. {@code reasons_} is the result, layered in
 * select lists as {@link CallColumns#stages} are and added to them by position; the per-choice keys and the messages
 * are read only for spans that may be calls ({@code may_}) and have no list key's reasons.
 */
final class FinishReasonColumns {

  private static final String LIST_MARKS = "[\\[\\]\"']";
  private static final String EMPTY = "CAST([], 'Array(String)')";

  private final SqlParams params;
  private final CallColumns columns;

  FinishReasonColumns(SqlParams params, CallColumns columns) {
    this.params = params;
    this.columns = columns;
  }

  /** Five select lists: list keys split, the first kept; per-choice keys; output messages; the reasons. */
  List<String> stages() {
    List<String> read = new ArrayList<>();
    List<String> lists = new ArrayList<>();
    String marks = params.string(LIST_MARKS);
    List<String> keys = LlmAttributeKeys.FINISH_REASON_KEYS;
    for (int j = 0; j < keys.size(); j++) {
      read.add("arrayFilter(x_ -> x_ != '', arrayMap(x_ -> " + columns.trim("replaceRegexpAll(x_, " + marks + ", '')")
          + ", splitByChar(',', SpanAttributes[" + params.string(keys.get(j)) + "]))) AS frl" + j + "_");
      lists.add("notEmpty(frl" + j + "_), frl" + j + "_");
    }
    String list = "multiIf(" + String.join(", ", lists) + ", " + EMPTY + ") AS frlist_";
    List<String> choices = new ArrayList<>();
    List<String> prefixes = LlmAttributeKeys.FINISH_REASON_PREFIXES;
    String choiceKey = params.string("^[0-9]{1,5}\\.finish_reason$");
    String choiceNumber = params.string("^([0-9]+)\\.");
    for (int p = 0; p < prefixes.size(); p++) {
      String prefix = params.string(prefixes.get(p));
      int from = prefixes.get(p).length() + 1;
      // The per-choice keys of the prefix, ordered by choice number (a TreeMap in the domain).
      String choicesOf = "mapFilter((k_, v_) -> startsWith(k_, " + prefix + ") AND match(substring(k_, " + from + "), "
          + choiceKey + "), attrs_)";
      choices.add("if(may_ AND empty(frlist_), arrayFilter(x_ -> x_ != '', arrayMap(x_ -> " + columns.trim("x_")
          + ", arraySort((v_, k_) -> toUInt32(extract(substring(k_, " + from + "), " + choiceNumber + ")), "
          + "mapValues(" + choicesOf + "), mapKeys(" + choicesOf + ")))), " + EMPTY + ") AS frx" + p + "_");
    }
    List<String> none = new ArrayList<>(List.of("may_", "empty(frlist_)"));
    List<String> picked = new ArrayList<>(List.of("notEmpty(frlist_), frlist_"));
    for (int p = 0; p < prefixes.size(); p++) {
      none.add("empty(frx" + p + "_)");
      picked.add("notEmpty(frx" + p + "_), frx" + p + "_");
    }
    String messages = "if(" + String.join(" AND ", none) + ", arrayFilter(x_ -> x_ != '', arrayMap(x_ -> "
        + columns.trim("x_") + ", extractAll(attrs_[" + params.string(LlmAttributeKeys.OUTPUT_MESSAGES)
        + "], " + params.string(LlmAttributeKeys.FINISH_REASON_IN_MESSAGES) + "))), " + EMPTY + ") AS frmsg_";
    String reasons = "multiIf(" + String.join(", ", picked) + ", frmsg_) AS reasons_";
    // The later lists read the attributes through the layers (a column passed on, not copied).
    read.add("SpanAttributes AS attrs_");
    return List.of(String.join(", ", read), list, String.join(", ", choices), messages, reasons);
  }
}
