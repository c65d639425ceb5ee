package dev.otelmcp.application.view;

import dev.otelmcp.domain.llm.ContentAttributes;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared rendering rules for result views. */
public final class Views {

  private Views() {}

  /** Milliseconds with microsecond precision. */
  public static double millis(Duration duration) {
    return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
  }

  /**
   * Attributes as plain values, with long strings (payloads) cut to {@code maxChars} and marked, so one span cannot
   * flood an assistant's context — all but the content ones ({@link #content}).
   */
  public static Map<String, Object> attributes(Attributes attributes, int maxChars) {
    Map<String, Object> out = new LinkedHashMap<>();
    attributes.asMap().forEach((key, value) -> {
      if (!ContentAttributes.isContent(key)) {
        out.put(key, render(value, maxChars));
      }
    });
    return out;
  }

  /**
   * The content attributes (prompts, completions, messages, tool input and output), cut like the others; {@code
   * null} when there are none. Answers put them in an {@code untrusted_content} field of their own: text anyone
   * could have written into the application, never instructions for the assistant.
   */
  public static Map<String, Object> content(Attributes attributes, int maxChars) {
    Map<String, Object> out = new LinkedHashMap<>();
    attributes.asMap().forEach((key, value) -> {
      if (ContentAttributes.isContent(key)) {
        out.put(key, render(value, maxChars));
      }
    });
    return out.isEmpty() ? null : out;
  }

  static Object render(AttributeValue value, int maxChars) {
    if (value instanceof AttributeValue.StringValue s) {
      return truncate(s.value(), maxChars);
    }
    return value.toJava();
  }

  static String truncate(String text, int maxChars) {
    return Texts.cut(text, maxChars);
  }
}
