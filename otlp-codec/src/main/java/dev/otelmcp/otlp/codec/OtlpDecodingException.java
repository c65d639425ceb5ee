package dev.otelmcp.otlp.codec;

/**
 * The payload as a whole cannot be read as OTLP/JSON: it is not JSON, or none of the shapes OTLP producers
 * use ({@code resourceSpans}, Tempo's {@code batches} and {@code trace}, Jaeger's {@code result}) is there.
 *
 * <p>Problems inside an otherwise readable payload (a bad span id, a malformed attribute) never raise this;
 * they are skipped and counted in {@link OtlpDecodeResult}.
 */
public final class OtlpDecodingException extends RuntimeException {

  public OtlpDecodingException(String message) {
    super(message);
  }

  public OtlpDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
