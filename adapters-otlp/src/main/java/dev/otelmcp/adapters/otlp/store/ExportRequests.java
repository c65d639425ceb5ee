package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.otlp.codec.OtlpDecodeResult;
import dev.otelmcp.otlp.codec.OtlpDecodingException;
import dev.otelmcp.otlp.codec.OtlpJsonDecoder;
import dev.otelmcp.otlp.codec.OtlpProtobufDecoder;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OTLP/HTTP export request: decoded in its encoding, stored (logged before the answer), answered as the
 * OTLP specification says — 400 for a body that cannot be read, 503 when the log cannot be written (the
 * exporter retries), partial success for spans that had to be rejected.
 */
final class ExportRequests implements OtlpHttpReceiver.Sink {

  private static final Logger LOG = LoggerFactory.getLogger(ExportRequests.class);

  private final StoreWriter writer;
  private final OtlpProtobufDecoder protobufDecoder;
  private final OtlpJsonDecoder jsonDecoder = new OtlpJsonDecoder();

  ExportRequests(StoreWriter writer, OtlpProtobufDecoder protobufDecoder) {
    this.writer = writer;
    this.protobufDecoder = protobufDecoder;
  }

  @Override
  public OtlpResponses.Answer accept(byte[] body, OtlpResponses.Format format) {
    OtlpDecodeResult decoded;
    try {
      decoded = format == OtlpResponses.Format.PROTOBUF ? protobufDecoder.decode(body) : jsonDecoder.decode(body);
    } catch (OtlpDecodingException e) {
      return OtlpResponses.error(400, e.getMessage(), format);
    }
    try {
      writer.ingest(decoded.spans(), format == OtlpResponses.Format.PROTOBUF ? body : null);
    } catch (IOException e) {
      LOG.error("cannot append to the span log; refusing the batch", e);
      return OtlpResponses.error(503, "cannot persist spans: " + e.getMessage(), format)
          .withHeader("Retry-After", "5");
    }
    if (decoded.skippedSpans() > 0) {
      return OtlpResponses.success(decoded.skippedSpans(), decoded.skippedSpans()
          + " span(s) rejected: trace or span id of the wrong length, or an unreadable timestamp", format);
    }
    return OtlpResponses.success(0, "", format);
  }
}
