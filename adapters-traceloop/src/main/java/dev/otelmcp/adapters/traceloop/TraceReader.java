package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.backend.toolkit.feign.FeignCalls;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one whole trace.
 *
 * <p>{@code GET …/traces/{id}/spans} returns every span with its attributes, events and cost, but without
 * service name, status and resource attributes. Those exist only in search results, so the trace's spans are
 * then looked up with {@code POST …/spans} over the trace's own time window (the seconds in which its spans
 * started, the environments its spans belong to), page after page until every span was seen, the window has
 * no more spans, {@value #MAX_DETAIL_PAGES} pages of {@value #DETAIL_PAGE_SIZE} were read, or the tool call
 * should stop (after the first page). A span not found there keeps status UNSET and an unknown service (a busy project can fill the window with other traces'
 * spans; see the README, "Traceloop").
 */
final class TraceReader {

  static final int DETAIL_PAGE_SIZE = 1000;
  static final int MAX_DETAIL_PAGES = 10;

  private static final Logger LOG = LoggerFactory.getLogger(TraceReader.class);
  private static final String TRACE_SPANS = "GET /v2/projects/" + TraceloopApi.PROJECT + "/traces/{id}/spans";
  private static final String SPANS = "POST /v2/projects/" + TraceloopApi.PROJECT + "/spans";

  private final TraceloopApi api;
  private final FeignCalls calls;
  private final SpanMapper mapper;
  private final TraceloopConfig config;

  TraceReader(TraceloopApi api, FeignCalls calls, SpanMapper mapper, TraceloopConfig config) {
    this.api = api;
    this.calls = calls;
    this.mapper = mapper;
    this.config = config;
  }

  /** The trace, or empty when the API does not know the id (it answers {@code {"spans":null}}). */
  Optional<Trace> read(String traceId) {
    Wire.TraceSpansResponse answer = calls.call(TRACE_SPANS, () -> api.traceSpans(traceId));
    List<Wire.WireSpan> rows = answer == null || answer.spans() == null ? List.of() : answer.spans();
    List<Span> spans = new ArrayList<>();
    Set<String> environments = new LinkedHashSet<>();
    for (Wire.WireSpan row : rows) {
      mapper.span(row).filter(s -> s.traceId().equals(traceId)).ifPresent(spans::add);
      if (row != null && row.environment() != null && !row.environment().isBlank()) {
        environments.add(row.environment());
      }
    }
    if (spans.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Span> details = details(traceId, spans,
        environments.isEmpty() ? config.environments() : List.copyOf(environments));
    List<Span> whole = new ArrayList<>(spans.size());
    for (Span span : spans) {
      whole.add(withDetails(span, details.get(span.spanId())));
    }
    if (details.size() < spans.size()) {
      LOG.debug("trace {}: {} of {} spans not found by span search; their service and status are unknown",
          traceId, spans.size() - details.size(), spans.size());
    }
    return Optional.of(new Trace(traceId, whole));
  }

  /** The search rows of the trace's spans, by span id. */
  private Map<String, Span> details(String traceId, List<Span> spans, List<String> environments) {
    Set<String> wanted = new LinkedHashSet<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Span span : spans) {
      wanted.add(span.spanId());
      first = Math.min(first, span.startTime().toEpochMilli());
      last = Math.max(last, span.startTime().toEpochMilli());
    }
    long fromSec = Math.floorDiv(first, 1000L);
    long toSec = Math.floorDiv(last, 1000L) + 1;
    Map<String, Span> found = new HashMap<>();
    String cursor = null;
    // No early stop here: a trace is answered whole or not at all (its spans' status and service come from here).
    for (int page = 0; page < MAX_DETAIL_PAGES && found.size() < wanted.size(); page++) {
      Wire.SearchRequest request = Paging.request(List.of(), environments, fromSec, toSec, DETAIL_PAGE_SIZE, cursor);
      Wire.SpansResponse answer = calls.call(SPANS, () -> api.spans(request));
      Paging.Page rows = Paging.page(answer == null ? null : answer.spans(), DETAIL_PAGE_SIZE, cursor);
      for (Wire.WireSpan row : rows.rows()) {
        mapper.span(row)
            .filter(s -> s.traceId().equals(traceId) && wanted.contains(s.spanId()))
            .ifPresent(s -> found.putIfAbsent(s.spanId(), s));
      }
      if (!rows.mayHaveMore()) {
        break;
      }
      cursor = rows.nextCursor();
    }
    return found;
  }

  /**
   * The span of the trace endpoint (attributes with prompts inline, events, cost) with what only the search
   * row has: service, status, resource and scope.
   */
  private static Span withDetails(Span span, Span row) {
    if (row == null) {
      return span;
    }
    Attributes.Builder attributes = Attributes.builder().putAll(span.attributes());
    row.attributes().asMap().forEach((key, value) -> {
      if (!attributes.containsKey(key)) {
        attributes.put(key, value);
      }
    });
    return span.toBuilder()
        .serviceName(row.serviceName())
        .status(row.status())
        .resource(row.resource())
        .scopeName(row.scopeName())
        .attributes(attributes.build())
        .build();
  }
}
