package dev.otelmcp.adapters.mcp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ProtocolWarmUpTest {

  @Test
  void theWarmUpFillsTheCachesOfTheMapperTheProtocolWillUse() {
    ObjectMapper mapper = new ObjectMapper();
    assertThat(((DefaultSerializerProvider) mapper.getSerializerProviderInstance()).cachedSerializersCount()).isZero();

    ProtocolWarmUp.run(new JacksonMcpJsonMapper(mapper), "otel-mcp", "test");

    assertThat(((DefaultSerializerProvider) mapper.getSerializerProviderInstance()).cachedSerializersCount())
        .as("the initialize answer's serializers, built before any client asked").isPositive();
  }

  @Test
  void aFailingWarmUpIsOnlySkipped() {
    McpJsonMapper broken = new McpJsonMapper() {
      @Override
      public <T> T readValue(String content, Class<T> type) throws IOException {
        throw new IOException("unreadable");
      }

      @Override
      public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        throw new IOException("unreadable");
      }

      @Override
      public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        throw new IOException("unreadable");
      }

      @Override
      public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        throw new IOException("unreadable");
      }

      @Override
      public <T> T convertValue(Object value, Class<T> type) {
        throw new IllegalArgumentException("unconvertible");
      }

      @Override
      public <T> T convertValue(Object value, TypeRef<T> type) {
        throw new IllegalArgumentException("unconvertible");
      }

      @Override
      public String writeValueAsString(Object value) throws IOException {
        throw new IOException("unwritable");
      }

      @Override
      public byte[] writeValueAsBytes(Object value) throws IOException {
        throw new IOException("unwritable");
      }
    };

    assertThatCode(() -> ProtocolWarmUp.run(broken, "otel-mcp", "test")).doesNotThrowAnyException();
  }
}
