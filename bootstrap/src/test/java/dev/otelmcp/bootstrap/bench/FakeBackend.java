package dev.otelmcp.bootstrap.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process trace backend over the JDK's {@link HttpServer}, answering from bytes made before anything is timed,
 * and logging every request it serves (path, query, body size) so that the very same requests can be replayed.
 *
 * <p>Why not WireMock: both sides of the comparison run on the same two cores as the server, so whatever the server
 * spends per request is added to both and pulls their ratio towards 1. WireMock matches each request against its
 * stubs and journals it; a map lookup and a copy of bytes keep the server's share small.
 */
final class FakeBackend implements AutoCloseable {

  /** What the backend answers: a body for a GET, or {@code null} for 404. */
  interface Answers {
    byte[] answer(String path, Map<String, String> query);
  }

  /** One request served: its path with the raw query, and the size of the body sent back. */
  record Served(String target, int bytes) {}

  private final HttpServer server;
  private final ExecutorService threads;
  private final ConcurrentLinkedQueue<Served> log = new ConcurrentLinkedQueue<>();

  FakeBackend(Answers answers) throws IOException {
    // Headers and body leave in two writes; with Nagle's algorithm on, the body then waits for the client's delayed
    // ACK (40 ms a request). Go servers such as Tempo and Jaeger set TCP_NODELAY, and so must the fake. Read once,
    // when the JDK's server first starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    threads = Executors.newFixedThreadPool(8, runnable -> {
      Thread thread = new Thread(runnable, "fake-backend");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/", exchange -> serve(exchange, answers));
    server.start();
  }

  /** The backend's base URL. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The requests served since the last call, in the order they were answered. */
  List<Served> drain() {
    List<Served> served = new ArrayList<>();
    for (Served one; (one = log.poll()) != null; ) {
      served.add(one);
    }
    return served;
  }

  private void serve(HttpExchange exchange, Answers answers) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      String raw = uri.getRawQuery();
      byte[] body = "GET".equals(exchange.getRequestMethod()) ? answers.answer(uri.getPath(), query(raw)) : null;
      int status = body == null ? 404 : 200;
      if (body == null) {
        body = "404 page not found".getBytes(StandardCharsets.UTF_8);
      }
      // Logged before it is answered: once a client has its answer, the request is in the log.
      log.add(new Served(uri.getRawPath() + (raw == null ? "" : "?" + raw), status == 200 ? body.length : -1));
      exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/plain");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
