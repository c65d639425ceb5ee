package dev.otelmcp.domain.pricing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule on a model or provider name, as price tables write them (genai-prices' {@code match} clauses):
 * equals, starts_with, ends_with, contains, regex, and any-of / all-of combinations.
 */
public sealed interface NameMatch {

  boolean matches(String name);

  /** Never matches (a provider without a rule of this kind). */
  NameMatch NONE = new AnyOf(List.of());

  record Equals(String value) implements NameMatch {
    @Override
    public boolean matches(String name) {
      return name.equals(value);
    }
  }

  record StartsWith(String value) implements NameMatch {
    @Override
    public boolean matches(String name) {
      return name.startsWith(value);
    }
  }

  record EndsWith(String value) implements NameMatch {
    @Override
    public boolean matches(String name) {
      return name.endsWith(value);
    }
  }

  record Contains(String value) implements NameMatch {
    @Override
    public boolean matches(String name) {
      return name.contains(value);
    }
  }

  /** A regular expression found anywhere in the name (anchor it with ^ and $ to match the whole name). */
  record Regex(Pattern pattern) implements NameMatch {
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
    public boolean matches(String name) {
      return rules.stream().anyMatch(rule -> rule.matches(name));
    }
  }

  record AllOf(List<NameMatch> rules) implements NameMatch {
    public AllOf {
      rules = List.copyOf(rules);
    }

    @Override
    public boolean matches(String name) {
      return !rules.isEmpty() && rules.stream().allMatch(rule -> rule.matches(name));
    }
  }
}
