package dev.otelmcp.adapters.otlp.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedOutputStream;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * OTLP/HTTP answers, in the encoding of the request: {@code ExportTraceServiceResponse} on success (with
 * {@code partial_success} when spans were rejected), {@code google.rpc.Status} on failure.
 */
final class OtlpResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The two OTLP/HTTP encodings. */
  enum Format {
    PROTOBUF("application/x-protobuf"),
    JSON("application/json");

    private final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }

    String contentType() {
      return contentType;
    }

    /** The format of a request's Content-Type (parameters such as charset ignored); empty if neither. */
    static Optional<Format> of(String contentType) {
      if (contentType == null) {
        return Optional.empty();
      }
      int semicolon = contentType.indexOf(';');
      String media = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip().toLowerCase(Locale.ROOT);
      return switch (media) {
        case "application/x-protobuf", "application/protobuf" -> Optional.of(PROTOBUF);
        case "application/json" -> Optional.of(JSON);
        default -> Optional.empty();
      };
    }
  }

  /** A response to send. */
  record Answer(int status, String contentType, byte[] body, Map<String, String> headers, boolean closeConnection) {

    Answer withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Answer(status, contentType, body, Map.copyOf(more), closeConnection);
    }

    Answer closingConnection() {
      return new Answer(status, contentType, body, headers, true);
    }
  }

  private OtlpResponses() {}

  /** 200: everything accepted, or {@code rejectedSpans} of them refused for the reason given. */
  static Answer success(long rejectedSpans, String errorMessage, Format format) {
    if (format == Format.PROTOBUF) {
      ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
      if (rejectedSpans > 0 || !errorMessage.isEmpty()) {
        response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
            .setRejectedSpans(rejectedSpans).setErrorMessage(errorMessage));
      }
      return new Answer(200, format.contentType(), response.build().toByteArray(), Map.of(), false);
    }
    ObjectNode response = JSON.createObjectNode();
    if (rejectedSpans > 0 || !errorMessage.isEmpty()) {
      // OTLP/JSON writes int64 as a string.
      response.putObject("partialSuccess").put("rejectedSpans", Long.toString(rejectedSpans))
          .put("errorMessage", errorMessage);
    }
    return new Answer(200, format.contentType(), bytes(response), Map.of(), false);
  }

  /** A failure with its {@code google.rpc.Status}. */
  static Answer error(int httpStatus, String message, Format format) {
    int grpcCode = switch (httpStatus) {
      case 400, 413, 415 -> 3; // INVALID_ARGUMENT
      case 404 -> 5; // NOT_FOUND
      case 405 -> 12; // UNIMPLEMENTED
      case 503 -> 14; // UNAVAILABLE
      default -> 13; // INTERNAL
    };
    if (format == Format.PROTOBUF) {
      // google.rpc.Status { int32 code = 1; string message = 2; } written by hand: its class is not in protobuf-java.
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        CodedOutputStream coded = CodedOutputStream.newInstance(out);
        coded.writeInt32(1, grpcCode);
        coded.writeString(2, message);
        coded.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Answer(httpStatus, format.contentType(), out.toByteArray(), Map.of(), false);
    }
    ObjectNode status = JSON.createObjectNode().put("code", grpcCode).put("message", message);
    return new Answer(httpStatus, format.contentType(), bytes(status), Map.of(), false);
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
