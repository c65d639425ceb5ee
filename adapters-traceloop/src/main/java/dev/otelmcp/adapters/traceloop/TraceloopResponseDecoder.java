package dev.otelmcp.adapters.traceloop;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * Decodes successful answers as JSON whatever the {@code Content-Type} says. A body that is not JSON (an empty
 * body, a proxy's login page) surfaces as Jackson's {@code JsonProcessingException}, which
 * {@link TraceloopCalls} turns into "Traceloop sent a response that is not valid JSON".
 */
final class TraceloopResponseDecoder implements Decoder {

  private final ObjectMapper mapper;

  TraceloopResponseDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    byte[] body;
    if (response.body() == null) {
      body = new byte[0];
    } else {
      try (InputStream in = response.body().asInputStream()) {
        body = Util.toByteArray(in);
      }
    }
    return mapper.readValue(body, mapper.constructType(type));
  }
}
