package dev.otelmcp.otlp.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Attributes;
import dev.otelmcp.domain.model.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes OTLP/JSON trace payloads into domain {@link Span}s, whoever produced them.
 *
 * <p>Accepted shapes, also mixed in one payload:
 *
 * <ul>
 *   <li>{@code {"resourceSpans":[…]}}: OTLP {@code TracesData} / {@code ExportTraceServiceRequest};
 *   <li>{@code {"batches":[…]}}: Tempo's {@code /api/traces/{id}};
 *   <li>{@code {"trace":{"resourceSpans":[…]}}}: Tempo's {@code /api/v2/traces/{id}};
 *   <li>{@code {"result":{…}}}: Jaeger api_v3;
 *   <li>a sequence of such values, concatenated or one per line: the Collector file exporter writes JSON
 *       Lines, and Jaeger's older grpc-gateway streamed one {@code {"result":…}} per chunk. All are merged.
 * </ul>
 *
 * <p>Within them it follows the lenient reading the real producers need: {@code scopeSpans} or the legacy
 * {@code instrumentationLibrarySpans}; ids in hex of any case or base64 (Tempo); enums as numbers or names;
 * 64-bit integers as strings or numbers. The tree is walked by hand rather than bound to protobuf classes so
 * that one bad span or attribute is skipped and counted instead of failing the whole payload.
 *
 * <p>Thread-safe: it holds only an {@link ObjectReader}, and each call counts into its own state.
 */
public final class OtlpJsonDecoder {

  private static final String SERVICE_NAME = "service.name";

  private final ObjectReader reader;

  public OtlpJsonDecoder() {
    this(new ObjectMapper());
  }

  /** Uses the given mapper's parser settings; the mapper is not modified. */
  public OtlpJsonDecoder(ObjectMapper mapper) {
    this.reader = Objects.requireNonNull(mapper, "mapper")
        .readerFor(JsonNode.class)
        // Big intValues must not lose precision through double.
        .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /** Decodes a payload of one or more JSON values. */
  public OtlpDecodeResult decode(String json) {
    Objects.requireNonNull(json, "json");
    return decode(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a UTF-8 payload of one or more JSON values. */
  public OtlpDecodeResult decode(byte[] json) {
    Objects.requireNonNull(json, "json");
    return decode(new ByteArrayInputStream(json));
  }

  /**
   * Decodes a UTF-8 stream of one or more JSON values; the stream is read to its end but not closed.
   *
   * @throws OtlpDecodingException when the payload is not JSON, is empty, or holds a value of no OTLP shape
   * @throws UncheckedIOException when reading the stream itself fails
   */
  public OtlpDecodeResult decode(InputStream json) {
    Objects.requireNonNull(json, "json");
    DecodeStats stats = new DecodeStats();
    List<Span> spans = new ArrayList<>();
    int values = 0;
    try (JsonParser parser = reader.createParser(json);
         MappingIterator<JsonNode> iterator = reader.readValues(parser)) {
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      while (iterator.hasNextValue()) {
        JsonNode value = iterator.nextValue();
        values++;
        collect(value, spans, stats, values);
      }
    } catch (JsonProcessingException e) {
      throw new OtlpDecodingException("payload is not valid JSON: " + e.getOriginalMessage()
          + location(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // MappingIterator reports parse errors as unchecked wrappers of JsonProcessingException.
      if (e.getCause() instanceof JsonProcessingException jpe) {
        throw new OtlpDecodingException("payload is not valid JSON: " + jpe.getOriginalMessage() + location(jpe), jpe);
      }
      throw e;
    }
    if (values == 0) {
      throw new OtlpDecodingException("payload is empty: expected OTLP/JSON such as {\"resourceSpans\":[...]}");
    }
    return new OtlpDecodeResult(spans, stats.skippedSpans, stats.skippedAttributes, stats.skippedEventsAndLinks);
  }

  /** Decodes one already parsed JSON value (an object of one of the accepted shapes, or an array of them). */
  public OtlpDecodeResult decode(JsonNode value) {
    Objects.requireNonNull(value, "value");
    DecodeStats stats = new DecodeStats();
    List<Span> spans = new ArrayList<>();
    collect(value, spans, stats, 1);
    return new OtlpDecodeResult(spans, stats.skippedSpans, stats.skippedAttributes, stats.skippedEventsAndLinks);
  }

  private void collect(JsonNode value, List<Span> into, DecodeStats stats, int position) {
    if (!collectShape(value, into, stats)) {
      throw new OtlpDecodingException("JSON value #" + position + " is not an OTLP trace payload: expected an object"
          + " with resourceSpans, batches (Tempo), trace (Tempo v2) or result (Jaeger api_v3), found "
          + describe(value));
    }
  }

  /** Walks the known wrappers down to {@code resourceSpans}; false when the value has none of the shapes. */
  private boolean collectShape(JsonNode value, List<Span> into, DecodeStats stats) {
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (!collectShape(element, into, stats)) {
          return false;
        }
      }
      return true;
    }
    if (!value.isObject()) {
      return false;
    }
    if (value.isEmpty()) {
      // pdata writes an empty TracesData as {} (Jaeger: {"result":{}}).
      return true;
    }
    boolean recognised = false;
    for (String list : new String[] {"resourceSpans", "batches"}) {
      JsonNode resourceSpans = value.get(list);
      if (resourceSpans != null) {
        if (!resourceSpans.isArray() && !resourceSpans.isNull()) {
          return false;
        }
        resourceSpans.forEach(rs -> readResourceSpans(rs, into, stats));
        recognised = true;
      }
    }
    for (String wrapper : new String[] {"trace", "result"}) {
      JsonNode inner = value.get(wrapper);
      if (inner != null && !inner.isNull()) {
        if (!collectShape(inner, into, stats)) {
          return false;
        }
        recognised = true;
      }
    }
    return recognised;
  }

  private void readResourceSpans(JsonNode resourceSpans, List<Span> into, DecodeStats stats) {
    if (!resourceSpans.isObject()) {
      return;
    }
    Attributes resource = AnyValues.attributes(resourceSpans.path("resource").get("attributes"), stats);
    String serviceName = resource.get(SERVICE_NAME).map(AttributeValue::asText).orElse(null);
    JsonNode scopes = resourceSpans.has("scopeSpans")
        ? resourceSpans.get("scopeSpans")
        : resourceSpans.get("instrumentationLibrarySpans");
    if (scopes == null || !scopes.isArray()) {
      return;
    }
    for (JsonNode scopeSpans : scopes) {
      JsonNode scope = scopeSpans.has("scope") ? scopeSpans.get("scope") : scopeSpans.get("instrumentationLibrary");
      String scopeName = scope == null ? "" : scope.path("name").asText("");
      OtlpSpanReader.Context context = new OtlpSpanReader.Context(serviceName, resource, scopeName);
      JsonNode spans = scopeSpans.get("spans");
      if (spans != null && spans.isArray()) {
        for (JsonNode span : spans) {
          OtlpSpanReader.read(span, context, stats).ifPresent(into::add);
        }
      }
    }
  }

  private static String describe(JsonNode value) {
    if (value.isObject()) {
      List<String> keys = new ArrayList<>();
      value.fieldNames().forEachRemaining(keys::add);
      return "an object with keys " + (keys.size() > 8 ? keys.subList(0, 8) + "…" : keys);
    }
    return "a JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}
