package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.backend.toolkit.AnswerBodies;
import dev.otelmcp.backend.toolkit.UnreadableBodyException;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Decodes successful answers as JSON whatever the {@code Content-Type} says. A body that breaks off while it is
 * read is retried ({@link AnswerBodies}); one that cannot be parsed (cut-off JSON, an empty body, a proxy's login
 * page) is an {@link UnreadableBodyException}, which {@link TraceloopCalls} words accordingly.
 */
final class TraceloopResponseDecoder implements Decoder {

  private final ObjectMapper mapper;

  TraceloopResponseDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    byte[] body = AnswerBodies.read(response);
    try {
      return mapper.readValue(body, mapper.constructType(type));
    } catch (JsonProcessingException e) {
      throw new UnreadableBodyException(e.getOriginalMessage(), body, e);
    }
  }
}
