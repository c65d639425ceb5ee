package dev.otelmcp.backend.toolkit;

import java.io.IOException;

/**
 * A successful answer whose body could not be parsed, thrown by the Feign decoder ({@code feign.JsonBodyDecoder}) so
 * that the call wrapper ({@code feign.FeignCalls}) can word it: cut or garbled JSON (worth a retry, the backend's
 * fault) or no JSON at all (a web page: most likely the URL points at the wrong thing). Not retried by Feign: the same
 * body would likely come again.
 */
public final class UnreadableBodyException extends IOException {

  private static final long serialVersionUID = 1L;

  private final boolean startsLikeJson;

  /**
   * @param parserMessage the parser's words, without its location dump
   * @param body the body that failed
   * @param cause the parser's exception
   */
  public UnreadableBodyException(String parserMessage, byte[] body, Throwable cause) {
    super(parserMessage, cause);
    this.startsLikeJson = AnswerBodies.startsLikeJson(body);
  }

  /** Whether the body began like JSON (then it was cut or garbled). */
  public boolean startsLikeJson() {
    return startsLikeJson;
  }
}
