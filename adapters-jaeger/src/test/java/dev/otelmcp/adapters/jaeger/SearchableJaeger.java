package dev.otelmcp.adapters.jaeger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.tck.TestBackendSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A classic Jaeger query API that answers searches as Jaeger does — the traces of the service asked for that have a
 * span starting between {@code start} and {@code end}, newest first, at most {@code limit} — for paging tests, which
 * a recorded answer (the same whatever is asked) cannot drive. Traces are written in Jaeger's UI model by
 * {@link #trace}; a service can be made to refuse its searches.
 */
final class SearchableJaeger implements AutoCloseable {

  /** The window the tests search; their traces start an hour into it, {@link #MINUTE}s apart. */
  static final TimeRange WINDOW =
      new TimeRange(Instant.parse("2025-11-11T00:00:00Z"), Instant.parse("2025-11-12T00:00:00Z"));
  static final long BASE = ChronoUnit.MICROS.between(Instant.EPOCH, WINDOW.start()) + 3_600_000_000L;
  static final long MINUTE = 60_000_000L;

  /** One span of a stored trace: its service, start (µs) and tags as a JSON array. */
  record StoredSpan(String spanId, String service, long startMicros, String tagsJson) {}

  /** A stored trace: its id and spans. */
  record StoredTrace(String traceId, List<StoredSpan> spans) {

    long startMicros() {
      return spans.stream().mapToLong(StoredSpan::startMicros).min().orElseThrow();
    }
  }

  private final HttpServer server;
  private final List<StoredTrace> traces;
  private final Set<String> refusing;
  private final List<Map<String, String>> searches = new CopyOnWriteArrayList<>();
  private final List<Integer> returned = new CopyOnWriteArrayList<>();
  private final List<JaegerTraceStore> stores = new CopyOnWriteArrayList<>();

  SearchableJaeger(List<StoredTrace> traces, Set<String> refusing) throws IOException {
    this.traces = List.copyOf(traces);
    this.refusing = Set.copyOf(refusing);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/services", exchange -> answer(exchange, 200, envelope(services().stream()
        .map(s -> "\"" + s + "\"").toList())));
    server.createContext("/api/traces", this::search);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * A store over this Jaeger's classic API whose LLM call scan asks for at most {@code scanSearchLimit} a search; it is
   * closed with this Jaeger.
   */
  JaegerTraceStore store(int scanSearchLimit) {
    JaegerTraceStore store = new JaegerTraceStore(JaegerConfig.from(TestBackendSettings.url(url())
        .with("api_version", "classic")), scanSearchLimit);
    stores.add(store);
    return store;
  }

  /** The query of every search made, in order. */
  List<Map<String, String>> searches() {
    return List.copyOf(searches);
  }

  /** How many traces each search returned, in the order of {@link #searches()}. */
  List<Integer> returned() {
    return List.copyOf(returned);
  }

  /** A trace whose spans are the given ones, the first the root. */
  static StoredTrace trace(String traceId, StoredSpan... spans) {
    return new StoredTrace(traceId, Arrays.asList(spans));
  }

  /** One span; {@code tags} are {@code key, type, value-as-JSON} triples. */
  static StoredSpan span(String spanId, String service, long startMicros, String... tags) {
    List<String> written = new ArrayList<>();
    for (int i = 0; i < tags.length; i += 3) {
      written.add("{\"key\":\"" + tags[i] + "\",\"type\":\"" + tags[i + 1] + "\",\"value\":" + tags[i + 2] + "}");
    }
    return new StoredSpan(spanId, service, startMicros, "[" + String.join(",", written) + "]");
  }

  private List<String> services() {
    TreeSet<String> names = new TreeSet<>();
    traces.forEach(t -> t.spans().forEach(s -> names.add(s.service())));
    return List.copyOf(names);
  }

  private void search(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String service = query.get("service");
    if (refusing.contains(service)) {
      record(query, 0);
      answer(exchange, 400, "{\"data\":null,\"errors\":[{\"code\":400,\"msg\":\"refused for the test\"}]}");
      return;
    }
    long start = Long.parseLong(query.get("start"));
    long end = Long.parseLong(query.get("end"));
    int limit = Integer.parseInt(query.get("limit"));
    List<String> found = traces.stream()
        .filter(t -> t.spans().stream().anyMatch(s -> s.service().equals(service) && s.startMicros() >= start
            && s.startMicros() <= end))
        .sorted(Comparator.comparingLong(StoredTrace::startMicros).reversed())
        .limit(limit)
        .map(SearchableJaeger::json)
        .toList();
    record(query, found.size());
    answer(exchange, 200, envelope(found));
  }

  private synchronized void record(Map<String, String> query, int count) {
    searches.add(query);
    returned.add(count);
  }

  private static String json(StoredTrace trace) {
    Map<String, String> processes = new LinkedHashMap<>();
    List<String> spans = new ArrayList<>();
    for (StoredSpan span : trace.spans()) {
      String process = processes.computeIfAbsent(span.service(), s -> "p" + (processes.size() + 1));
      String parent = span == trace.spans().get(0) ? ""
          : "{\"refType\":\"CHILD_OF\",\"traceID\":\"" + trace.traceId() + "\",\"spanID\":\""
              + trace.spans().get(0).spanId() + "\"}";
      spans.add("{\"traceID\":\"" + trace.traceId() + "\",\"spanID\":\"" + span.spanId()
          + "\",\"operationName\":\"op-" + span.spanId() + "\",\"references\":[" + parent + "],\"startTime\":"
          + span.startMicros() + ",\"duration\":1000,\"tags\":" + span.tagsJson() + ",\"logs\":[],\"processID\":\""
          + process + "\"}");
    }
    String processJson = processes.entrySet().stream()
        .map(e -> "\"" + e.getValue() + "\":{\"serviceName\":\"" + e.getKey() + "\",\"tags\":[]}")
        .collect(Collectors.joining(","));
    return "{\"traceID\":\"" + trace.traceId() + "\",\"spans\":[" + String.join(",", spans) + "],\"processes\":{"
        + processJson + "},\"warnings\":null}";
  }

  private static String envelope(List<String> data) {
    return "{\"data\":[" + String.join(",", data) + "],\"total\":" + data.size()
        + ",\"limit\":0,\"offset\":0,\"errors\":null}";
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    stores.forEach(JaegerTraceStore::close);
    server.stop(0);
  }
}
