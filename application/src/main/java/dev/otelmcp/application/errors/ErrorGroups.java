package dev.otelmcp.application.errors;

import dev.otelmcp.application.view.Texts;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.llm.LlmCalls;
import dev.otelmcp.domain.model.ErrorDetails;
import dev.otelmcp.domain.model.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Failed spans grouped by what failed: service, operation, error type and message pattern. 300 identical
 * connection errors become one group with its count, when it was first and last seen, a few traces to look
 * at, and one exemplar stack trace.
 */
public final class ErrorGroups {

  static final int EXAMPLES = 3;
  static final int MESSAGE_CHARS = 500;

  /** The newest failure of a group, for its message and stack as they really were. */
  public record Exemplar(String traceId, String spanId, String message, String stackTrace, Boolean stackTraceTruncated) {}

  /** One kind of failure. */
  public record Group(
      String serviceName,
      String operationName,
      String errorType,
      String messagePattern,
      int count,
      int traceCount,
      Instant firstSeen,
      Instant lastSeen,
      List<String> exampleTraceIds,
      Boolean isLlmError,
      String model,
      Exemplar exemplar) {}

  private static final class Builder {
    final String service;
    final String operation;
    final String type;
    final String pattern;
    int count;
    final Set<String> traces = new LinkedHashSet<>();
    Instant first;
    Instant last;
    Span newest;
    ErrorDetails newestDetails;
    String model;

    Builder(String service, String operation, String type, String pattern) {
      this.service = service;
      this.operation = operation;
      this.type = type;
      this.pattern = pattern;
    }
  }

  private final int stackChars;
  private final Map<List<String>, Builder> groups = new LinkedHashMap<>();
  private final Set<String> traceIds = new HashSet<>();
  private int spanCount;

  public ErrorGroups(int stackChars) {
    this.stackChars = stackChars;
  }

  public void add(Span span) {
    ErrorDetails details = ErrorDetails.of(span).orElse(new ErrorDetails(null, null, null, 0));
    String pattern = MessagePattern.of(details.message());
    List<String> key = Arrays.asList(span.serviceName(), span.name(), details.type(), pattern);
    Builder group = groups.computeIfAbsent(key, k -> new Builder(span.serviceName(), span.name(), details.type(), pattern));
    group.count++;
    group.traces.add(span.traceId());
    traceIds.add(span.traceId());
    spanCount++;
    Instant start = span.startTime();
    group.first = group.first == null || start.isBefore(group.first) ? start : group.first;
    if (group.last == null || !start.isBefore(group.last)) {
      group.last = start;
      group.newest = span;
      group.newestDetails = details;
    }
    if (group.model == null) {
      group.model = LlmCalls.read(span).map(LlmCall::model).orElse(null);
    }
  }

  /** Traces with at least one failed span added. */
  public int traceCount() {
    return traceIds.size();
  }

  public int spanCount() {
    return spanCount;
  }

  /** Largest first, then the most recent. */
  public List<Group> ordered() {
    List<Group> out = new ArrayList<>();
    for (Builder b : groups.values()) {
      String stack = b.newestDetails.stackTrace();
      boolean cutStack = stack != null && stack.length() > stackChars;
      out.add(new Group(b.service, b.operation, b.type, b.pattern, b.count, b.traces.size(), b.first, b.last,
          exampleTraces(b), b.model != null ? Boolean.TRUE : null, b.model,
          new Exemplar(b.newest.traceId(), b.newest.spanId(), Texts.cut(b.newestDetails.message(), MESSAGE_CHARS),
              cutStack ? stack.substring(0, stackChars) : stack, cutStack ? Boolean.TRUE : null)));
    }
    out.sort(Comparator.comparingInt(Group::count).reversed()
        .thenComparing(Group::lastSeen, Comparator.reverseOrder())
        .thenComparing(Group::serviceName).thenComparing(Group::operationName));
    return out;
  }

  /** The newest failure's trace first, then others in the order they were found (newest traces first). */
  private static List<String> exampleTraces(Builder group) {
    List<String> ids = new ArrayList<>();
    ids.add(group.newest.traceId());
    for (String id : group.traces) {
      if (ids.size() == EXAMPLES) {
        break;
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }
}
