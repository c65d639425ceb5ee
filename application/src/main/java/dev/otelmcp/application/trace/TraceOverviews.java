package dev.otelmcp.application.trace;

import dev.otelmcp.application.llm.LlmSummary;
import dev.otelmcp.application.view.SpanRoles;
import dev.otelmcp.application.view.Texts;
import dev.otelmcp.domain.llm.LlmCall;
import dev.otelmcp.domain.model.ErrorDetails;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.StatusCode;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a {@link TraceOverview}: one pass over the tree for each part, every part bounded. */
public final class TraceOverviews {

  static final int MAX_ERRORS = 10;
  static final int SLOWEST = 5;
  static final int MAX_PATH = 25;
  /** Siblings sharing a name and service are collapsed into one row from this many on. */
  static final int COLLAPSE_MIN = 5;
  static final int MESSAGE_CHARS = 300;
  static final List<String> COLUMNS =
      List.of("depth", "span_id", "name", "service_name", "role", "duration_ms", "status", "total_tokens", "count");

  private TraceOverviews() {}

  /** @param calls the trace's LLM calls, priced (see {@code CallPricing}) */
  public static TraceOverview of(Trace trace, List<LlmCall> calls) {
    SpanTree tree = SpanTree.of(trace);
    SpanTimes times = new SpanTimes(tree);
    Map<String, LlmCall> counted = new HashMap<>();
    calls.forEach(call -> counted.put(call.span().spanId(), call));

    List<Span> failed = tree.preorder().stream().filter(Span::isError).toList();
    List<TraceOverview.ErrorSpan> errors = failed.stream().limit(MAX_ERRORS).map(span -> error(span, tree)).toList();
    List<TraceOverview.PathSpan> path = times.criticalPath().stream().limit(MAX_PATH).map(s -> path(s, times)).toList();
    List<TraceOverview.PathSpan> slowest = times.slowestBySelfTime(SLOWEST).stream().map(s -> path(s, times)).toList();
    return new TraceOverview(
        TraceHeader.of(trace),
        LlmSummary.of(calls),
        errors,
        failed.size() > errors.size() ? failed.size() - errors.size() : null,
        path,
        slowest,
        rows(tree, counted),
        "Details of chosen spans: get_trace with span_ids (or span_id and depth for a subtree); every span with its "
            + "attributes: view=spans.");
  }

  private static TraceOverview.ErrorSpan error(Span span, SpanTree tree) {
    ErrorDetails details = ErrorDetails.of(span).orElse(new ErrorDetails(null, null, null, 0));
    boolean origin = tree.subtree(span.spanId(), Integer.MAX_VALUE).stream().skip(1).noneMatch(Span::isError);
    return new TraceOverview.ErrorSpan(span.spanId(), span.name(), span.serviceName(), details.type(),
        Texts.cut(details.message(), MESSAGE_CHARS), Texts.stackHead(details.stackTrace()), origin ? Boolean.TRUE : null);
  }

  private static TraceOverview.PathSpan path(Span span, SpanTimes times) {
    return new TraceOverview.PathSpan(span.spanId(), span.name(), span.serviceName(),
        Math.round(span.duration().toNanos() / 1_000.0) / 1_000.0, times.selfMs(span.spanId()));
  }

  private static TraceOverview.SpanRows rows(SpanTree tree, Map<String, LlmCall> counted) {
    List<List<Object>> rows = new ArrayList<>();
    int[] collapsed = {0};
    emit(tree.roots(), 0, tree, counted, rows, collapsed, new HashSet<>());
    return new TraceOverview.SpanRows(COLUMNS, rows, collapsed[0]);
  }

  private static void emit(List<Span> siblings, int depth, SpanTree tree, Map<String, LlmCall> counted,
      List<List<Object>> rows, int[] collapsed, Set<String> visited) {
    Map<String, List<Span>> groups = new LinkedHashMap<>();
    siblings.forEach(span -> groups.computeIfAbsent(span.name() + '\u0000' + span.serviceName(), k -> new ArrayList<>()).add(span));
    for (Span span : siblings) {
      if (!visited.add(span.spanId())) {
        continue;
      }
      List<Span> group = groups.get(span.name() + '\u0000' + span.serviceName());
      if (group.size() >= COLLAPSE_MIN) {
        if (group.get(0) == span) {
          rows.add(collapsedRow(group, depth, tree, counted, collapsed));
        }
        continue;
      }
      LlmCall call = counted.get(span.spanId());
      rows.add(row(depth, span.spanId(), span.name(), span.serviceName(), SpanRoles.of(span), millis(span.duration().toNanos()),
          span.status().code().wireName(), call == null ? null : call.usage().total(), 1));
      emit(tree.children(span.spanId()), depth + 1, tree, counted, rows, collapsed, visited);
    }
  }

  private static List<Object> collapsedRow(List<Span> group, int depth, SpanTree tree, Map<String, LlmCall> counted,
      int[] collapsed) {
    long nanos = 0;
    long tokens = 0;
    boolean anyTokens = false;
    boolean failed = false;
    int hidden = 0;
    for (Span member : group) {
      nanos += member.duration().toNanos();
      for (Span span : tree.subtree(member.spanId(), Integer.MAX_VALUE)) {
        hidden++;
        failed |= span.isError();
        LlmCall call = counted.get(span.spanId());
        if (call != null) {
          tokens += call.usage().total();
          anyTokens = true;
        }
      }
    }
    collapsed[0] += hidden - 1;
    Span first = group.get(0);
    return row(depth, first.spanId(), first.name(), first.serviceName(), SpanRoles.of(first), millis(nanos),
        (failed ? StatusCode.ERROR : first.status().code()).wireName(), anyTokens ? tokens : null, group.size());
  }

  private static List<Object> row(int depth, String spanId, String name, String service, String role, double durationMs,
      String status, Long tokens, int count) {
    List<Object> row = new ArrayList<>(COLUMNS.size());
    row.add(depth);
    row.add(spanId);
    row.add(name);
    row.add(service);
    row.add(role);
    row.add(durationMs);
    row.add(status);
    row.add(tokens);
    row.add(count);
    return row;
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}
