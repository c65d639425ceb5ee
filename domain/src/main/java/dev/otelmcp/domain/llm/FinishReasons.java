package dev.otelmcp.domain.llm;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why generation stopped, one reason per choice, from whichever place the convention put it: an array
 * attribute, a string (plain, comma-separated or a JSON array), per-choice keys
 * ({@code llm.completions.0.finish_reason}), or the {@code finish_reason} fields of
 * {@code gen_ai.output.messages}.
 */
final class FinishReasons {

  private static final Pattern INDEXED = Pattern.compile("^(\\d+)\\.finish_reason$");
  private static final Pattern IN_JSON = Pattern.compile(LlmConventions.FINISH_REASON_IN_MESSAGES);

  private FinishReasons() {}

  static List<String> of(Attributes attributes) {
    for (String key : LlmConventions.FINISH_REASONS) {
      Optional<AttributeValue> value = attributes.get(key);
      if (value.isPresent()) {
        List<String> reasons = split(value.get());
        if (!reasons.isEmpty()) {
          return reasons;
        }
      }
    }
    List<String> indexed = indexed(attributes);
    if (!indexed.isEmpty()) {
      return indexed;
    }
    return attributes.getText(LlmConventions.OUTPUT_MESSAGES).map(FinishReasons::fromMessages).orElse(List.of());
  }

  private static List<String> split(AttributeValue value) {
    List<String> reasons = new ArrayList<>();
    if (value instanceof AttributeValue.ArrayValue array) {
      array.values().forEach(v -> add(reasons, v.asText()));
      return reasons;
    }
    String text = value.asText();
    int from = 0;
    while (from <= text.length()) {
      int comma = text.indexOf(',', from);
      int to = comma < 0 ? text.length() : comma;
      add(reasons, withoutListMarks(text.substring(from, to)));
      from = to + 1;
    }
    return reasons;
  }

  /** Whether a key is one of the per-choice keys {@link #indexed} reads. */
  static boolean isIndexed(String key) {
    for (String prefix : LlmConventions.INDEXED_FINISH_REASON_PREFIXES) {
      if (choice(prefix, key) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The choice number of {@code <prefix><N>.finish_reason} (at most five digits), or -1 for any other key. */
  private static int choice(String prefix, String key) {
    if (!key.startsWith(prefix)) {
      return -1;
    }
    Matcher m = INDEXED.matcher(key.substring(prefix.length()));
    return m.matches() && m.group(1).length() < 6 ? Integer.parseInt(m.group(1)) : -1;
  }

  private static List<String> indexed(Attributes attributes) {
    for (String prefix : LlmConventions.INDEXED_FINISH_REASON_PREFIXES) {
      Map<Integer, String> byChoice = new TreeMap<>();
      attributes.asMap().forEach((key, value) -> {
        int choice = choice(prefix, key);
        if (choice >= 0) {
          byChoice.put(choice, value.asText());
        }
      });
      List<String> reasons = new ArrayList<>();
      byChoice.values().forEach(v -> add(reasons, v));
      if (!reasons.isEmpty()) {
        return reasons;
      }
    }
    return List.of();
  }

  private static List<String> fromMessages(String json) {
    List<String> reasons = new ArrayList<>();
    Matcher m = IN_JSON.matcher(json);
    while (m.find()) {
      add(reasons, m.group(1));
    }
    return reasons;
  }

  /** A list item without the brackets and quotes of a list written as text ({@code ["stop"]}). */
  private static String withoutListMarks(String part) {
    StringBuilder kept = null;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      boolean mark = c == '[' || c == ']' || c == '"' || c == '\'';
      if (mark && kept == null) {
        kept = new StringBuilder(part.length()).append(part, 0, i);
      } else if (!mark && kept != null) {
        kept.append(c);
      }
    }
    return kept == null ? part : kept.toString();
  }

  private static void add(List<String> reasons, String raw) {
    String reason = raw == null ? "" : raw.trim();
    if (!reason.isEmpty()) {
      reasons.add(reason);
    }
  }
}
