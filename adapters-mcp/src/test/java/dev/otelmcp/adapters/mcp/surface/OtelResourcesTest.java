package dev.otelmcp.adapters.mcp.surface;

import static dev.otelmcp.adapters.mcp.surface.FakeTools.box;
import static dev.otelmcp.adapters.mcp.surface.FakeTools.failing;
import static dev.otelmcp.adapters.mcp.surface.FakeTools.listOperations;
import static dev.otelmcp.adapters.mcp.surface.FakeTools.listServices;
import static dev.otelmcp.adapters.mcp.surface.FakeTools.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.ResultMapper;
import dev.otelmcp.adapters.mcp.answers.ToolBox;
import dev.otelmcp.adapters.mcp.resources.OtelResources;
import dev.otelmcp.adapters.mcp.resources.ResourceEntry;
import dev.otelmcp.adapters.mcp.resources.ResourceReadException;
import dev.otelmcp.adapters.mcp.resources.ResourceText;
import dev.otelmcp.adapters.mcp.tools.GetDocsTool;
import dev.otelmcp.application.usecase.DescribePricesUseCase;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.NotFoundException;
import dev.otelmcp.domain.pricing.PriceBook;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class OtelResourcesTest {

  private static final String TRACE_ID = "0123456789abcdef0123456789abcdef";

  private static McpTool getTrace() {
    return tool("get_trace", a -> Map.of("trace_id", a.requiredString("trace_id", "an id"), "span_count", 3),
        "trace_id");
  }

  private static McpTool getDocs() {
    return new GetDocsTool(new DescribePricesUseCase(PriceBook.NONE));
  }

  private static OtelResources resources(int maxChars, McpTool... tools) {
    return new OtelResources(box(tools), new ResultMapper(), maxChars);
  }

  private static OtelResources everything() {
    return resources(80_000, listServices("a", "b"), listOperations(s -> List.of(s + "-op1", s + "-op2")),
        getTrace(), getDocs());
  }

  private static Map<String, Object> json(String text) throws Exception {
    return new ObjectMapper().readValue(text, Map.class);
  }

  private static Map<String, Object> service(Map<String, Object> answer, String name) {
    return ((List<Map<String, Object>>) answer.get("services")).stream()
        .filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
  }

  private static ResourceReadException readFails(OtelResources resources, String uri) {
    ResourceReadException failure = catchThrowableOfType(() -> resources.read(uri), ResourceReadException.class);
    assertThat(failure).as("reading %s fails", uri).isNotNull();
    return failure;
  }

  @Test
  void listsTheResourcesAndTheTraceTemplateTheToolsAnswer() {
    OtelResources resources = everything();

    assertThat(resources.resources()).extracting(ResourceEntry::uri).containsExactly("otel://services",
        "otel://docs/conventions", "otel://docs/filters", "otel://docs/paging", "otel://pricing");
    assertThat(resources.resources()).filteredOn(e -> e.uri().equals("otel://services"))
        .extracting(ResourceEntry::mimeType).containsExactly("application/json");
    assertThat(resources.resources()).filteredOn(e -> e.uri().startsWith("otel://docs/"))
        .extracting(ResourceEntry::mimeType).containsOnly("text/markdown");
    assertThat(resources.templates()).extracting(ResourceEntry::uri).containsExactly("otel://trace/{trace_id}");
  }

  @Test
  void hidesWhatTheToolBoxCannotAnswer() {
    OtelResources resources = resources(80_000, listServices("a"));

    assertThat(resources.resources()).isEmpty();
    assertThat(resources.templates()).isEmpty();
    assertThat(readFails(resources, "otel://trace/" + TRACE_ID).kind()).isEqualTo(ResourceReadException.Kind.NOT_FOUND);
    assertThat(readFails(resources, "otel://docs/filters").kind()).isEqualTo(ResourceReadException.Kind.NOT_FOUND);
  }

  @Test
  void servicesIsNotReadableWhenItIsNotListed() {
    // resources() leaves otel://services out without list_operations; reading it must agree, not crash
    OtelResources resources = resources(80_000, listServices("a"));

    assertThat(readFails(resources, "otel://services").kind()).isEqualTo(ResourceReadException.Kind.NOT_FOUND);
  }

  @Test
  void servicesListsEachServiceWithItsOperations() throws Exception {
    ResourceText text = everything().read("otel://services");

    assertThat(text.mimeType()).isEqualTo("application/json");
    Map<String, Object> answer = json(text.text());
    assertThat(answer).containsEntry("count", 2).containsEntry("window", FakeTools.WINDOW)
        .doesNotContainKey("operations_left_out");
    assertThat(service(answer, "a")).containsEntry("operations", List.of("a-op1", "a-op2"))
        .doesNotContainKey("operations_count");
    assertThat(service(answer, "b")).containsEntry("operations", List.of("b-op1", "b-op2"));
  }

  @Test
  void oneServiceFailingShowsItsErrorAndKeepsTheOthers() throws Exception {
    McpTool operations = tool("list_operations", a -> {
      String service = a.requiredString("service_name", "");
      if (service.equals("b")) {
        throw new BackendUnavailableException("Jaeger timed out", "Retry later.");
      }
      return Map.of("count", 1, "operations", List.of(Map.of("name", "GET /")));
    }, "service_name");

    Map<String, Object> answer = json(resources(80_000, listServices("a", "b", "c"), operations).read("otel://services")
        .text());

    assertThat(service(answer, "a")).containsEntry("operations", List.of("GET /")).doesNotContainKey("operations_error");
    assertThat(service(answer, "c")).containsEntry("operations", List.of("GET /"));
    assertThat(service(answer, "b")).doesNotContainKey("operations");
    assertThat((Map<String, Object>) service(answer, "b").get("operations_error"))
        .containsEntry("code", "BACKEND_UNAVAILABLE").containsEntry("message", "Jaeger timed out")
        .containsEntry("hint", "Retry later.");
  }

  @Test
  void theOperationsOfAtMostFiftyServicesAreReadAndTheOthersAreNamedOnly() throws Exception {
    String[] seventy = IntStream.range(0, 70).mapToObj(i -> String.format("svc-%02d", i)).toArray(String[]::new);
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    Map<String, Object> answer = json(resources(80_000, listServices(seventy),
        listOperations(s -> {
          asked.incrementAndGet();
          return List.of(s + "-op");
        })).read("otel://services").text());

    assertThat(asked).hasValue(50);
    assertThat(service(answer, "svc-49")).containsEntry("operations", List.of("svc-49-op"));
    assertThat(service(answer, "svc-50")).containsOnlyKeys("name");
    assertThat(answer).containsEntry("count", 70).containsEntry("operations_left_out", true);
    assertThat((String) answer.get("hint")).contains("first 50 services").contains("list_operations");
  }

  @Test
  void aServiceWithManyOperationsListsFiftyAndTheirCount() throws Exception {
    List<String> sixty = IntStream.range(0, 60).mapToObj(i -> "op-" + i).toList();
    Map<String, Object> answer = json(resources(80_000, listServices("big", "small"),
        listOperations(s -> s.equals("big") ? sixty : List.of("x"))).read("otel://services").text());

    assertThat((List<String>) service(answer, "big").get("operations")).hasSize(50)
        .containsExactlyElementsOf(sixty.subList(0, 50));
    assertThat(service(answer, "big")).containsEntry("operations_count", 60);
    assertThat(service(answer, "small")).doesNotContainKey("operations_count");
  }

  @Test
  void operationsThatDoNotFitTheBudgetAreLeftOutWithAHint() throws Exception {
    List<String> many = IntStream.range(0, 20).mapToObj(i -> "operation-number-" + i).toList();
    ResourceText text = resources(200, listServices("a", "b"), listOperations(s -> many)).read("otel://services");

    Map<String, Object> answer = json(text.text());
    assertThat(answer).containsEntry("operations_left_out", true).containsEntry("count", 2);
    assertThat((String) answer.get("hint")).contains("list_operations");
    assertThat((List<Map<String, Object>>) answer.get("services"))
        .containsExactly(Map.of("name", "a"), Map.of("name", "b"));
  }

  @Test
  void cutServicesAndLeftOutOperationsBothSayWhereTheRestIs() throws Exception {
    McpTool truncated = tool("list_services", a -> Map.of("count", 2, "services", List.of("a", "b"),
        "truncated", true, "window", FakeTools.WINDOW));
    List<String> many = IntStream.range(0, 20).mapToObj(i -> "operation-number-" + i).toList();

    Map<String, Object> answer = json(resources(300, truncated, listOperations(s -> many)).read("otel://services")
        .text());

    assertThat(answer).containsEntry("truncated", true).containsEntry("operations_left_out", true);
    assertThat((String) answer.get("hint")).contains("list_operations").contains("list_services");
  }

  @Test
  void listServicesFailingFailsTheRead() {
    OtelResources resources = resources(80_000,
        failing("list_services", new BackendUnavailableException("no backend", "Check BACKEND_URL.")),
        listOperations(s -> List.of()));

    ResourceReadException failure = readFails(resources, "otel://services");
    assertThat(failure.kind()).isEqualTo(ResourceReadException.Kind.FAILED);
    assertThat(failure.getMessage()).contains("no backend").contains("Check BACKEND_URL.");
  }

  @Test
  void aTraceReadsAsGetTraceAnswers() throws Exception {
    ResourceText text = everything().read("otel://trace/" + TRACE_ID);

    assertThat(text.uri()).isEqualTo("otel://trace/" + TRACE_ID);
    assertThat(text.mimeType()).isEqualTo("application/json");
    assertThat(json(text.text())).containsEntry("trace_id", TRACE_ID).containsEntry("span_count", 3);
  }

  @Test
  void aMissingTraceIsNotFoundWithTheToolsErrorBody() {
    ToolBox tools = box(failing("get_trace", new NotFoundException("no trace " + TRACE_ID,
        "It may have expired; search_traces finds recent ones."), "trace_id"));

    ResourceReadException failure = readFails(new OtelResources(tools, new ResultMapper(), 80_000),
        "otel://trace/" + TRACE_ID);

    assertThat(failure.kind()).isEqualTo(ResourceReadException.Kind.NOT_FOUND);
    assertThat(failure.getMessage()).contains("otel://trace/" + TRACE_ID).contains("no trace " + TRACE_ID)
        .contains("It may have expired; search_traces finds recent ones.");
    assertThat(failure.errorBody()).containsEntry("uri", "otel://trace/" + TRACE_ID);
    assertThat((Map<String, Object>) failure.errorBody().get("error")).containsEntry("code", "NOT_FOUND")
        .containsEntry("hint", "It may have expired; search_traces finds recent ones.");
  }

  @Test
  void aBadTraceIdIsInvalidAndABackendFailureFailed() {
    OtelResources invalid = resources(80_000,
        failing("get_trace", new InvalidQueryException("trace_id must be hex", "32 hex digits."), "trace_id"));
    OtelResources down = resources(80_000,
        failing("get_trace", new BackendUnavailableException("down", "later"), "trace_id"));

    assertThat(readFails(invalid, "otel://trace/xyz").kind()).isEqualTo(ResourceReadException.Kind.INVALID);
    assertThat(readFails(down, "otel://trace/xyz").kind()).isEqualTo(ResourceReadException.Kind.FAILED);
  }

  @Test
  void anUnknownUriIsNotFoundAndNamesTheResources() {
    ResourceReadException failure = readFails(everything(), "otel://nothing");

    assertThat(failure.kind()).isEqualTo(ResourceReadException.Kind.NOT_FOUND);
    assertThat(failure.errorBody()).containsExactly(java.util.Map.entry("uri", "otel://nothing"));
    assertThat(failure.getMessage()).contains("'otel://nothing'").contains("otel://services")
        .contains("otel://pricing").contains("otel://trace/{trace_id}");
    assertThat(readFails(everything(), "otel://trace/").kind()).isEqualTo(ResourceReadException.Kind.NOT_FOUND);
    assertThat(readFails(everything(), "otel://docs/pricing").kind()).isEqualTo(ResourceReadException.Kind.NOT_FOUND);
    assertThat(readFails(everything(), null).kind()).isEqualTo(ResourceReadException.Kind.NOT_FOUND);
  }

  @Test
  void aLongUriIsQuotedShort() {
    String uri = "otel://" + "x".repeat(5_000);

    ResourceReadException failure = readFails(everything(), uri);

    assertThat(failure.getMessage()).hasSizeLessThan(600).contains("(+").doesNotContain("x".repeat(200));
    assertThat((String) failure.errorBody().get("uri")).as("the error data names the URI, cut")
        .hasSizeLessThanOrEqualTo(dev.otelmcp.domain.error.Quote.MAX_CHARS + 1).startsWith("otel://xxx");
  }

  @Test
  void operationsNotReadWithinTheCallTimeoutAreLeftOutByName() throws Exception {
    // Four are read at once: the first four answer within the timeout, the next four could not.
    McpTool slowOperations = listOperations(service -> {
      try {
        Thread.sleep(400);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of("op");
    });
    OtelResources resources = new OtelResources(new ToolBox(List.of(listServices("s1", "s2", "s3", "s4", "s5", "s6",
        "s7", "s8"), slowOperations), FakeTools.answers(java.time.Duration.ofMillis(700))), new ResultMapper(), 80_000);

    Map<String, Object> answer = json(resources.read("otel://services").text());

    assertThat(answer).containsEntry("operations_left_out", true).containsEntry("count", 8);
    assertThat(service(answer, "s1")).containsEntry("operations", List.of("op"));
    assertThat(service(answer, "s8")).isEqualTo(Map.of("name", "s8"));
    assertThat((String) answer.get("hint")).contains("within the call's time").contains("list_operations");
  }

  @Test
  void cutServicesHandTheCursorOn() throws Exception {
    McpTool truncated = tool("list_services", a -> Map.of("count", 2, "services", List.of("a", "b"),
        "truncated", true, "next_cursor", "c1", "window", FakeTools.WINDOW));

    Map<String, Object> answer = json(resources(80_000, truncated, listOperations(s -> List.of("x")))
        .read("otel://services").text());

    assertThat(answer).containsEntry("truncated", true).containsEntry("next_cursor", "c1");
    assertThat((String) answer.get("hint")).contains("next_cursor");
  }

  @Test
  void documentsReadAsMarkdownThroughGetDocs() {
    ResourceText filters = everything().read("otel://docs/filters");
    ResourceText pricing = everything().read("otel://pricing");

    assertThat(filters.mimeType()).isEqualTo("text/markdown");
    assertThat(filters.text()).startsWith("# Filters");
    assertThat(pricing.mimeType()).isEqualTo("text/markdown");
    assertThat(pricing.text()).startsWith("# Price table").contains("no price source");
  }
}
