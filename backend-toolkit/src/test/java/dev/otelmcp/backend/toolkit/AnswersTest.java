package dev.otelmcp.backend.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.otelmcp.domain.error.BackendRejectedException;
import dev.otelmcp.domain.error.BackendUnavailableException;
import dev.otelmcp.domain.error.OtelMcpException;
import dev.otelmcp.domain.error.RateLimitedException;
import feign.Request;
import feign.Request.HttpMethod;
import feign.Response;
import feign.RetryableException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What error decoders return for transient statuses, and how decoders read bodies. */
class AnswersTest {

  private static final Request REQUEST = Request.create(HttpMethod.GET, "http://jaeger:16686/api/traces?service=a",
      Map.of(), null, StandardCharsets.UTF_8, null);

  private static Response answer(int status, Map<String, Collection<String>> headers) {
    return Response.builder().status(status).request(REQUEST).headers(headers).body("x", StandardCharsets.UTF_8).build();
  }

  @Test
  void aTransientStatusIsWrappedRetryableWithTheDomainExceptionAsCause() {
    OtelMcpException failure = new BackendUnavailableException("Jaeger failed with HTTP 503", "retry later");

    Exception wrapped = TransientStatus.wrap(failure, answer(503, Map.of("Retry-After", List.of("2"))));

    assertThat(wrapped).isInstanceOf(RetryableException.class).hasCause(failure).hasMessage(failure.getMessage());
    RetryableException retryable = (RetryableException) wrapped;
    assertThat(retryable.status()).isEqualTo(503);
    assertThat(retryable.retryAfter() - System.currentTimeMillis()).isBetween(1000L, 2000L);
  }

  @Test
  void tooManyRequestsIsTransientToo() {
    OtelMcpException failure = new RateLimitedException("slow down", Duration.ofSeconds(1));

    assertThat(TransientStatus.wrap(failure, answer(429, Map.of()))).isInstanceOf(RetryableException.class);
    assertThat(((RetryableException) TransientStatus.wrap(failure, answer(429, Map.of()))).retryAfter()).isNull();
  }

  @Test
  void aRejectionIsReturnedAsItIs() {
    OtelMcpException failure = new BackendRejectedException("Jaeger rejected", "fix the query");

    assertThat(TransientStatus.wrap(failure, answer(400, Map.of()))).isSameAs(failure);
    assertThat(TransientStatus.isTransient(404)).isFalse();
    assertThat(TransientStatus.isTransient(599)).isTrue();
  }

  @Test
  void aBodyIsReadWhole() throws IOException {
    assertThat(AnswerBodies.read(answer(200, Map.of()))).containsExactly('x');
    assertThat(AnswerBodies.read(Response.builder().status(200).request(REQUEST).headers(Map.of()).build())).isEmpty();
  }

  @Test
  void aBodyThatBreaksOffIsARetryableTransportFailure() {
    EOFException eof = new EOFException("EOF reached while reading");
    Response broken = Response.builder().status(200).request(REQUEST).headers(Map.of()).body(new BrokenBody(eof)).build();

    RetryableException e = catchThrowableOfType(RetryableException.class, () -> AnswerBodies.read(broken));

    assertThat(e.status()).isEqualTo(-1);
    assertThat(e).hasCause(eof);
    assertThat(e.getMessage()).doesNotContain("service=a");
    assertThat(BackendRetryer.failure(e, 0).describe()).isEqualTo("the connection was closed before the answer was complete");
  }

  @Test
  void aBodyOfAnnouncedLengthIsReadIntoOneArrayAndOneCutShortIsARetryableTransportFailure() throws IOException {
    byte[] body = bytes("{\"data\":[" + "1,".repeat(50_000) + "1]}");
    Response whole = Response.builder().status(200).request(REQUEST).headers(Map.of())
        .body(new TrickleStream(body, body.length), body.length).build();
    assertThat(AnswerBodies.read(whole)).isEqualTo(body);

    Response cut = Response.builder().status(200).request(REQUEST).headers(Map.of())
        .body(new TrickleStream(body, 1000), body.length).build();
    RetryableException e = catchThrowableOfType(RetryableException.class, () -> AnswerBodies.read(cut));
    assertThat(e.status()).isEqualTo(-1);
    assertThat(e).hasCauseInstanceOf(EOFException.class);
  }

  @Test
  void anEncodedBodyIsReadToItsEndWhateverLengthWasAnnounced() throws IOException {
    // The JDK client inflates gzip but announces the compressed length: the inflated body is longer.
    byte[] body = bytes("{\"data\":[" + "1,".repeat(5_000) + "1]}");
    Response gzipped = Response.builder().status(200).request(REQUEST)
        .headers(Map.<String, Collection<String>>of("Content-Encoding", List.of("gzip"))).body(new TrickleStream(body, body.length), 40).build();
    assertThat(AnswerBodies.read(gzipped)).isEqualTo(body);
  }

  @Test
  void whetherABodyStartsLikeJson() {
    assertThat(AnswerBodies.startsLikeJson(bytes("{\"data\":["))).isTrue();
    assertThat(AnswerBodies.startsLikeJson(bytes(" \r\n\t[1,"))).isTrue();
    assertThat(AnswerBodies.startsLikeJson(bytes("\uFEFF{"))).as("after a byte-order mark").isTrue();
    assertThat(AnswerBodies.startsLikeJson(bytes("<html><body>login</body></html>"))).isFalse();
    assertThat(AnswerBodies.startsLikeJson(bytes("not json"))).isFalse();
    assertThat(AnswerBodies.startsLikeJson(bytes("   "))).isFalse();
    assertThat(AnswerBodies.startsLikeJson(new byte[0])).isFalse();
    assertThat(new UnreadableBodyException("Unexpected end-of-input", bytes("{\"a\":"), null).startsLikeJson()).isTrue();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The first {@code available} bytes of a body, a few at a time, as a network stream gives them. */
  private static final class TrickleStream extends InputStream {
    private final byte[] body;
    private final int available;
    private int at;

    TrickleStream(byte[] body, int available) {
      this.body = body;
      this.available = available;
    }

    @Override
    public int read() {
      return at < available ? body[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (at >= available) {
        return -1;
      }
      int n = Math.min(Math.min(length, 777), available - at);
      System.arraycopy(body, at, into, offset, n);
      at += n;
      return n;
    }
  }

  /** A body whose stream fails like a connection closed mid-answer. */
  private record BrokenBody(IOException failure) implements Response.Body {

    @Override
    public Integer length() {
      return null;
    }

    @Override
    public boolean isRepeatable() {
      return false;
    }

    @Override
    public InputStream asInputStream() {
      return new InputStream() {
        @Override
        public int read() throws IOException {
          throw failure;
        }
      };
    }

    @Override
    public Reader asReader(java.nio.charset.Charset charset) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }
}
