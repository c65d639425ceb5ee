package dev.otelmcp.application.view;

import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.llm.SpanRole;
import dev.otelmcp.domain.model.Span;
import java.util.Locale;

/** The role a span plays, as tools name it: llm, tool, agent, workflow, task or other. */
public final class SpanRoles {

  private SpanRoles() {}

  public static String of(Span span) {
    SpanRole role = SpanRole.of(span);
    if (role != SpanRole.OTHER) {
      return role.name().toLowerCase(Locale.ROOT);
    }
    return LlmCalls.read(span).isPresent() ? "llm" : "other";
  }
}
