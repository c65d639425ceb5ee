package dev.otelmcp.adapters.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.tck.TestBackendSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How values travel: as typed parameters beside the SQL, never in it; identifiers are checked and backquoted. */
class SqlParamsTest {

  @Test
  void filterValuesAndKeysNeverEnterTheSqlText() {
    SqlParams params = new SqlParams();
    FilterSql sql = new FilterSql(Schema.Variant.MAP, params);
    String condition = sql.onSpan(Filter.of("we'ird.key", FilterOperator.IN, FilterValueType.STRING,
        List.of("'; DROP TABLE x; --", "{p0:String}")));

    Sql statement = params.sql("SELECT 1 WHERE " + condition);
    assertThat(statement.text()).doesNotContain("DROP", "we'ird", "'; ").contains("{p0:String}", "{p2:String}");
    assertThat(statement.params()).containsValues("we'ird.key", "'; DROP TABLE x; --", "{p0:String}");
  }

  @Test
  void stringsAreSentInClickHousesEscapedFormat() {
    assertThat(SqlParams.escape("a\\b\tc\nd\re'f\"{g}")).isEqualTo("a\\\\b\\tc\\nd\\re'f\"{g}");
  }

  @Test
  void numbersTimesAndIdsHaveTheirTypes() {
    SqlParams params = new SqlParams();
    assertThat(params.float64(0.1)).isEqualTo("{p0:Float64}");
    assertThat(params.dateTime64(Instant.parse("2026-11-22T12:00:00.000000001Z"))).isEqualTo("{p1:DateTime64(9)}");
    assertThat(params.hexIds(List.of("0a", "ff"))).isEqualTo("{p2:Array(String)}");
    assertThat(params.sql("").params()).containsEntry("p0", "0.1").containsEntry("p1", "1795348800.000000001")
        .containsEntry("p2", "['0a','ff']");
    assertThatThrownBy(() -> params.hexIds(List.of("0a','x"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void databaseAndTableNamesAreCheckedAndBackquoted() {
    ClickHouseConfig config = ClickHouseConfig.from(TestBackendSettings.url("http://localhost:8123")
        .with(ClickHouseConfig.DATABASE, "traces_db").with(ClickHouseConfig.TABLE, "spans_2026"));
    assertThat(config.spansTable()).isEqualTo("`traces_db`.`spans_2026`");
    assertThat(config.lookupTable()).isEqualTo("`traces_db`.`spans_2026_trace_id_ts`");
    for (String bad : List.of("otel; DROP TABLE x", "a`b", "1abc", "a.b", "")) {
      assertThatThrownBy(() -> ClickHouseConfig.from(TestBackendSettings.url("http://localhost:8123")
          .with(ClickHouseConfig.TABLE, bad.isEmpty() ? " x y" : bad)))
          .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'table'");
    }
  }

  @Test
  void thePasswordIsASecretAndNeverShown() {
    ClickHouseConfig config = ClickHouseConfig.from(TestBackendSettings.url("https://ch.example:8443")
        .with(ClickHouseConfig.USER, "reader").with(ClickHouseConfig.PASSWORD, "s3cret-pw"));
    assertThat(config.toString()).doesNotContain("s3cret-pw").contains("reader");
    assertThat(config.scrub("echo s3cret-pw")).isEqualTo("echo ***");
    assertThat(config.authorization()).startsWith("Basic ");
  }
}
