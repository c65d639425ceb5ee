package dev.otelmcp.backend.toolkit;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the body of a successful answer, for the Feign decoder ({@code feign.JsonBodyDecoder}). The JDK client streams
 * the body after the headers, so a connection that breaks off in the middle (a restarting backend, a proxy timing out)
 * fails here, inside the decoder; it is thrown as a {@link RetryableException} (status -1, the I/O failure as cause),
 * which Feign passes to {@link BackendRetryer} like a failure before the headers.
 */
public final class AnswerBodies {

  private AnswerBodies() {}

  /** The whole body; empty when there is none. */
  public static byte[] read(Response response) throws RetryableException {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      Request request = response.request();
      throw new RetryableException(-1, "the answer broke off while it was read", request.httpMethod(), e, (Long) null,
          request);
    }
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
