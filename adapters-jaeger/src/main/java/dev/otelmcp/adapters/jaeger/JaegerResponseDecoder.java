package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.AnswerBodies;
import dev.otelmcp.backend.toolkit.UnreadableBodyException;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Decodes successful responses: {@code byte[]} raw (OTLP payloads go to the OTLP codec, which also reads
 * JSON sequences), classic trace answers by {@link UiTraceReader}, anything else bound as JSON whatever the
 * {@code Content-Type} says.
 *
 * <p>A body that breaks off while it is read is retried ({@link AnswerBodies}); one that cannot be parsed is an
 * {@link UnreadableBodyException}, which {@link JaegerCalls} words as cut-off JSON or as no JSON at all.
 */
final class JaegerResponseDecoder implements Decoder {

  private final ObjectMapper mapper;
  private final UiTraceReader traces;

  JaegerResponseDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
    this.traces = new UiTraceReader(mapper);
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
    try {
      // An empty body fails here too ("No content to map"), which is what it is: not the JSON we asked for.
      return type == UiTraces.class ? traces.read(body) : mapper.readValue(body, mapper.constructType(type));
    } catch (JsonProcessingException e) {
      throw new UnreadableBodyException(e.getOriginalMessage(), body, e);
    }
  }
}
