package dev.otelmcp.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The call deadline, cancellation and progress, through the real jar against a slow Tempo: the four recorded
 * travel-agent-demo traces, each trace body answered after 1.5 s, fetched one at a time; and a search for
 * service "stuck" that answers only after 30 s.
 */
class CallLimitsIT {

  private static final int TRACE_DELAY_MILLIS = 1_500;
  private static final String DEMO = "{\"service_name\":\"travel-agent-demo\",\"start_time\":\"2025-11-13T00:00:00Z\","
      + "\"end_time\":\"2025-11-14T00:00:00Z\"}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort().containerThreads(20))
      .resetOnEachTest(false)
      .build();

  @BeforeAll
  static void serve() {
    TempoToolsIT.serveRecordedTempo(tempo.getRuntimeInfo().getWireMock(), TRACE_DELAY_MILLIS);
    tempo.stubFor(get(urlPathEqualTo("/api/search")).withQueryParam("q", matching(".*stuck.*")).atPriority(1)
        .willReturn(aResponse().withFixedDelay(30_000).withHeader("Content-Type", "application/json")
            .withBody("{\"traces\":[]}")));
  }

  private static RawStdio server(String... more) throws Exception {
    String[] base = {"--backend", "tempo", "--url", tempo.baseUrl(), "--timeout", "40s", "--hydration-concurrency", "1",
        "--backend-option", "tenant=travel-team"};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return RawStdio.start(args);
  }

  private static JsonNode structured(JsonNode response) throws Exception {
    assertThat(response.at("/result/isError").asBoolean()).as(response.toString()).isFalse();
    return JSON.readTree(response.at("/result/content/0/text").asText());
  }

  private static JsonNode error(JsonNode response) throws Exception {
    assertThat(response.at("/result/isError").asBoolean()).as(response.toString()).isTrue();
    return JSON.readTree(response.at("/result/content/0/text").asText()).get("error");
  }

  @Test
  void aBackendTooSlowForAllOfItGetsAPartialAnswerBeforeTheDeadline() throws Exception {
    try (RawStdio server = server("--call-timeout", "4s")) {
      long started = System.nanoTime();
      server.send(RawStdio.toolCall("1", "get_llm_usage", DEMO, null));
      JsonNode answer = structured(server.response("1", Duration.ofSeconds(30)));
      long tookMillis = (System.nanoTime() - started) / 1_000_000;

      assertThat(tookMillis).as("within the 4 s deadline").isLessThan(4_000);
      JsonNode scope = answer.get("scope");
      assertThat(scope.get("partial").asBoolean()).isTrue();
      assertThat(scope.at("/coverage/stopped_by").asText()).isEqualTo("deadline");
      assertThat(scope.at("/coverage/failed_parts/0").asText()).endsWith("traces were not fetched before the call had "
          + "to answer");
      assertThat(answer.at("/totals/request_count").asInt()).as("the traces that did arrive are counted")
          .isPositive().isLessThan(22);
    }
  }

  @Test
  void nothingInTimeIsACodedErrorAtTheDeadlineAndTheServerGoesOn() throws Exception {
    try (RawStdio server = server("--call-timeout", "2s")) {
      long started = System.nanoTime();
      server.send(RawStdio.toolCall("1", "search_traces", "{\"service_name\":\"stuck\"}", null));
      JsonNode error = error(server.response("1", Duration.ofSeconds(30)));
      long tookMillis = (System.nanoTime() - started) / 1_000_000;

      assertThat(tookMillis).as("at the 2 s deadline, give or take a second").isBetween(1_000L, 3_000L);
      assertThat(error.get("code").asText()).isEqualTo("BACKEND_UNAVAILABLE");
      assertThat(error.get("message").asText()).contains("--call-timeout");
      server.send(RawStdio.toolCall("2", "list_services", "{}", null));
      assertThat(server.response("2", Duration.ofSeconds(30)).at("/result/isError").asBoolean()).isFalse();
    }
  }

  @Test
  void aCancellationStopsTheBackendRequestsOfThatCall() throws Exception {
    try (RawStdio server = server()) {
      int before = tempo.findAll(getRequestedFor(urlPathMatching("/api/traces/.*"))).size();
      server.send(RawStdio.toolCall("\"c\"", "get_llm_usage", DEMO, null));
      Thread.sleep(2_000);
      long cancelled = System.nanoTime();
      server.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"c\"}}");
      JsonNode answer = server.response("\"c\"", Duration.ofSeconds(10));
      long answeredMillis = (System.nanoTime() - cancelled) / 1_000_000;
      Thread.sleep(4 * TRACE_DELAY_MILLIS);
      int fetched = tempo.findAll(getRequestedFor(urlPathMatching("/api/traces/.*"))).size() - before;

      assertThat(answeredMillis).as("stopped within a second").isLessThan(1_000);
      assertThat(error(answer).get("message").asText()).contains("cancelled");
      assertThat(fetched).as("two trace fetches started before the cancel; the other two never").isLessThanOrEqualTo(2);
    }
  }

  @Test
  void progressIsReportedWhenAskedFor() throws Exception {
    try (RawStdio server = server()) {
      server.send(RawStdio.toolCall("1", "get_llm_usage", DEMO, "tok-1"));
      structured(server.response("1", Duration.ofSeconds(30)));

      assertThat(server.notifications("notifications/progress")).isNotEmpty().allSatisfy(n -> {
        assertThat(n.at("/params/progressToken").asText()).isEqualTo("tok-1");
        assertThat(n.at("/params/message").asText()).matches("traces fetched: \\d of 4|.*: \\d+( of \\d+)?");
        assertThat(n.at("/params/total").isMissingNode()).as("no total claims the call is done").isTrue();
      });
      assertThat(server.notifications("notifications/progress")).extracting(n -> n.at("/params/progress").asDouble())
          .isSorted();
    }
  }
}
