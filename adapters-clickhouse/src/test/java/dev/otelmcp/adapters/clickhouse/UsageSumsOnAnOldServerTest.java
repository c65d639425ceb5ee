package dev.otelmcp.adapters.clickhouse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.otelmcp.domain.error.UnsupportedQueryException;
import dev.otelmcp.domain.port.LlmModelCalls;
import dev.otelmcp.domain.port.LlmToolUsage;
import dev.otelmcp.domain.port.LlmTraceRanking;
import dev.otelmcp.domain.port.LlmUsageSums;
import dev.otelmcp.domain.pricing.PriceBreaks;
import dev.otelmcp.tck.ExpectedModelCalls;
import dev.otelmcp.tck.TestBackendSettings;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ClickHouse older than the functions the sums use answers UNKNOWN_FUNCTION; the store says it cannot sum, so
 * otel-mcp reads the calls instead of failing the call.
 */
class UsageSumsOnAnOldServerTest {

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
        .withHeader("X-ClickHouse-Exception-Code", "46")
        .withBody("Code: 46. DB::Exception: Function with name 'arrayFold' does not exist. (UNKNOWN_FUNCTION) "
            + "(version 23.3.1.2823 (official build))\n")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void unknownFunctionsMakeTheSumsUnsupportedNotAFailure() {
    ClickHouseConfig config = ClickHouseConfig.from(TestBackendSettings.url(server.baseUrl()));
    ObjectMapper mapper = new ObjectMapper();
    ClickHouseCalls calls = new ClickHouseCalls(ClickHouseHttp.api(config, mapper), config, mapper);
    WindowCalls window = new WindowCalls(new TraceSearch(calls, config),
        new Schema(Schema.Variant.MAP, true, true, true, true), calls, config);
    LlmUsageSums sums = new ClickHouseUsageSums(window);
    LlmToolUsage tools = new ClickHouseToolUsage(window);

    assertThatThrownBy(() -> sums.sum(new LlmUsageSums.Request(SampleTables.WINDOW, List.of(), 10, PriceBreaks.NONE,
        null), group -> { }))
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessageContaining("cannot compute LLM usage sums in SQL").hasMessageContaining("UNKNOWN_FUNCTION");
    assertThatThrownBy(() -> tools.count(new LlmToolUsage.Request(SampleTables.WINDOW, List.of(), 10, null, null),
        group -> { }))
        .isInstanceOf(UnsupportedQueryException.class).hasMessageContaining("cannot compute LLM tool usage in SQL");
    // The calls of a model come back streamed; the refusal comes before any row.
    ExpectedModelCalls.HandedOn handedOn = new ExpectedModelCalls.HandedOn();
    assertThatThrownBy(() -> new ClickHouseModelCalls(window).calls(new LlmModelCalls.Request(SampleTables.WINDOW,
        List.of(), 10, java.util.Set.of("gpt-4o")), handedOn))
        .isInstanceOf(UnsupportedQueryException.class).hasMessageContaining("UNKNOWN_FUNCTION");
    assertThat(handedOn.pairs()).isEmpty();
    // A ranking, by cost (its first statement lists the price keys) and by duration (no prices needed).
    for (LlmTraceRanking.Measure measure : LlmTraceRanking.Measure.values()) {
      List<Object> ranked = new java.util.ArrayList<>();
      assertThatThrownBy(() -> new ClickHouseTraceRanking(window).rank(new LlmTraceRanking.Request(
          SampleTables.WINDOW, List.of(), 10, LlmTraceRanking.Qualifying.ANY, measure, 0, null, PriceBreaks.NONE,
          (p, m, at, tier) -> java.util.Optional.empty(), 0, 5), ranked::add))
          .isInstanceOf(UnsupportedQueryException.class).hasMessageContaining("UNKNOWN_FUNCTION");
      assertThat(ranked).isEmpty();
    }
  }
}
