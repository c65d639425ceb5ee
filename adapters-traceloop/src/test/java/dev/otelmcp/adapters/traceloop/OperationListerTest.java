package dev.otelmcp.adapters.traceloop;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listing a busy service's operations in pages of 20, over the 224 recorded spans of joke_generation_service:
 * 223 of them are named {@code 20251020-oz-_faithfulness_workflow.workflow}, and the one
 * {@code pirate_joke_generator.workflow} is the 24th newest.
 */
class OperationListerTest {

  @RegisterExtension
  static WireMockExtension traceloop = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange WEEK =
      new TimeRange(Instant.parse("2025-11-09T11:10:00Z"), Instant.parse("2025-11-16T11:11:00Z"));
  private static final String SERVICE = "joke_generation_service";
  private static final String COMMON = "20251020-oz-_faithfulness_workflow.workflow";
  private static final String RARE = "pirate_joke_generator.workflow";
  private static final int PAGE = 20;
  private static final String BY_SERVICE = "{\"field\":\"service.name\",\"operator\":\"equals\",\"value\":\""
      + SERVICE + "\",\"value_type\":\"string\"}";

  private final List<ObjectNode> rows = RecordedTraceloop.recordedRows(SERVICE);
  private OperationLister lister;

  @BeforeEach
  void lister() {
    TraceloopConfig config = TraceloopConfig.from(Fixtures.settings(traceloop.baseUrl()));
    lister = new OperationLister(TraceloopHttp.api(config, Fixtures.JSON), TraceloopHttp.calls(config),
        new SpanMapper(Fixtures.JSON), config, PAGE);
  }

  /** Rows from..to of the service's recorded rows, as the API pages them: all matches, the last row's timestamp. */
  private String page(int from, int to) {
    ObjectNode body = Fixtures.json(RecordedTraceloop.page("spans", rows.subList(from, Math.min(to, rows.size()))))
        .deepCopy();
    ((ObjectNode) body.path("spans")).put("total_results", rows.size());
    return body.toString();
  }

  @Test
  void aRareNameIsFoundByExcludingTheNamesAlreadySeen() {
    assertThat(rows).hasSize(224);
    assertThat(rows.get(23).path("span_name").asText()).isEqualTo(RARE);
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS))
        .withRequestBody(matchingJsonPath("$.filters", equalToJson("[" + BY_SERVICE + "]")))
        .willReturn(okJson(page(0, PAGE))));
    // What the API answers once the common name is excluded: the service's other spans (here the one).
    List<ObjectNode> others = rows.stream().filter(r -> !r.path("span_name").asText().equals(COMMON)).toList();
    traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS))
        .withRequestBody(equalToJson("{\"cursor\":0,\"limit\":20}", true, true))
        .withRequestBody(matchingJsonPath("$.filters", equalToJson("[" + BY_SERVICE + ",{\"field\":\"span_name\","
            + "\"operator\":\"not_equals\",\"value\":\"" + COMMON + "\",\"value_type\":\"string\"}]")))
        .willReturn(okJson(RecordedTraceloop.page("spans", others))));

    List<Operation> operations = lister.list(SERVICE, WEEK);

    assertThat(operations).extracting(Operation::name).containsExactly(COMMON, RARE);
    traceloop.verify(2, postRequestedFor(urlPathEqualTo(Fixtures.SPANS)));
  }

  @Test
  void anApiThatIgnoresTheExclusionsIsPagedWithTheCursorAndTheRequestsAreBounded() {
    // Every request is answered as if it had only the service filter: by its cursor.
    for (int from = 0; from < rows.size(); from += PAGE) {
      String cursor = from == 0 ? "0" : rows.get(from - 1).path("timestamp").asText();
      traceloop.stubFor(post(urlPathEqualTo(Fixtures.SPANS))
          .withRequestBody(equalToJson("{\"cursor\":" + cursor + "}", true, true))
          .willReturn(okJson(page(from, from + PAGE))));
    }

    List<Operation> operations = lister.list(SERVICE, WEEK);

    assertThat(operations).extracting(Operation::name).containsExactly(COMMON, RARE);
    traceloop.verify(OperationLister.MAX_REQUESTS, postRequestedFor(urlPathEqualTo(Fixtures.SPANS)));
  }
}
