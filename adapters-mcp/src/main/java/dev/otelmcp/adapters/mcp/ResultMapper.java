package dev.otelmcp.adapters.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.otelmcp.application.llm.LlmSummary;
import dev.otelmcp.application.llm.TokenTotals;
import dev.otelmcp.application.llm.UsageGroup;
import dev.otelmcp.application.usecase.ListLlmModelsUseCase;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Renders result records as the compact JSON tools return: snake_case keys, ISO-8601 UTC times, no nulls,
 * no indentation.
 */
public final class ResultMapper {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** One mapper for every instance: its configuration never changes, and it is costly to make. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      // Token figures are defined once (TokenTotals); rows that carry them show them flat, beside their own fields.
      .addMixIn(UsageGroup.class, FlatTotals.class)
      .addMixIn(LlmSummary.class, FlatTotals.class)
      .addMixIn(ListLlmModelsUseCase.ModelView.class, FlatTotals.class)
      .registerModule(new SimpleModule().addSerializer(Double.class, new PlainDouble()).addSerializer(double.class, new PlainDouble()))
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectMapper mapper = MAPPER;

  /** The mix-in that writes a record's {@code totals} component's fields in place of the component. */
  private abstract static class FlatTotals {
    @JsonUnwrapped
    abstract TokenTotals totals();
  }

  /** The result as a JSON object tree of maps and lists. */
  public Map<String, Object> toMap(Object result) {
    return mapper.convertValue(result, MAP);
  }

  /**
   * Doubles in plain notation: a call that cost 0.0000125 USD reads as that, not 1.25E-5, which assistants misread.
   */
  private static final class PlainDouble extends StdSerializer<Double> {
    PlainDouble() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
      if (Double.isFinite(value) && Double.toString(value).indexOf('E') >= 0) {
        out.writeNumber(BigDecimal.valueOf(value).toPlainString());
      } else {
        out.writeNumber(value);
      }
    }
  }

  /** A JSON object this mapper wrote, read back (an error answer's body). */
  public Map<String, Object> fromJson(String json) {
    try {
      return mapper.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not a JSON object", e);
    }
  }

  public String toJson(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("result cannot be rendered as JSON", e);
    }
  }
}
