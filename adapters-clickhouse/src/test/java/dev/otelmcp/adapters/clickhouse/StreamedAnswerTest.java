package dev.otelmcp.adapters.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.feign.FeignClients;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A streamed answer on the real engine: the rows of many blocks, each an object of its columns, read as they arrive
 * — the column names written once, as ClickHouse writes them — and a reader that stops early stops the read.
 */
class StreamedAnswerTest {

  private static ClickHouseCalls calls() {
    ClickHouseConfig config = ClickHouseConfig.from(Stores.settings(SampleTables.loaded(), SampleTables.MAP_DATABASE));
    ObjectMapper mapper = FeignClients.mapper();
    return new ClickHouseCalls(ClickHouseHttp.api(config, mapper), config, mapper);
  }

  @Test
  void everyRowOfEveryBlockArrivesOnceWithItsColumns() {
    List<Long> numbers = new ArrayList<>();
    SqlParams params = new SqlParams();
    String sql = "SELECT number AS n, toString(number) AS text, map('k', toString(number)) AS m FROM numbers("
        + params.uint32(20_000) + ") SETTINGS max_block_size = 1000 FORMAT JSONCompactEachRowWithNames";

    calls().stream("numbers", params.sql(sql), row -> {
      assertThat(row.path("text").asText()).isEqualTo(row.path("n").asText());
      assertThat(row.path("m").path("k").asText()).isEqualTo(row.path("n").asText());
      numbers.add(row.path("n").asLong());
      return true;
    });

    assertThat(numbers).hasSize(20_000);
    assertThat(numbers.get(0)).isZero();
    assertThat(numbers.get(19_999)).isEqualTo(19_999);
  }

  @Test
  void aReaderThatStopsStopsTheRead() {
    int[] read = {0};
    SqlParams params = new SqlParams();
    String sql = "SELECT number AS n FROM numbers(" + params.uint32(1_000_000) + ") SETTINGS max_block_size = 1000"
        + " FORMAT JSONCompactEachRowWithNames";

    calls().stream("numbers", params.sql(sql), row -> ++read[0] < 2_500);

    assertThat(read[0]).isEqualTo(2_500);
  }
}
