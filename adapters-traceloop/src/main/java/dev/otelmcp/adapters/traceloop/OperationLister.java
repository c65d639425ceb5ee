package dev.otelmcp.adapters.traceloop;

import dev.otelmcp.backend.toolkit.feign.FeignCalls;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations (span names) of one service, read from the span search filtered on that service ({@code POST
 * …/spans} with {@code service.name equals}): the API has no list of span names, and its workflow-name list is per
 * project, not per service.
 *
 * <p>A busy service's newest spans may all carry the same few names, so paging through its spans would find rare
 * names late or never. Instead, after each page the names found so far are excluded ({@code span_name not_equals},
 * up to {@value #MAX_EXCLUDED} of them) and the search starts again from the newest span: every row of the next
 * page is a name not seen yet, and a page that is not full means every name was seen. Past {@value #MAX_EXCLUDED}
 * names, or when a page brings no new name (an API that ignored the exclusions), the search pages on with the
 * cursor instead. At most {@value #MAX_REQUESTS} requests, and no further one once the tool call should stop; a
 * list cannot say it is partial, so the log says where it stopped.
 *
 * <p>The API matches {@code service.name} literally, so spans that have no service name at all (which otel-mcp
 * shows as {@code unknown_service}) are not found this way.
 */
final class OperationLister {

  static final int MAX_REQUESTS = 10;
  static final int MAX_EXCLUDED = 100;

  private static final Logger LOG = LoggerFactory.getLogger(OperationLister.class);
  private static final String SPANS = "POST /v2/projects/" + TraceloopApi.PROJECT + "/spans";

  private final TraceloopApi api;
  private final FeignCalls calls;
  private final SpanMapper mapper;
  private final TraceloopConfig config;
  private final int pageSize;

  OperationLister(TraceloopApi api, FeignCalls calls, SpanMapper mapper, TraceloopConfig config, int pageSize) {
    this.api = api;
    this.calls = calls;
    this.mapper = mapper;
    this.config = config;
    this.pageSize = pageSize;
  }

  /** The service's operations in the window, sorted by name, each with the kind of the first span seen. */
  List<Operation> list(String service, TimeRange window) {
    Map<String, Operation> found = new TreeMap<>();
    List<String> excluded = List.of();
    String cursor = null;
    for (int request = 0; request < MAX_REQUESTS; request++) {
      if (request > 0 && CallStops.now("listing the operations of a service", request)) {
        return List.copyOf(found.values());
      }
      Paging.Page page = page(service, excluded, window, cursor);
      int before = found.size();
      for (Wire.WireSpan row : page.rows()) {
        mapper.span(row).filter(s -> s.serviceName().equals(service) && window.contains(s.startTime()))
            .ifPresent(s -> found.putIfAbsent(s.name(), operation(s)));
      }
      if (!page.mayHaveMore()) {
        return List.copyOf(found.values());
      }
      if (found.size() > before && found.size() <= MAX_EXCLUDED) {
        excluded = List.copyOf(found.keySet());
        cursor = null;
      } else {
        cursor = page.nextCursor();
      }
    }
    LOG.info("Traceloop: listing the operations of a service stopped after {} requests with {} names; rarer names"
        + " may be missing", MAX_REQUESTS, found.size());
    return List.copyOf(found.values());
  }

  private Paging.Page page(String service, List<String> excluded, TimeRange window, String cursor) {
    List<Wire.WireFilter> filters = new ArrayList<>();
    filters.add(new Wire.WireFilter("service.name", "equals", service, "string"));
    for (String name : excluded) {
      // The API takes no empty value; a nameless span may then come again, which only costs a row.
      if (!name.isEmpty()) {
        filters.add(new Wire.WireFilter("span_name", "not_equals", name, "string"));
      }
    }
    Wire.SearchRequest request = Paging.request(filters, config.environments(), window, pageSize, cursor);
    Wire.SpansResponse answer = calls.call(SPANS, () -> api.spans(request));
    return Paging.page(answer == null ? null : answer.spans(), pageSize, cursor);
  }

  private static Operation operation(Span span) {
    return new Operation(span.name(), span.kind() == SpanKind.UNSPECIFIED ? null : span.kind());
  }
}
