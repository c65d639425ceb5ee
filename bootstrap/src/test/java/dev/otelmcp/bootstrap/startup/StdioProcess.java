package dev.otelmcp.bootstrap.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One otel-mcp process (the jar or the launcher) spoken to over stdio, timed from the moment it was started. It
 * keeps every line the process wrote to stdout, so a caller can check that they were all JSON-RPC.
 */
public final class StdioProcess implements AutoCloseable {

  /** The first message every MCP client sends. */
  public static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
      + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"startup-probe\",\"version\":\"1\"}}}";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String END = "\u0000end";

  private final Process process;
  private final long startedNanos;
  private final OutputStream in;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> stdout = java.util.Collections.synchronizedList(new ArrayList<>());

  private StdioProcess(Process process, long startedNanos) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.in = process.getOutputStream();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          stdout.add(line);
          lines.add(line);
        }
      } catch (IOException ended) {
        // the process is gone
      }
      lines.add(END);
    }, "stdio-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code command} with {@code environment} added to this process's own.
   *
   * @param stderr where the process's stderr goes (a file to look at, or discarded)
   */
  public static StdioProcess start(List<String> command, Map<String, String> environment, ProcessBuilder.Redirect stderr)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr);
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    return new StdioProcess(builder.start(), started);
  }

  /** {@code java} of the JVM running this code. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public void send(String message) throws IOException {
    in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Waits for the answer to request {@code id}; returns it, or throws when stdout ends or the time is up. */
  public JsonNode answer(int id, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(END)) {
        throw new IOException((line == null ? "no answer to request " + id + " within " + timeout
            : "stdout ended before the answer to request " + id) + "; stdout so far: " + stdout);
      }
      JsonNode message = JSON.readTree(line);
      if (message.path("id").asInt(-1) == id) {
        return message;
      }
    }
  }

  /** Milliseconds since the process was started. */
  public double elapsedMillis() {
    return (System.nanoTime() - startedNanos) / 1e6;
  }

  /** Every line written to stdout so far. */
  public List<String> stdout() {
    synchronized (stdout) {
      return List.copyOf(stdout);
    }
  }

  /** Closes stdin (the client is gone) and waits for the process to end; returns its exit status. */
  public int finish(Duration timeout) throws IOException, InterruptedException {
    in.close();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IOException("the process did not end within " + timeout + " of its input closing");
    }
    return process.exitValue();
  }

  /** Stops the process if it still runs, and waits for it. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
