package dev.otelmcp.backend.toolkit.feign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.AnswerBodies;
import dev.otelmcp.backend.toolkit.UnreadableBodyException;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes successful answers: {@code byte[]} raw (for a caller that parses them itself, e.g. OTLP payloads),
 * {@code String} as UTF-8 text, a type with a reader of its own by that reader, anything else bound as JSON whatever
 * the {@code Content-Type} says.
 *
 * <p>A body that breaks off while it is read is retried ({@link AnswerBodies}); one that cannot be parsed (cut-off
 * JSON, an empty body, a proxy's login page) is an {@link UnreadableBodyException}, which {@link FeignCalls} words as
 * cut-off JSON or as no JSON at all.
 */
public final class JsonBodyDecoder implements Decoder {

  /** Reads one answer's body; fails with Jackson's exception when the body is not what it reads. */
  @FunctionalInterface
  public interface BodyReader<T> {
    T read(byte[] body) throws IOException;
  }

  private final ObjectMapper mapper;
  private final Map<Type, BodyReader<?>> readers;

  public JsonBodyDecoder(ObjectMapper mapper) {
    this(mapper, Map.of());
  }

  private JsonBodyDecoder(ObjectMapper mapper, Map<Type, BodyReader<?>> readers) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.readers = Map.copyOf(readers);
  }

  /** This decoder, with a reader of its own for one answer type (e.g. one that streams a large answer). */
  public <T> JsonBodyDecoder reading(Class<T> type, BodyReader<T> reader) {
    Map<Type, BodyReader<?>> more = new HashMap<>(readers);
    more.put(type, reader);
    return new JsonBodyDecoder(mapper, more);
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    byte[] body = AnswerBodies.read(response);
    if (type == byte[].class) {
      return body;
    }
    if (type == String.class) {
      return new String(body, StandardCharsets.UTF_8);
    }
    BodyReader<?> reader = readers.get(type);
    // An empty body fails here too ("No content to map"), which is what it is: not the JSON we asked for.
    return parse(body, reader != null ? reader : json -> mapper.readValue(json, mapper.constructType(type)));
  }

  /** The body read by the reader; a body it cannot parse is an {@link UnreadableBodyException}. */
  public static <T> T parse(byte[] body, BodyReader<T> reader) throws UnreadableBodyException {
    try {
      return reader.read(body);
    } catch (JsonProcessingException e) {
      // The parser's words without its location dump.
      throw new UnreadableBodyException(e.getOriginalMessage(), body, e);
    } catch (IOException e) {
      throw new UnreadableBodyException(e.getMessage(), body, e);
    }
  }
}
