package dev.otelmcp.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The jar over stdio, driven line by line as a client that does more than the SDK client can: it sends
 * cancellations, garbage, and requests for progress, and sees every line the server writes.
 */
final class RawStdio implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final OutputStream in;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<JsonNode> seen = new ArrayList<>();

  private RawStdio(Process process) {
    this.process = process;
    this.in = process.getOutputStream();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (IOException ended) {
        // the process is gone
      }
    }, "raw-stdio-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the jar and completes the handshake. */
  static RawStdio start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ServerProcess.java(), "-jar", ServerProcess.jar().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    RawStdio session = new RawStdio(process);
    session.send("{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    session.response("\"init\"", Duration.ofSeconds(60));
    session.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return session;
  }

  void send(String line) throws IOException {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  void sendBytes(byte[] bytes) throws IOException {
    in.write(bytes);
    in.flush();
  }

  /** A tools/call request line. */
  static String toolCall(String id, String tool, String argumentsJson, String progressToken) {
    String meta = progressToken == null ? "" : ",\"_meta\":{\"progressToken\":\"" + progressToken + "\"}";
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
        + "\",\"arguments\":" + argumentsJson + meta + "}}";
  }

  /** Waits for the response to a request id (its JSON text, e.g. {@code 5} or {@code "a"}). */
  JsonNode response(String idJson, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (JsonNode earlier : seen) {
      if (isResponse(earlier, idJson)) {
        return earlier;
      }
    }
    while (System.nanoTime() < deadline) {
      JsonNode message = next(Duration.ofNanos(deadline - System.nanoTime()));
      if (message != null && isResponse(message, idJson)) {
        return message;
      }
    }
    throw new AssertionError("no response to id " + idJson + " within " + timeout + "; saw " + seen);
  }

  /** Every message seen so far with this method (notifications). */
  List<JsonNode> notifications(String method) {
    return seen.stream().filter(m -> method.equals(m.path("method").asText())).toList();
  }

  /** Every message seen so far. */
  List<JsonNode> messages() {
    return List.copyOf(seen);
  }

  /** Whether the process still runs. */
  boolean alive() {
    return process.isAlive();
  }

  private JsonNode next(Duration wait) {
    try {
      String line = lines.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
      if (line == null) {
        return null;
      }
      JsonNode message = JSON.readTree(line);
      seen.add(message);
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    } catch (IOException notJson) {
      throw new AssertionError("stdout carried a line that is not JSON", notJson);
    }
  }

  private static boolean isResponse(JsonNode message, String idJson) {
    return message.has("id") && message.get("id").toString().equals(idJson)
        && (message.has("result") || message.has("error"));
  }

  @Override
  public void close() throws Exception {
    in.close();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
