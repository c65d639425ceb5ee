package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.feign.FeignCalls;
import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The classic {@code /api}: Jaeger's UI model over JSON, times in microseconds, durations as Go strings,
 * tags as a JSON object of strings.
 */
final class ClassicJaegerFlavour implements JaegerFlavour {

  private static final String SEARCH = "GET /api/traces";

  private final ClassicApi api;
  private final FeignCalls calls;
  private final ObjectMapper mapper;
  /** Set once a Jaeger answered 404 to /api/operations (older than 1.19): only the legacy endpoint is asked then. */
  private volatile boolean legacyOperationsOnly;

  ClassicJaegerFlavour(ClassicApi api, FeignCalls calls, ObjectMapper mapper) {
    this.api = api;
    this.calls = calls;
    this.mapper = mapper;
  }

  @Override
  public String label() {
    return "the classic /api";
  }

  @Override
  public List<String> services() {
    UiModel.Envelope<List<String>> envelope = calls.call("GET /api/services", api::services);
    return data(envelope, "GET /api/services");
  }

  @Override
  public List<Operation> operations(String service) {
    if (!legacyOperationsOnly) {
      String what = "GET /api/operations";
      try {
        List<UiModel.OperationEntry> entries = data(calls.call(what, () -> api.operationsWithKinds(service)), what);
        Map<String, Operation> unique = new LinkedHashMap<>();
        // A name seen with two kinds is listed once, with the first kind, as every backend lists it.
        entries.forEach(entry -> unique.putIfAbsent(entry.name(),
            new Operation(entry.name(), SpanKind.parse(entry.spanKind()).orElse(null))));
        return List.copyOf(unique.values());
      } catch (NotFoundException olderJaeger) {
        legacyOperationsOnly = true;
      }
    }
    return legacyOperations(service);
  }

  private List<Operation> legacyOperations(String service) {
    String what = "GET /api/services/{service}/operations";
    try {
      List<String> names = data(calls.call(what, () -> api.operations(service)), what);
      List<Operation> operations = new ArrayList<>();
      new LinkedHashSet<>(names).forEach(name -> operations.add(Operation.named(name)));
      return operations;
    } catch (NotFoundException unknownService) {
      return List.of();
    }
  }

  @Override
  public SearchPage search(NativeSearch search) {
    return search(search, api::search);
  }

  /** Only the tags the LLM views read are made; the rest of each answer is passed over as it is parsed. */
  @Override
  public SearchPage searchForLlmViews(NativeSearch search, LlmViewTags kept) {
    UiTraceReader reader = new UiTraceReader(mapper, kept);
    return search(search, query -> calls.parse(SEARCH, api.searchBody(query), reader::read));
  }

  private SearchPage search(NativeSearch search, Function<Map<String, String>, UiTraces> ask) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("service", search.service());
    if (search.operation() != null) {
      params.put("operation", search.operation());
    }
    params.put("start", Long.toString(QueryStrings.floorMicros(search.window().start())));
    params.put("end", Long.toString(QueryStrings.ceilMicros(search.window().end())));
    if (search.minDuration() != null) {
      params.put("minDuration", GoDurations.format(search.minDuration()));
    }
    if (search.maxDuration() != null) {
      params.put("maxDuration", GoDurations.format(search.maxDuration()));
    }
    params.put("limit", Integer.toString(search.limit()));
    Map<String, String> tags = new LinkedHashMap<>(search.tags());
    if (search.errorsOnly()) {
      // Jaeger's OTLP translator marks error spans with error=true; tag values must be strings.
      tags.put("error", "true");
    }
    if (!tags.isEmpty()) {
      params.put("tags", QueryStrings.jsonObject(mapper, tags));
    }
    String what = SEARCH;
    UiTraces answer = calls.call(what, () -> ask.apply(QueryStrings.encoded(params)));
    if (answer == null) {
      throw calls.notJson(what, "empty body", null);
    }
    if (answer.count() == 0 && !answer.errors().isEmpty()) {
      UiModel.Error error = answer.errors().get(0);
      throw reported(what, error == null ? null : error.msg());
    }
    return new SearchPage(answer.traces(), answer.count() >= search.limit());
  }

  @Override
  public Optional<Trace> trace(String traceId) {
    String what = "GET /api/traces/{traceId}";
    UiTraces answer;
    try {
      answer = calls.call(what, () -> api.trace(traceId));
    } catch (NotFoundException notFound) {
      return Optional.empty();
    }
    if (answer == null) {
      throw calls.notJson(what, "empty body", null);
    }
    return answer.traces().stream().filter(t -> t.traceId().equals(traceId)).findFirst();
  }

  /**
   * The envelope's data; an envelope with errors and no data is a refusal even when the status was 200
   * (Jaeger reports some failures that way).
   */
  private <T> List<T> data(UiModel.Envelope<List<T>> envelope, String what) {
    if (envelope == null) {
      throw calls.notJson(what, "empty body", null);
    }
    if ((envelope.data() == null || envelope.data().isEmpty()) && !envelope.errorList().isEmpty()) {
      UiModel.Error error = envelope.errorList().get(0);
      throw reported(what, error.msg());
    }
    return envelope.data() == null ? List.of() : envelope.data();
  }

  /** The exception for an answer whose status was fine but whose envelope reports an error. */
  private BackendRejectedException reported(String what, String message) {
    return new BackendRejectedException(calls.failures().at() + " reported an error for " + what + ": "
        + calls.failures().scrub(String.valueOf(message)),
        "Jaeger's message says what went wrong; adjust the query or check Jaeger's logs.");
  }
}
