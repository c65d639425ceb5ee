package dev.otelmcp.backend.toolkit;

import dev.otelmcp.backend.toolkit.feign.JdkFeignClient;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the body of a successful answer, for the Feign decoder ({@code feign.JsonBodyDecoder}). {@link JdkFeignClient}
 * receives such a body whole, so a connection that breaks off in the middle fails the request itself; a body that
 * comes as a stream (another Feign client's) fails here, inside the decoder, when it breaks off (a restarting backend,
 * a proxy timing out): that is thrown as a {@link RetryableException} (status -1, the I/O failure as cause), which
 * Feign passes to {@link BackendRetryer} like a failure before the headers.
 */
public final class AnswerBodies {

  private AnswerBodies() {}

  /** The whole body; empty when there is none. */
  public static byte[] read(Response response) throws RetryableException {
    if (response.body() == null) {
      return new byte[0];
    }
    if (response.body() instanceof JdkFeignClient.Bytes received) {
      // Received whole by the client: the array is the body (nothing can break off any more).
      return received.bytes();
    }
    // The length of a compressed body is not the length of what the client's stream inflates.
    Integer length = encoded(response) ? null : response.body().length();
    try (InputStream in = response.body().asInputStream()) {
      return length == null || length < 0 ? in.readAllBytes() : readKnownLength(in, length);
    } catch (IOException e) {
      Request request = response.request();
      throw new RetryableException(-1, "the answer broke off while it was read", request.httpMethod(), e, (Long) null,
          request);
    }
  }

  private static boolean encoded(Response response) {
    return response.headers().entrySet().stream().anyMatch(header -> header.getKey() != null
        && header.getKey().equalsIgnoreCase("content-encoding")
        && header.getValue().stream().anyMatch(value -> !value.equalsIgnoreCase("identity")));
  }

  /**
   * A body of a length the headers announced, read into one array (large answers were copied chunk by chunk and then
   * together). A body cut short is an I/O failure, as in {@code readAllBytes}'s callers; one longer than announced
   * cannot be, as the client stops at the length.
   */
  private static byte[] readKnownLength(InputStream in, int length) throws IOException {
    byte[] body = new byte[length];
    int read = 0;
    while (read < length) {
      int n = in.read(body, read, length - read);
      if (n < 0) {
        throw new EOFException("the answer ended after " + read + " of " + length + " bytes");
      }
      read += n;
    }
    return body;
  }

  /**
   * Whether a body begins like a JSON object or array (after whitespace and a byte-order mark): a parse failure
   * then means cut or garbled JSON, not a web page where JSON should be.
   */
  public static boolean startsLikeJson(byte[] body) {
    int i = 0;
    if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
      i++;
    }
    return i < body.length && (body[i] == '{' || body[i] == '[');
  }
}
