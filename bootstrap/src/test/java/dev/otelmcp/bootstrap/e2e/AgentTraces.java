package dev.otelmcp.bootstrap.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Synthetic traces of the size that broke assistants, written as OTLP/JSON lines for {@code --load}: one agent
 * trace of {@value #AGENT_SPANS} spans whose LLM calls carry 3,000-character prompts, and {@value #ERROR_TRACES}
 * failed traces of three kinds (a database refusing connections, a provider's rate limit, a tool timing out),
 * each with a 2 KB stack trace. Seeded, so every run writes the same data; the figures a correct answer must
 * give are known by construction.
 */
final class AgentTraces {

  static final int AGENT_SPANS = 1_500;
  static final int ERROR_TRACES = 300;
  static final String AGENT_TRACE = "a9e17000000000000000000000000001";
  static final int PROMPT_CHARS = 3_000;

  /** What the agent trace holds. */
  record Figures(int llmCalls, long inputTokens, long outputTokens) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SplittableRandom random = new SplittableRandom(7);
  private final long base = Instant.parse("2026-12-01T10:00:00Z").getEpochSecond() * 1_000_000_000L;
  private int spanCounter;

  /** Writes the traces to {@code file}; returns the agent trace's figures. */
  Figures write(Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      Figures figures = agent(out);
      String[] kinds = {"db", "rate", "timeout"};
      for (int i = 0; i < ERROR_TRACES; i++) {
        failed(out, i, kinds[i % kinds.length]);
      }
      return figures;
    }
  }

  private Figures agent(Writer out) throws IOException {
    ObjectNode request = request("research-agent");
    ArrayNode spans = (ArrayNode) request.at("/resourceSpans/0/scopeSpans/0/spans");
    long t = base;
    String root = spanId();
    int calls = 0;
    long input = 0;
    long output = 0;
    int count = 1;
    int iteration = 0;
    while (count < AGENT_SPANS) {
      long start = t + 1_000_000L;
      if (iteration % 2 == 0 || AGENT_SPANS - count < 2) {
        long in = 900 + random.nextInt(400);
        long outTokens = 80 + random.nextInt(120);
        ObjectNode chat = span(spans, AGENT_TRACE, spanId(), root, "openai.chat", start, start + 800_000_000L, 3);
        attributes(chat, "gen_ai.system", "openai", "gen_ai.request.model", "gpt-4o",
            "gen_ai.response.model", "gpt-4o-2024-08-06", "gen_ai.operation.name", "chat",
            "gen_ai.prompt.0.role", "user", "gen_ai.prompt.0.content", text("Research step " + iteration + ": ", PROMPT_CHARS),
            "gen_ai.completion.0.content", text("Answer " + iteration + ": ", 400));
        integers(chat, "gen_ai.usage.input_tokens", in, "gen_ai.usage.output_tokens", outTokens);
        calls++;
        input += in;
        output += outTokens;
        count++;
      } else {
        String tool = spanId();
        ObjectNode search = span(spans, AGENT_TRACE, tool, root, "search_kb.tool", start, start + 300_000_000L, 1);
        attributes(search, "traceloop.span.kind", "tool", "traceloop.entity.input", text("{\"query\":\"", 500),
            "traceloop.entity.output", text("[results ", 800));
        ObjectNode http = span(spans, AGENT_TRACE, spanId(), tool, "GET /search", start + 10_000_000L,
            start + 250_000_000L, 3);
        attributes(http, "http.request.method", "GET", "url.full", "https://kb.internal/search?q=step" + iteration);
        count += 2;
      }
      t = start + 1_000_000_000L;
      iteration++;
    }
    attributes(span(spans, AGENT_TRACE, root, null, "research.agent", base, t, 1), "traceloop.span.kind", "agent");
    JSON.writeValue(new NonClosing(out), request);
    out.write('\n');
    return new Figures(calls, input, output);
  }

  private void failed(Writer out, int index, String kind) throws IOException {
    String service = switch (kind) {
      case "db" -> "orders-api";
      case "rate" -> "support-bot";
      default -> "research-agent";
    };
    ObjectNode request = request(service);
    ArrayNode spans = (ArrayNode) request.at("/resourceSpans/0/scopeSpans/0/spans");
    String traceId = String.format("e1%030x", index + 1);
    long start = base + (index + 10L) * 60_000_000_000L;
    String root = spanId();
    span(spans, traceId, root, null, "POST /handle", start, start + 2_000_000_000L, 2);
    ObjectNode failing;
    String type;
    String message;
    switch (kind) {
      case "db" -> {
        failing = span(spans, traceId, spanId(), root, "db.query", start + 5_000_000L, start + 35_000_000L, 3);
        type = "ConnectionRefusedError";
        message = "connection refused to 10.0.3." + (index % 250) + ":5432 after " + (3000 + index) + " ms";
      }
      case "rate" -> {
        failing = span(spans, traceId, spanId(), root, "openai.chat", start + 5_000_000L, start + 400_000_000L, 3);
        attributes(failing, "gen_ai.system", "openai", "gen_ai.request.model", "gpt-4o-mini");
        type = "openai.RateLimitError";
        message = "Rate limit reached for gpt-4o-mini in organization org-" + (1000 + index) + " on tokens per min";
      }
      default -> {
        failing = span(spans, traceId, spanId(), root, "search_kb.tool", start + 5_000_000L, start + 1_900_000_000L, 1);
        attributes(failing, "traceloop.span.kind", "tool");
        type = "TimeoutError";
        message = "request to https://kb.internal/search timed out after 30s (attempt " + (index % 3 + 1) + ")";
      }
    }
    failing.putObject("status").put("code", 2).put("message", message);
    ObjectNode event = failing.putArray("events").addObject();
    event.put("name", "exception").put("timeUnixNano", String.valueOf(start + 30_000_000L));
    ArrayNode eventAttributes = event.putArray("attributes");
    add(eventAttributes, "exception.type", type);
    add(eventAttributes, "exception.message", message);
    add(eventAttributes, "exception.stacktrace", stack(type, message));
    JSON.writeValue(new NonClosing(out), request);
    out.write('\n');
  }

  private static String stack(String type, String message) {
    StringBuilder stack = new StringBuilder(type + ": " + message + "\n");
    int frame = 0;
    while (stack.length() < 2_000) {
      stack.append("    at app.module").append(frame % 7).append(".Handler.step").append(frame)
          .append("(Handler.java:").append(100 + frame).append(")\n");
      frame++;
    }
    return stack.toString();
  }

  private static ObjectNode request(String service) {
    ObjectNode request = JSON.createObjectNode();
    ObjectNode resourceSpans = request.putArray("resourceSpans").addObject();
    add(resourceSpans.putObject("resource").putArray("attributes"), "service.name", service);
    resourceSpans.putArray("scopeSpans").addObject().putArray("spans");
    return request;
  }

  private static ObjectNode span(ArrayNode spans, String traceId, String spanId, String parent, String name, long start,
      long end, int kind) {
    ObjectNode span = spans.addObject();
    span.put("traceId", traceId).put("spanId", spanId);
    if (parent != null) {
      span.put("parentSpanId", parent);
    }
    span.put("name", name).put("kind", kind)
        .put("startTimeUnixNano", String.valueOf(start)).put("endTimeUnixNano", String.valueOf(end));
    span.putArray("attributes");
    return span;
  }

  private static void attributes(ObjectNode span, String... pairs) {
    ArrayNode attributes = span.withArray("attributes");
    for (int i = 0; i < pairs.length; i += 2) {
      add(attributes, pairs[i], pairs[i + 1]);
    }
  }

  private static void integers(ObjectNode span, Object... pairs) {
    ArrayNode attributes = span.withArray("attributes");
    for (int i = 0; i < pairs.length; i += 2) {
      ObjectNode attribute = attributes.addObject().put("key", (String) pairs[i]);
      attribute.putObject("value").put("intValue", String.valueOf(pairs[i + 1]));
    }
  }

  private static void add(ArrayNode attributes, String key, String value) {
    attributes.addObject().put("key", key).putObject("value").put("stringValue", value);
  }

  private String spanId() {
    return String.format("%016x", ++spanCounter + 0x5100000000000000L);
  }

  private String text(String prefix, int length) {
    StringBuilder text = new StringBuilder(prefix);
    String[] words = {"trace", "span", "latency", "token", "model", "cache", "agent", "tool", "search", "result"};
    while (text.length() < length) {
      text.append(words[random.nextInt(words.length)]).append(' ');
    }
    return text.substring(0, length);
  }

  /** Jackson closes the writer it is given; the file has more lines to come. */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
