package dev.otelmcp.adapters.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.domain.pricing.NameMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads genai-prices' match clauses. Names are compared lower-cased, so the literal operands are lower-cased here
 * once; a regular expression is kept as written and applied to the lower-cased name, as the table's own calculator
 * does.
 */
final class MatchReader {

  private MatchReader() {}

  /** The rule, or {@code null} when the node is absent. */
  static NameMatch read(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.has("or")) {
      return new NameMatch.AnyOf(all(node.get("or")));
    }
    if (node.has("and")) {
      return new NameMatch.AllOf(all(node.get("and")));
    }
    if (node.has("equals")) {
      return new NameMatch.Equals(lower(node.get("equals")));
    }
    if (node.has("starts_with")) {
      return new NameMatch.StartsWith(lower(node.get("starts_with")));
    }
    if (node.has("ends_with")) {
      return new NameMatch.EndsWith(lower(node.get("ends_with")));
    }
    if (node.has("contains")) {
      return new NameMatch.Contains(lower(node.get("contains")));
    }
    if (node.has("regex")) {
      return new NameMatch.Regex(Pattern.compile(node.get("regex").asText()));
    }
    throw new IllegalArgumentException("not a match clause: " + node);
  }

  private static List<NameMatch> all(JsonNode list) {
    List<NameMatch> rules = new ArrayList<>();
    list.forEach(item -> rules.add(read(item)));
    return rules;
  }

  private static String lower(JsonNode value) {
    return value.asText().toLowerCase(Locale.ROOT);
  }
}
