package dev.otelmcp.bootstrap.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * A Tempo answering from a span list as Tempo 2.6+ does: {@code /api/search} (a {@link TraceQlSubset} spanset over
 * traces overlapping {@code start..end} unix seconds, newest first, at most {@code limit}, with summaries:
 * root service and name, whole-millisecond {@code durationMs}, {@code serviceStats}, the first {@code spss} matched
 * spans and their count), trace by id in both shapes (gogo-jsonpb: base64 ids, enum names; 404 with an empty body
 * when unknown), and the v2 tag values of {@code resource.service.name} and {@code name}, filtered by {@code q}.
 */
final class TempoFake implements ResponseDefinitionTransformerV2 {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Trace> traces;

  TempoFake(List<Trace> traces) {
    this.traces = traces.stream().sorted(Comparator.comparing(Trace::startTime).reversed()).toList();
  }

  @Override
  public String getName() {
    return "tempo-fake";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String path = URLDecoder.decode(request.getUrl().replaceFirst("\\?.*", ""), StandardCharsets.UTF_8);
    try {
      if (path.equals("/api/echo")) {
        return text(200, "echo\n");
      }
      if (path.equals("/api/search")) {
        return json(search(request));
      }
      if (path.startsWith("/api/v2/search/tag/") && path.endsWith("/values")) {
        String tag = path.substring("/api/v2/search/tag/".length(), path.length() - "/values".length());
        return json(tagValues(request, tag));
      }
      if (path.startsWith("/api/traces/") || path.startsWith("/api/v2/traces/")) {
        String id = path.substring(path.lastIndexOf('/') + 1);
        Trace trace = traces.stream().filter(t -> t.traceId().equals(id)).findFirst().orElse(null);
        if (trace == null) {
          return text(404, "");
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode batches = OtlpJson.tempo().resourceSpans(trace.spans());
        if (path.startsWith("/api/v2/")) {
          body.putObject("trace").set("resourceSpans", batches);
        } else {
          body.set("batches", batches);
        }
        return json(body);
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException unsupported) {
      return text(400, "fake Tempo: unsupported request " + request.getUrl() + ": " + unsupported.getMessage());
    }
    return text(404, "404 page not found\n");
  }

  private ObjectNode search(Request request) {
    BiPredicate<Span, Trace> matches = TraceQlSubset.parse(param(request, "q"));
    long start = Long.parseLong(param(request, "start")) * 1_000_000_000L;
    long end = Long.parseLong(param(request, "end")) * 1_000_000_000L;
    int limit = param(request, "limit") == null ? 20 : Integer.parseInt(param(request, "limit"));
    int spss = param(request, "spss") == null ? 3 : Integer.parseInt(param(request, "spss"));
    ObjectNode body = JSON.createObjectNode();
    ArrayNode hits = body.putArray("traces");
    for (Trace trace : traces) {
      if (hits.size() >= limit || !overlaps(trace, start, end)) {
        continue;
      }
      List<Span> matched = trace.spans().stream().filter(s -> matches.test(s, trace)).toList();
      if (!matched.isEmpty()) {
        hits.add(TempoSearchHit.of(trace, matched, spss));
      }
    }
    body.putObject("metrics").put("inspectedTraces", traces.size()).put("completedJobs", 1).put("totalJobs", 1);
    return body;
  }

  private static boolean overlaps(Trace trace, long startNanos, long endNanos) {
    long traceStart = TempoSearchHit.nanos(trace.startTime());
    long traceEnd = TempoSearchHit.nanos(trace.endTime());
    return traceStart <= endNanos && traceEnd >= startNanos;
  }

  private ObjectNode tagValues(Request request, String tag) {
    String q = param(request, "q");
    BiPredicate<Span, Trace> matches = TraceQlSubset.parse(q == null ? "{}" : q);
    long start = Long.parseLong(param(request, "start")) * 1_000_000_000L;
    long end = Long.parseLong(param(request, "end")) * 1_000_000_000L;
    TreeSet<String> values = new TreeSet<>();
    for (Trace trace : traces) {
      for (Span span : trace.spans()) {
        long at = TempoSearchHit.nanos(span.startTime());
        if (at >= start && at <= end && matches.test(span, trace)) {
          values.add(switch (tag) {
            case "resource.service.name" -> span.serviceName();
            case "name" -> span.name();
            default -> throw new IllegalArgumentException("tag " + tag);
          });
        }
      }
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode out = body.putArray("tagValues");
    values.forEach(v -> out.addObject().put("type", "string").put("value", v));
    return body;
  }

  private static String param(Request request, String name) {
    QueryParameter p = request.queryParameter(name);
    return p == null || !p.isPresent() ? null : p.firstValue();
  }

  private static ResponseDefinition json(ObjectNode body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
  }

  private static ResponseDefinition text(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(body).build();
  }
}
