package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.AnswerBodies;
import dev.otelmcp.backend.toolkit.feign.FeignCalls;
import dev.otelmcp.otlp.codec.OtlpDecodeResult;
import dev.otelmcp.otlp.codec.OtlpDecodingException;
import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OTLP-based {@code /api/v3}. Parameters use the snake_case names every api_v3 version understands
 * (the camelCase ones exist only from v2.19).
 */
final class V3JaegerFlavour implements JaegerFlavour {

  private static final Logger LOG = LoggerFactory.getLogger(V3JaegerFlavour.class);

  private final V3Api api;
  private final FeignCalls calls;
  private final ObjectMapper mapper;
  private final OtlpJsonDecoder decoder;

  V3JaegerFlavour(V3Api api, FeignCalls calls, ObjectMapper mapper) {
    this.api = api;
    this.calls = calls;
    this.mapper = mapper;
    this.decoder = new OtlpJsonDecoder(mapper);
  }

  @Override
  public String label() {
    return "api_v3 (/api/v3)";
  }

  @Override
  public List<String> services() {
    String what = "GET /api/v3/services";
    V3Api.Services services = calls.call(what, api::services);
    if (services == null) {
      throw calls.notJson(what, "empty body", null);
    }
    return services.services() == null ? List.of() : services.services();
  }

  /** One entry per name; the span kind when Jaeger reports exactly one for it. */
  @Override
  public List<Operation> operations(String service) {
    String what = "GET /api/v3/operations";
    V3Api.Operations operations;
    try {
      operations = calls.call(what, () -> api.operations(service));
    } catch (NotFoundException unknownService) {
      return List.of();
    }
    if (operations == null) {
      throw calls.notJson(what, "empty body", null);
    }
    Map<String, Set<SpanKind>> kinds = new TreeMap<>();
    for (V3Api.Operation operation : operations.operations() == null ? List.<V3Api.Operation>of() : operations.operations()) {
      if (operation == null || operation.name() == null) {
        continue;
      }
      Set<SpanKind> known = kinds.computeIfAbsent(operation.name(), k -> new TreeSet<>());
      SpanKind.parse(operation.spanKind()).ifPresent(known::add);
    }
    List<Operation> out = new ArrayList<>(kinds.size());
    kinds.forEach((name, known) -> out.add(new Operation(name, known.size() == 1 ? known.iterator().next() : null)));
    return out;
  }

  @Override
  public SearchPage search(NativeSearch search) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("query.service_name", search.service());
    if (search.operation() != null) {
      params.put("query.operation_name", search.operation());
    }
    params.put("query.start_time_min", QueryStrings.rfc3339Nanos(search.window().start()));
    params.put("query.start_time_max", QueryStrings.rfc3339Nanos(search.window().end()));
    if (search.minDuration() != null) {
      params.put("query.duration_min", GoDurations.format(search.minDuration()));
    }
    if (search.maxDuration() != null) {
      params.put("query.duration_max", GoDurations.format(search.maxDuration()));
    }
    params.put("query.search_depth", Integer.toString(search.limit()));
    // The pre-v2.19 name of the same limit; without either, old versions return nothing.
    params.put("query.num_traces", Integer.toString(search.limit()));
    // Honoured from Jaeger 2.19, ignored before: the store re-checks every filter anyway. errorsOnly is not
    // sent: api_v3 storage keeps the OTLP status, and an "error" attribute is not guaranteed to exist there.
    if (!search.tags().isEmpty()) {
      params.put("query.attributes", QueryStrings.jsonObject(mapper, search.tags()));
    }
    String what = "GET /api/v3/traces";
    byte[] body;
    try {
      body = calls.call(what, () -> api.search(QueryStrings.encoded(params)));
    } catch (NotFoundException noTraces) {
      // Jaeger answers a search without hits with 404 "No traces found".
      return new SearchPage(List.of(), false);
    }
    List<Trace> traces = decode(what, body).traces();
    return new SearchPage(traces, traces.size() >= search.limit());
  }

  @Override
  public Optional<Trace> trace(String traceId) {
    String what = "GET /api/v3/traces/{traceId}";
    byte[] body;
    try {
      body = calls.call(what, () -> api.trace(traceId));
    } catch (NotFoundException notFound) {
      return Optional.empty();
    }
    return decode(what, body).traces().stream().filter(t -> t.traceId().equals(traceId)).findFirst();
  }

  private OtlpDecodeResult decode(String what, byte[] body) {
    OtlpDecodeResult result;
    try {
      result = decoder.decode(body);
    } catch (OtlpDecodingException e) {
      // Cut-off JSON is a parse failure of a body that began like JSON; a page or a foreign shape is not JSON we know.
      boolean cutOff = e.getCause() instanceof JsonProcessingException && AnswerBodies.startsLikeJson(body);
      throw calls.unreadable(what, cutOff, e.getMessage(), e);
    }
    if (result.isLossy()) {
      LOG.warn("Jaeger {}: left out {} unreadable spans, {} attributes and {} events/links",
          what, result.skippedSpans(), result.skippedAttributes(), result.skippedEventsAndLinks());
    }
    return result;
  }
}
