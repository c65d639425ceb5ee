package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Decodes successful responses: {@code byte[]} raw (OTLP payloads go to the OTLP codec, which also reads
 * JSON sequences), anything else as JSON whatever the {@code Content-Type} says.
 *
 * <p>Malformed JSON surfaces as Jackson's {@code JsonProcessingException} (an {@link IOException}), which
 * {@link JaegerCalls} turns into "Jaeger sent a response that is not valid JSON".
 */
final class JaegerResponseDecoder implements Decoder {

  private final ObjectMapper mapper;

  JaegerResponseDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    byte[] body = body(response);
    if (type == byte[].class) {
      return body;
    }
    if (type == String.class) {
      return new String(body, StandardCharsets.UTF_8);
    }
    // An empty body fails here too ("No content to map"), which is what it is: not the JSON we asked for.
    return mapper.readValue(body, mapper.constructType(type));
  }

  private static byte[] body(Response response) throws IOException {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      return Util.toByteArray(in);
    }
  }
}
