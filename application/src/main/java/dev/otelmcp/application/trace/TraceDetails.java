package dev.otelmcp.application.trace;

import dev.otelmcp.application.view.SpanRoles;
import dev.otelmcp.application.view.EventView;
import dev.otelmcp.application.view.LinkView;
import dev.otelmcp.application.view.Views;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanEvent;
import dev.otelmcp.domain.model.SpanId;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The full views of a trace's spans ({@link TraceSpans}) and of one attribute ({@link AttributeText}). */
public final class TraceDetails {

  /** Events shown per span, exceptions first. */
  static final int MAX_EVENTS = 20;

  private TraceDetails() {}

  public static TraceSpans spans(Trace trace, SpanSelection selection, int maxValueChars) {
    SpanTree tree = SpanTree.of(trace);
    SpanTimes times = new SpanTimes(tree);
    List<Span> chosen = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    if (selection instanceof SpanSelection.All) {
      chosen.addAll(tree.preorder());
    } else if (selection instanceof SpanSelection.Ids ids) {
      Set<String> wanted = new LinkedHashSet<>(ids.spanIds().stream().map(SpanId::hex).toList());
      tree.preorder().stream().filter(s -> wanted.contains(s.spanId())).forEach(chosen::add);
      wanted.stream().filter(id -> tree.span(id).isEmpty()).forEach(missing::add);
    } else if (selection instanceof SpanSelection.Subtree subtree) {
      String spanId = subtree.spanId().hex();
      if (tree.span(spanId).isEmpty()) {
        throw new NotFoundException("span " + spanId + " is not in trace " + trace.traceId(),
            "Take a span_id from get_trace's span_tree rows.");
      }
      chosen.addAll(tree.subtree(spanId, subtree.depth()));
    }
    Map<Attributes, Integer> resourceIds = new LinkedHashMap<>();
    List<TraceSpans.Resource> resources = new ArrayList<>();
    List<TraceSpans.Detail> details = new ArrayList<>();
    for (Span span : chosen) {
      Integer id = resourceIds.get(span.resource());
      if (id == null) {
        id = resources.size();
        resourceIds.put(span.resource(), id);
        resources.add(new TraceSpans.Resource(id, span.serviceName(), Views.attributes(span.resource(), maxValueChars)));
      }
      details.add(detail(span, tree, times, id, maxValueChars));
    }
    return new TraceSpans(TraceHeader.of(trace), resources, details, missing.isEmpty() ? null : missing,
        "Text values longer than " + maxValueChars + " characters end with …[N more chars]: get_trace with span_id and "
            + "attribute returns one whole; max_value_chars raises the cut.");
  }

  private static TraceSpans.Detail detail(Span span, SpanTree tree, SpanTimes times, int resourceId, int maxChars) {
    List<SpanEvent> events = new ArrayList<>(span.events());
    // Exceptions first: when a span has hundreds of log events, its failure must still be shown.
    events.sort((a, b) -> Boolean.compare(!SpanEvent.EXCEPTION.equals(a.name()), !SpanEvent.EXCEPTION.equals(b.name())));
    List<EventView> shown = events.stream().limit(MAX_EVENTS).map(e -> EventView.of(e, maxChars)).toList();
    String message = span.status().message();
    return new TraceSpans.Detail(
        span.spanId(),
        span.parentSpanId(),
        tree.depth(span.spanId()),
        span.name(),
        span.serviceName(),
        span.kind().wireName(),
        span.startTime(),
        Views.millis(span.duration()),
        times.selfMs(span.spanId()),
        span.status().code().wireName(),
        message.isEmpty() ? null : dev.otelmcp.application.view.Texts.cut(message, maxChars),
        SpanRoles.of(span),
        resourceId,
        Views.attributes(span.attributes(), maxChars),
        Views.content(span.attributes(), maxChars),
        shown.isEmpty() ? null : shown,
        events.size() > shown.size() ? events.size() - shown.size() : null,
        span.links().isEmpty() ? null : span.links().stream().map(LinkView::of).toList());
  }

  public static AttributeText attribute(Trace trace, SpanId id, String key, int chunkChars) {
    String spanId = id.hex();
    Span span = trace.spans().stream().filter(s -> s.spanId().equals(spanId)).findFirst()
        .orElseThrow(() -> new NotFoundException("span " + spanId + " is not in trace " + trace.traceId(),
            "Take a span_id from get_trace's span_tree rows."));
    String foundIn = "span";
    Optional<AttributeValue> value = span.attributes().get(key);
    if (value.isEmpty()) {
      for (int i = span.events().size() - 1; i >= 0 && value.isEmpty(); i--) {
        value = span.events().get(i).attributes().get(key);
        foundIn = "event";
      }
    }
    if (value.isEmpty()) {
      value = span.resource().get(key);
      foundIn = "resource";
    }
    String text = value.map(TraceDetails::text).orElseThrow(() -> new NotFoundException(
        "span " + spanId + " has no attribute " + dev.otelmcp.domain.error.Quote.of(key),
        "Attribute keys are listed by get_trace with span_ids=[\"" + spanId + "\"]."));
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < text.length(); i += chunkChars) {
      chunks.add(text.substring(i, Math.min(text.length(), i + chunkChars)));
    }
    return new AttributeText(trace.traceId(), spanId, key, foundIn, text.length(), chunks);
  }

  private static String text(AttributeValue value) {
    return value instanceof AttributeValue.StringValue s ? s.value() : String.valueOf(value.toJava());
  }
}
