package dev.otelmcp.domain.llm;

import java.time.Instant;
import java.util.Objects;

/**
 * Tool calls of one tool in one service, summed ({@code LlmToolUsage}): how often it ran, failed and how long it
 * took in all. Durations are summed in nanoseconds, so that any two ways of adding the same calls give the same mean.
 *
 * @param name the tool's name, as {@link ToolCalls} reads it
 * @param serviceName the service of the tool's spans
 * @param firstStart when the earliest of the calls started
 * @param lastStart when the latest of the calls started
 */
public record ToolGroup(String name, String serviceName, long calls, long errors, long durationNanos,
    Instant firstStart, Instant lastStart) {

  public ToolGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(firstStart, "firstStart");
    Objects.requireNonNull(lastStart, "lastStart");
  }

  /** One tool call, as a group of its own. */
  public static ToolGroup of(ToolCall call) {
    return new ToolGroup(call.name(), call.span().serviceName(), 1, call.failed() ? 1 : 0,
        call.span().duration().toNanos(), call.span().startTime(), call.span().startTime());
  }

  /** These calls and another group's (of the same tool and service), summed. */
  public ToolGroup plus(ToolGroup other) {
    return new ToolGroup(name, serviceName, calls + other.calls, errors + other.errors,
        durationNanos + other.durationNanos, firstStart.isBefore(other.firstStart) ? firstStart : other.firstStart,
        lastStart.isAfter(other.lastStart) ? lastStart : other.lastStart);
  }
}
