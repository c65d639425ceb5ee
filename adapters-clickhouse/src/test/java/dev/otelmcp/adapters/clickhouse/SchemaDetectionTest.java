package dev.otelmcp.adapters.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Trace;
import dev.otelmcp.domain.model.TraceId;
import dev.otelmcp.domain.port.HealthStatus;
import dev.otelmcp.domain.query.TraceQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's schema, read at first use on the real engine: both variants, and clear errors when it is not one. */
class SchemaDetectionTest {

  @Test
  void aTableWithoutTheExportersColumnsIsRejectedNamingThem() {
    ChdbServer server = SampleTables.loaded();
    server.execute("CREATE DATABASE IF NOT EXISTS otel_broken");
    server.execute("CREATE TABLE IF NOT EXISTS otel_broken.otel_traces (Timestamp DateTime64(9), TraceId String,"
        + " SpanName String, Duration UInt64) ENGINE = MergeTree ORDER BY Timestamp");
    try (ClickHouseTraceStore store = Stores.open(server, "otel_broken")) {
      assertThatThrownBy(() -> store.searchTraces(new TraceQuery(SampleTables.WINDOW, List.of(), 5)))
          .isInstanceOf(BackendRejectedException.class)
          .hasMessageContaining("missing columns SpanId, ParentSpanId, SpanKind, ServiceName, ResourceAttributes, "
              + "SpanAttributes, StatusCode, StatusMessage");
      assertThat(store.health().healthy()).isFalse();
    }
  }

  @Test
  void anUnknownTableIsRejectedWithTheSettingsToCheck() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), "no_such_database")) {
      assertThatThrownBy(() -> store.listServices(SampleTables.WINDOW))
          .isInstanceOf(BackendRejectedException.class)
          .hasMessageContaining("UNKNOWN_DATABASE")
          .satisfies(e -> assertThat(((BackendRejectedException) e).hint()).contains("BACKEND_DATABASE"));
    }
  }

  @Test
  void theJsonVariantIsReadWithTypedAttributes() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), SampleTables.JSON_DATABASE)) {
      HealthStatus health = store.health();
      assertThat(health.healthy()).as(health.detail()).isTrue();
      assertThat(health.detail()).contains("JSON attributes").doesNotContain("lookup");

      Trace trace = store.getTrace(new TraceId("252334cf59f256d5485e0a694c6790bb")).orElseThrow();
      assertThat(trace.spans()).hasSize(9);
      assertThat(trace.spans()).anySatisfy(span -> {
        assertThat(span.attributes().get("gen_ai.usage.input_tokens")).get().isInstanceOf(AttributeValue.LongValue.class);
        assertThat(span.attributes().get("gen_ai.response.finish_reasons")).get()
            .isInstanceOf(AttributeValue.ArrayValue.class);
      });
    }
  }

  @Test
  void theMapVariantReadsEveryValueAsTheExporterWroteIt() {
    try (ClickHouseTraceStore store = Stores.open(SampleTables.loaded(), SampleTables.MAP_DATABASE)) {
      assertThat(store.health().detail()).contains("Map attributes, trace-id lookup table");
      Trace trace = store.getTrace(new TraceId("252334cf59f256d5485e0a694c6790bb")).orElseThrow();
      assertThat(trace.spans()).anySatisfy(span -> {
        assertThat(span.attributes().get("gen_ai.usage.input_tokens")).get()
            .isInstanceOf(AttributeValue.StringValue.class);
        assertThat(span.attributes().getNumber("gen_ai.usage.input_tokens")).isPresent();
      });
      assertThat(trace.root().kind().name()).isEqualTo("INTERNAL");
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithAHintAboutTheCredentials() {
    ChdbServer server = SampleTables.loaded();
    try (ClickHouseTraceStore store = new ClickHouseTraceStore(ClickHouseConfig.from(
        Stores.settings(server, SampleTables.MAP_DATABASE).with(ClickHouseConfig.PASSWORD, "wrong-password")))) {
      assertThatThrownBy(() -> store.listServices(SampleTables.WINDOW))
          .isInstanceOf(BackendRejectedException.class)
          .hasMessageContaining("HTTP 403").hasMessageContaining("516")
          .satisfies(e -> assertThat(((BackendRejectedException) e).hint()).contains("BACKEND_PASSWORD"));
      assertThat(store.health().detail()).doesNotContain("wrong-password");
    }
  }
}
