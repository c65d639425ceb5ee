package dev.otelmcp.application.errors;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape of an error message with its variable parts replaced, so that "timeout after 3012 ms talking to
 * 10.0.0.7:5432" and "timeout after 2980 ms talking to 10.0.0.9:5432" fall into one group.
 */
public final class MessagePattern {

  static final int MAX_CHARS = 200;

  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"), "<uuid>"),
      new Rule(Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}[T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?"), "<time>"),
      new Rule(Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b"), "<ip>"),
      new Rule(Pattern.compile("\\b(0x)?(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6,}\\b"), "<hex>"),
      new Rule(Pattern.compile("\\d+(\\.\\d+)?"), "<n>"),
      new Rule(Pattern.compile("\\s+"), " "));

  private MessagePattern() {}

  /** The message's pattern; {@code null} for no message. */
  public static String of(String message) {
    if (message == null || message.isBlank()) {
      return null;
    }
    String first = message.strip().lines().findFirst().orElse("");
    for (Rule rule : RULES) {
      first = rule.pattern().matcher(first).replaceAll(rule.replacement());
    }
    return first.length() <= MAX_CHARS ? first : first.substring(0, MAX_CHARS) + "…";
  }
}
