package dev.otelmcp.domain.pricing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule on a model or provider name, as price tables write them (genai-prices' {@code match} clauses):
 * equals, starts_with, ends_with, contains, regex, and any-of / all-of combinations.
 */
public sealed interface NameMatch {

  boolean matches(String name);

  /** The rule as a person reads it, e.g. {@code starts_with "gpt-4o"}. */
  String text();

  /** Never matches (a provider without a rule of this kind). */
  NameMatch NONE = new AnyOf(List.of());

  record Equals(String value) implements NameMatch {
    @Override
    public String text() {
      return "equals \"" + value + "\"";
    }

    @Override
    public boolean matches(String name) {
      return name.equals(value);
    }
  }

  record StartsWith(String value) implements NameMatch {
    @Override
    public String text() {
      return "starts_with \"" + value + "\"";
    }

    @Override
    public boolean matches(String name) {
      return name.startsWith(value);
    }
  }

  record EndsWith(String value) implements NameMatch {
    @Override
    public String text() {
      return "ends_with \"" + value + "\"";
    }

    @Override
    public boolean matches(String name) {
      return name.endsWith(value);
    }
  }

  record Contains(String value) implements NameMatch {
    @Override
    public String text() {
      return "contains \"" + value + "\"";
    }

    @Override
    public boolean matches(String name) {
      return name.contains(value);
    }
  }

  /** A regular expression found anywhere in the name (anchor it with ^ and $ to match the whole name). */
  record Regex(Pattern pattern) implements NameMatch {
    @Override
    public String text() {
      return "regex /" + pattern.pattern() + "/";
    }

    @Override
    public boolean matches(String name) {
      return pattern.matcher(name).find();
    }
  }

  record AnyOf(List<NameMatch> rules) implements NameMatch {
    public AnyOf {
      rules = List.copyOf(rules);
    }

    @Override
    public String text() {
      return rules.stream().map(NameMatch::text).collect(java.util.stream.Collectors.joining(" or ", "(", ")"));
    }

    @Override
    public boolean matches(String name) {
      return rules.stream().anyMatch(rule -> rule.matches(name));
    }
  }

  record AllOf(List<NameMatch> rules) implements NameMatch {
    public AllOf {
      rules = List.copyOf(rules);
    }

    @Override
    public String text() {
      return rules.stream().map(NameMatch::text).collect(java.util.stream.Collectors.joining(" and ", "(", ")"));
    }

    @Override
    public boolean matches(String name) {
      return !rules.isEmpty() && rules.stream().allMatch(rule -> rule.matches(name));
    }
  }
}
