package dev.otelmcp.application.view;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How long texts are cut in answers: visibly, saying how much was left out. */
public final class Texts {

  static final int STACK_LINES = 4;
  static final int STACK_HEAD_CHARS = 600;

  private Texts() {}

  /** The text, or its first {@code maxChars} characters and a marker {@code …[N more chars]}. */
  public static String cut(String text, int maxChars) {
    if (text == null || text.length() <= maxChars) {
      return text;
    }
    return text.substring(0, maxChars) + "…[" + (text.length() - maxChars) + " more chars]";
  }

  /** The first lines of a stack trace: where it was thrown. */
  public static String stackHead(String stack) {
    if (stack == null) {
      return null;
    }
    return cut(Arrays.stream(stack.split("\n")).limit(STACK_LINES).collect(Collectors.joining("\n")), STACK_HEAD_CHARS);
  }
}
