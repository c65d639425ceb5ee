package dev.otelmcp.adapters.tempo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.model.Operation;
import dev.otelmcp.domain.model.TimeRange;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Services and operations from the tag-value index, in the asked window. The v2 tag answers are not recorded;
 * they are written in Tempo's documented shape with the values of the recorded traces.
 */
class TagsTest {

  @RegisterExtension
  static WireMockExtension tempo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final TimeRange NOV_13 =
      new TimeRange(Instant.parse("2025-11-13T00:00:00Z"), Instant.parse("2025-11-14T00:00:00Z"));

  private TempoTraceStore store;

  @BeforeEach
  void open() {
    store = new TempoTraceStore(TempoConfig.from(TestBackendSettings.url(tempo.baseUrl())));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static WireMock wireMock() {
    return tempo.getRuntimeInfo().getWireMock();
  }

  @Test
  void servicesAreTheValuesOfResourceServiceNameInTheWindowSorted() {
    RecordedTempo.tagValues(wireMock());

    assertThat(store.listServices(NOV_13)).containsExactly("travel-agent-demo", "travel-agent-demo2");

    LoggedRequest request = tempo.findAll(getRequestedFor(urlPathEqualTo("/api/v2/search/tag/resource.service.name/values"))).get(0);
    assertThat(request.queryParameter("start").firstValue()).isEqualTo("1762992000");
    assertThat(request.queryParameter("end").firstValue()).isEqualTo("1763078400");
  }

  @Test
  void operationsAreTheSpanNamesOfTheServiceNotOnlyItsRootNames() {
    RecordedTempo.tagValues(wireMock());

    List<Operation> operations = store.listOperations("travel-agent-demo", NOV_13);

    assertThat(operations).extracting(Operation::name).containsExactly("Agent Workflow", "GET",
        "Travel Planner Agent.agent", "create_itinerary.tool", "get_destination_info.tool",
        "get_location_coordinates.tool", "get_weather_forecast.tool", "openai.chat", "openai.response",
        "search_destinations.tool");
  }

  @Test
  void theServiceNameInTheTagQueryIsEscaped() {
    wireMock().register(get(urlPathEqualTo("/api/v2/search/tag/name/values"))
        .willReturn(okJson(RecordedTempo.tagValuesBody(List.of()))));

    assertThat(store.listOperations("a\" } || { true", NOV_13)).isEmpty();

    LoggedRequest request = tempo.findAll(getRequestedFor(urlPathEqualTo("/api/v2/search/tag/name/values"))).get(0);
    assertThat(request.queryParameter("q").firstValue()).isEqualTo("{ resource.service.name = \"a\\\" } || { true\" }");
  }

  @Test
  void aTempoBeforeTheV2TagApiListsServicesThroughTheFlatOneAndCannotListOperations() {
    wireMock().register(get(urlPathMatching("/api/v2/search/tag/.*")).willReturn(aResponse().withStatus(404)
        .withBody("404 page not found\n")));
    wireMock().register(get(urlPathEqualTo("/api/search/tag/service.name/values"))
        .willReturn(okJson("{\"tagValues\":[\"travel-agent-demo2\",\"travel-agent-demo\"]}")));

    assertThat(store.listServices(NOV_13)).containsExactly("travel-agent-demo", "travel-agent-demo2");
    assertThatThrownBy(() -> store.listOperations("travel-agent-demo", NOV_13))
        .isInstanceOf(UnsupportedQueryException.class).hasMessageContaining("Tempo 2.2");
  }
}
