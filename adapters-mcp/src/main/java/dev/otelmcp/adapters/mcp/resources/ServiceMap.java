package dev.otelmcp.adapters.mcp.resources;

import dev.otelmcp.adapters.mcp.ResultMapper;
import dev.otelmcp.adapters.mcp.answers.ToolAnswer;
import dev.otelmcp.adapters.mcp.answers.ToolBox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code otel://services}: the services of the default window, each with its operations. The operations of the
 * services are asked for at once, a few at a time (a backend answers them one service per request), within one call's
 * timeout in all; what is not read by then, or does not fit the budget, is left out with a word on where to get it.
 */
final class ServiceMap {

  /** The most operations listed per service; list_operations pages through the rest. */
  static final int MAX_OPERATIONS = 50;
  /**
   * The most services whose operations are read for one answer (each is a backend request): a backend with more lists
   * the rest by name, so the work of one read does not grow with the number of services.
   */
  static final int MAX_SERVICES_WITH_OPERATIONS = 50;
  private static final int PARALLEL = 4;

  private final ToolBox tools;
  private final ResultMapper mapper;
  private final int maxChars;
  private final ExecutorService pool;

  ServiceMap(ToolBox tools, ResultMapper mapper, int maxChars) {
    this.tools = tools;
    this.mapper = mapper;
    this.maxChars = maxChars;
    AtomicInteger count = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(PARALLEL, runnable -> {
      Thread thread = new Thread(runnable, "otelmcp-resources-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  String read() {
    ToolAnswer listed = OtelResources.successful(OtelResources.SERVICES, tools.call("list_services", Map.of()));
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) listed.structured().get("services");
    List<CompletableFuture<Map<String, Object>>> rows = names.stream().limit(MAX_SERVICES_WITH_OPERATIONS)
        .map(name -> CompletableFuture.supplyAsync(() -> row(name), pool))
        .toList();
    List<Map<String, Object>> services = new ArrayList<>(names.size());
    long deadline = System.nanoTime() + tools.callTimeout().toNanos();
    boolean late = false;
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = within(rows.get(i), deadline);
      late |= row == null;
      services.add(row != null ? row : Map.of("name", names.get(i)));
    }
    names.stream().skip(MAX_SERVICES_WITH_OPERATIONS).forEach(name -> services.add(Map.of("name", name)));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("window", listed.structured().get("window"));
    answer.put("count", names.size());
    answer.put("services", services);
    if (Boolean.TRUE.equals(listed.structured().get("truncated"))) {
      answer.put("truncated", true);
      answer.put("next_cursor", listed.structured().get("next_cursor"));
      answer.put("hint", "More services than fit: call list_services with cursor = next_cursor for the rest.");
    }
    if (late || names.size() > MAX_SERVICES_WITH_OPERATIONS) {
      answer.put("operations_left_out", true);
      answer.merge("hint", "Operations are listed for the first " + MAX_SERVICES_WITH_OPERATIONS
          + " services, as far as they were read within the call's time: call list_operations with a service_name "
          + "for the others.", (first, second) -> first + " " + second);
    }
    String text = mapper.toJson(answer);
    if (text.length() <= maxChars) {
      return text;
    }
    services.replaceAll(service -> Map.of("name", service.get("name")));
    answer.put("operations_left_out", true);
    String operationsHint = "The operations did not fit: call list_operations with a service_name for them.";
    answer.merge("hint", operationsHint, (first, second) -> first + " " + second);
    return mapper.toJson(answer);
  }

  /** The row, or {@code null} when it is not ready by the deadline (it is then left to finish on its own). */
  private static Map<String, Object> within(CompletableFuture<Map<String, Object>> row, long deadline) {
    try {
      return row.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("reading a service's operations failed", e.getCause());
    }
  }

  private Map<String, Object> row(String service) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", service);
    ToolAnswer answer = tools.call("list_operations", Map.of("service_name", service));
    if (answer.isError()) {
      // one service's failure must not hide the others: say what happened where its operations would be
      row.put("operations_error", answer.error());
      return row;
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> operations = (List<Map<String, Object>>) answer.structured().get("operations");
    List<Object> names = operations.stream().limit(MAX_OPERATIONS).map(operation -> operation.get("name")).toList();
    row.put("operations", names);
    Object count = answer.structured().get("count");
    if (count instanceof Number n && n.intValue() > names.size()) {
      row.put("operations_count", n.intValue());
    }
    return row;
  }
}
