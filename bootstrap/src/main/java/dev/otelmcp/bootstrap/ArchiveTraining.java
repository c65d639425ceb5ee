package dev.otelmcp.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The training run of the class-data-sharing archive: run under {@code -XX:ArchiveClassesAtExit}, it holds one MCP
 * session with otel-mcp in this process (initialize, tools/list, a call of every tool against an empty built-in store
 * with no persistence and a receiver on a free loopback port), then exits, and the JVM writes every class the session
 * loaded into the archive. {@code mvn package} runs it for {@code target/otel-mcp.jar}; the launcher
 * {@code bin/otel-mcp} runs it where the distribution is unpacked. It reads no environment, {@code .env} or data
 * directory of the user's, and writes nothing to stdout.
 */
public final class ArchiveTraining {

  static final String[] TOOLS = {"list_services", "list_operations", "search_traces", "search_spans", "get_trace",
      "find_errors", "get_llm_usage", "list_llm_models", "get_llm_model_stats", "get_llm_expensive_traces",
      "get_llm_slow_traces", "list_llm_tools", "compare_llm_models"};
  private static final long ANSWER_SECONDS = 60;

  private ArchiveTraining() {}

  public static void main(String[] args) throws Exception {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    System.setOut(nowhere);
    int status;
    try {
      status = session() ? 0 : 1;
    } catch (IOException | RuntimeException e) {
      System.err.println("otel-mcp archive training failed: " + e);
      status = 1;
    }
    System.exit(status);
  }

  /** Whether every request was answered. */
  static boolean session() throws IOException, InterruptedException {
    Path workingDir = Files.createTempDirectory("otel-mcp-training");
    PipedOutputStream client = new PipedOutputStream();
    PipedInputStream serverIn = new PipedInputStream(client, 1 << 16);
    Lines answers = new Lines();
    Started started = Main.start(new String[] {"--no-persist", "--otlp-port", "0", "--log-level", "warn"}, Map.of(),
        workingDir, serverIn, new PrintStream(answers, true, StandardCharsets.UTF_8));
    if (!(started instanceof Started.ServingStdio)) {
      return false;
    }
    boolean answered = ask(client, answers, 1, "initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"otel-mcp-archive-training\",\"version\":\"1\"}}");
    send(client, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    answered &= ask(client, answers, 2, "tools/list", "{}");
    for (int i = 0; i < TOOLS.length; i++) {
      answered &= ask(client, answers, 3 + i, "tools/call", "{\"name\":\"" + TOOLS[i] + "\",\"arguments\":{}}");
    }
    client.close();
    Files.deleteIfExists(workingDir);
    return answered;
  }

  private static boolean ask(PipedOutputStream client, Lines answers, int id, String method, String params)
      throws IOException, InterruptedException {
    send(client, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
    String idField = "\"id\":" + id + ",";
    for (String line = answers.next(); line != null; line = answers.next()) {
      if (line.contains(idField)) {
        return true;
      }
    }
    return false;
  }

  private static void send(PipedOutputStream client, String message) throws IOException {
    client.write((message + "\n").getBytes(StandardCharsets.UTF_8));
    client.flush();
  }

  /** What the server writes, a line at a time. */
  private static final class Lines extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines.add(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }

    /** The next line, or {@code null} when none came in time. */
    String next() throws InterruptedException {
      return lines.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
    }
  }
}
