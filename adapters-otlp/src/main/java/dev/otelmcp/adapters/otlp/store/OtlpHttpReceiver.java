package dev.otelmcp.adapters.otlp.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OTLP/HTTP trace receiver: {@code POST /v1/traces} with {@code application/x-protobuf} or
 * {@code application/json} bodies, gzip-compressed or not, answered as the OTLP specification says
 * (see {@link OtlpResponses}).
 *
 * <p>It runs on the JDK's own HTTP server with a few daemon threads, so it never holds the JVM open after the
 * MCP session ends and never blocks the stdio session. Bodies larger than the limit — on the wire or once
 * decompressed — are refused with 413 without being held in memory.
 */
final class OtlpHttpReceiver implements AutoCloseable {

  static final String PATH = "/v1/traces";
  private static final Logger LOG = LoggerFactory.getLogger(OtlpHttpReceiver.class);
  private static final int THREADS = 2;
  /** How much of an oversized body is read (and dropped) so that its sender gets the 413 cleanly. */
  private static final long DISCARD_LIMIT = 256L * 1024 * 1024;

  /** Where accepted payloads go. */
  interface Sink {
    /** Decodes and stores one request body; the answer to send. */
    OtlpResponses.Answer accept(byte[] body, OtlpResponses.Format format);
  }

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final int maxBodyBytes;
  private final String boundHost;
  private final ReceiverAccess access;
  private final Sink sink;

  private OtlpHttpReceiver(HttpServer server, ThreadPoolExecutor executor, int maxBodyBytes, String boundHost,
      ReceiverAccess access, Sink sink) {
    this.server = server;
    this.executor = executor;
    this.maxBodyBytes = maxBodyBytes;
    this.boundHost = boundHost;
    this.access = access;
    this.sink = sink;
  }

  /** Binds and starts the receiver; its threads are daemons. */
  static OtlpHttpReceiver start(String host, int port, int maxBodyBytes, ReceiverAccess access, Sink sink)
      throws IOException {
    // A client that sends its request slowly must not hold a thread forever (read once, when the server class loads).
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "60");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(64), runnable -> {
          Thread thread = new Thread(runnable, "otlp-receiver-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    server.setExecutor(executor);
    OtlpHttpReceiver receiver = new OtlpHttpReceiver(server, executor, maxBodyBytes, host, access, sink);
    server.createContext(PATH, receiver::handle);
    // The server's dispatcher thread inherits daemon status from the thread that starts it.
    Thread starter = new Thread(server::start, "otlp-receiver-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return receiver;
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  /** The URL exporters send to. */
  String endpoint() {
    InetSocketAddress address = address();
    String host = address.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + PATH;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      OtlpResponses.Answer answer;
      try {
        answer = answer(exchange);
      } catch (RuntimeException e) {
        LOG.error("OTLP receiver failed on a request", e);
        answer = OtlpResponses.error(500, "internal error: " + e.getClass().getSimpleName(), OtlpResponses.Format.JSON);
      }
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      String origin = exchange.getRequestHeaders().getFirst("Origin");
      if (origin != null && access.originAllowed(origin)) {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        exchange.getResponseHeaders().set("Vary", "Origin");
      }
      if (answer.closeConnection()) {
        exchange.getResponseHeaders().set("Connection", "close");
      }
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        exchange.getResponseBody().write(answer.body());
      }
    } catch (IOException e) {
      LOG.debug("OTLP client went away: {}", e.getMessage());
    }
  }

  private OtlpResponses.Answer answer(HttpExchange exchange) {
    if (!PATH.equals(exchange.getRequestURI().getPath())) {
      return OtlpResponses.error(404, "not found: this receiver serves POST " + PATH, OtlpResponses.Format.JSON);
    }
    Optional<ReceiverAccess.Refusal> refusal = access.check(boundHost, exchange.getRequestHeaders().getFirst("Host"),
        exchange.getRequestHeaders().getFirst("Origin"), exchange.getRequestHeaders().getFirst("Authorization"));
    if ("OPTIONS".equalsIgnoreCase(exchange.getRequestMethod()) && exchange.getRequestHeaders().containsKey("Origin")
        && (refusal.isEmpty() || refusal.get().status() == 401)) {
      // a CORS preflight from an allowed page carries no credentials; the POST that follows must
      return preflight();
    }
    if (refusal.isPresent()) {
      return OtlpResponses.error(refusal.get().status(), refusal.get().message(), OtlpResponses.Format.JSON);
    }
    if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
      OtlpResponses.Answer answer = OtlpResponses.error(405, "use POST " + PATH, OtlpResponses.Format.JSON);
      return answer.withHeader("Allow", "POST");
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    OtlpResponses.Format format = OtlpResponses.Format.of(contentType).orElse(null);
    if (format == null) {
      return OtlpResponses.error(415, "unsupported Content-Type '" + contentType
          + "': send application/x-protobuf or application/json", OtlpResponses.Format.JSON);
    }
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    String normalized = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
    if (!normalized.equals("identity") && !normalized.equals("gzip") && !normalized.isEmpty()) {
      return OtlpResponses.error(415, "unsupported Content-Encoding '" + encoding + "': send gzip or none", format);
    }
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    InputStream in = exchange.getRequestBody();
    if (length != null && parseLength(length) > maxBodyBytes) {
      return tooLarge(format, in);
    }
    byte[] body;
    try {
      body = readAtMost(normalized.equals("gzip") ? new GZIPInputStream(in, 8192) : in);
    } catch (BodyTooLarge e) {
      return tooLarge(format, in);
    } catch (IOException | UncheckedIOException e) {
      return OtlpResponses.error(400, "cannot read the request body: " + e.getMessage(), format);
    }
    return sink.accept(body, format);
  }

  private static OtlpResponses.Answer preflight() {
    return new OtlpResponses.Answer(204, "text/plain", new byte[0], Map.of(
        "Access-Control-Allow-Methods", "POST",
        "Access-Control-Allow-Headers", "Content-Type, Content-Encoding, Authorization",
        "Access-Control-Max-Age", "600"), false);
  }

  /**
   * 413. The rest of the body is read and thrown away first (up to {@link #DISCARD_LIMIT}): a server that
   * closes while the client still sends makes the client see a reset instead of the answer.
   */
  private OtlpResponses.Answer tooLarge(OtlpResponses.Format format, InputStream rest) {
    boolean drained = discard(rest);
    OtlpResponses.Answer answer = OtlpResponses.error(413, "request body larger than " + maxBodyBytes
        + " bytes (setting max_body_bytes); send smaller batches", format);
    return drained ? answer : answer.closingConnection();
  }

  private static boolean discard(InputStream in) {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try {
      int read;
      while ((read = in.read(buffer)) != -1) {
        total += read;
        if (total > DISCARD_LIMIT) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static long parseLength(String raw) {
    try {
      return Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private byte[] readAtMost(InputStream in) throws IOException {
    byte[] buffer = new byte[Math.min(maxBodyBytes + 1, 64 * 1024)];
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int read;
    long total = 0;
    while ((read = in.read(buffer)) != -1) {
      total += read;
      if (total > maxBodyBytes) {
        throw new BodyTooLarge();
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  /** The body passed the limit. */
  private static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
