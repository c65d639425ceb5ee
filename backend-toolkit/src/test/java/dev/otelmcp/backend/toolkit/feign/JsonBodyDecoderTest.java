package dev.otelmcp.backend.toolkit.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otelmcp.backend.toolkit.UnreadableBodyException;
import feign.Request;
import feign.Request.HttpMethod;
import feign.Response;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Successful answers: raw, text, JSON whatever the content type, or a type's own reader; unparsable ones named. */
class JsonBodyDecoderTest {

  private static final Request REQUEST = Request.create(HttpMethod.GET, "http://backend/api/services", Map.of(), null,
      StandardCharsets.UTF_8, null);
  private static final JsonBodyDecoder DECODER = new JsonBodyDecoder(FeignClients.mapper());

  record Services(List<String> services) {}

  record Counted(int bytes) {}

  private static Object decode(JsonBodyDecoder decoder, String body, Type type) throws IOException {
    Response answer = Response.builder().status(200).request(REQUEST).headers(Map.of())
        .body(body, StandardCharsets.UTF_8).build();
    return decoder.decode(answer, type);
  }

  @Test
  void jsonIsBoundWhateverTheContentTypeAndUnknownFieldsAreIgnored() throws IOException {
    assertThat(decode(DECODER, "{\"services\":[\"a\",\"b\"],\"total\":2}", Services.class))
        .isEqualTo(new Services(List.of("a", "b")));
    assertThat(decode(DECODER, "{\"x\":1}", JsonNode.class)).isInstanceOf(JsonNode.class);
  }

  @Test
  void bytesComeBackRawAndTextAsUtf8() throws IOException {
    assertThat((byte[]) decode(DECODER, "{\"resourceSpans\":[]} {\"resourceSpans\":[]}", byte[].class))
        .asString(StandardCharsets.UTF_8).isEqualTo("{\"resourceSpans\":[]} {\"resourceSpans\":[]}");
    assertThat(decode(DECODER, "grüße", String.class)).isEqualTo("grüße");
  }

  @Test
  void aTypeWithItsOwnReaderIsReadByIt() throws IOException {
    JsonBodyDecoder counting = DECODER.reading(Counted.class, body -> new Counted(body.length));

    assertThat(decode(counting, "12345", Counted.class)).isEqualTo(new Counted(5));
    assertThat(decode(counting, "{\"services\":[]}", Services.class)).isEqualTo(new Services(List.of()));
    assertThat(catchThrowableOfType(UnreadableBodyException.class, () -> decode(DECODER, "12345", Counted.class)))
        .as("the reader belongs to the decoder it was added to").isNotNull();
  }

  @Test
  void aBodyThatCannotBeParsedSaysWhetherItBeganLikeJson() {
    UnreadableBodyException cut = catchThrowableOfType(UnreadableBodyException.class,
        () -> decode(DECODER, "{\"services\":[\"a\",", Services.class));
    UnreadableBodyException page = catchThrowableOfType(UnreadableBodyException.class,
        () -> decode(DECODER, "<html><title>Login</title></html>", Services.class));
    UnreadableBodyException empty = catchThrowableOfType(UnreadableBodyException.class,
        () -> decode(DECODER, "", Services.class));

    assertThat(cut.startsLikeJson()).isTrue();
    assertThat(cut.getMessage()).doesNotContain("[Source:").as("the parser's words without its location");
    assertThat(page.startsLikeJson()).isFalse();
    assertThat(page).hasMessageContaining("Unexpected character ('<'");
    assertThat(empty.startsLikeJson()).isFalse();
    assertThat(empty).hasMessageContaining("No content");
  }
}
