package dev.otelmcp.adapters.mcp.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.application.page.After;
import dev.otelmcp.domain.error.InvalidQueryException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns cursors into opaque tokens and back. A token is the cursor's JSON, base64url-encoded, and a
 * checksum over it: a token altered by hand or cut short is refused, not misread. The checksum is not a
 * secret — a forged cursor can only ask what the caller could ask anyway — which keeps tokens valid
 * across restarts and across the stateless HTTP transport.
 */
public final class CursorCodec {

  /** Bumped when the payload changes meaning; older tokens are then refused as stale. */
  static final int VERSION = 1;
  static final int MAX_TOKEN_CHARS = 65_536;
  private static final int CHECKSUM_BYTES = 9;
  private static final byte[] DOMAIN = "otel-mcp cursor\0".getBytes(StandardCharsets.UTF_8);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String RESTART = "Pass next_cursor exactly as it was returned, or call again without cursor to "
      + "start from the first page.";

  private final ObjectMapper json = new ObjectMapper();

  public String encode(Cursor cursor) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("v", VERSION);
    payload.put("t", cursor.tool());
    payload.put("a", cursor.arguments());
    if (cursor.windowStart() != null) {
      payload.put("w", List.of(cursor.windowStart(), cursor.windowEnd()));
    }
    payload.put("p", position(cursor.position()));
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a cursor cannot be rendered", e);
    }
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString(bytes) + "." + base64.encodeToString(checksum(bytes));
  }

  /** The cursor a token holds; {@code INVALID_ARGUMENT} for anything this server did not issue. */
  public Cursor decode(String token) {
    if (token.length() > MAX_TOKEN_CHARS) {
      throw invalid("is longer than any cursor otel-mcp issues");
    }
    int dot = token.indexOf('.');
    byte[] bytes;
    byte[] sum;
    try {
      bytes = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
      sum = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw invalid("is not a cursor otel-mcp issued");
    }
    if (dot < 0 || !MessageDigest.isEqual(sum, checksum(bytes))) {
      throw invalid("is not a cursor otel-mcp issued, or it was changed or cut short");
    }
    Map<String, Object> payload;
    try {
      payload = json.readValue(bytes, MAP);
    } catch (java.io.IOException e) {
      throw invalid("is not a cursor otel-mcp issued");
    }
    if (!Integer.valueOf(VERSION).equals(payload.get("v"))) {
      throw new InvalidQueryException("cursor is stale: it was issued by another version of otel-mcp", RESTART);
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> arguments = (Map<String, Object>) payload.get("a");
      @SuppressWarnings("unchecked")
      List<String> window = (List<String>) payload.get("w");
      @SuppressWarnings("unchecked")
      Map<String, Object> position = (Map<String, Object>) payload.get("p");
      return new Cursor((String) payload.get("t"), arguments, window == null ? null : window.get(0),
          window == null ? null : window.get(1), position(position));
    } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException | java.time.DateTimeException e) {
      throw invalid("is not a cursor otel-mcp issued");
    }
  }

  private static Map<String, Object> position(Position position) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (position instanceof Position.Offset offset) {
      out.put("o", offset.offset());
      out.put("n", offset.listSize());
    } else if (position instanceof Position.Key key) {
      out.put("s", key.after().startTime().toString());
      out.put("tr", key.after().traceId());
      if (key.after().spanId() != null) {
        out.put("sp", key.after().spanId());
      }
    }
    return out;
  }

  private static Position position(Map<String, Object> raw) {
    if (raw.containsKey("o")) {
      return new Position.Offset(((Number) raw.get("o")).intValue(), ((Number) raw.get("n")).intValue());
    }
    return new Position.Key(new After(Instant.parse((String) raw.get("s")), (String) raw.get("tr"), (String) raw.get("sp")));
  }

  private static byte[] checksum(byte[] payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(DOMAIN);
      return Arrays.copyOf(sha.digest(payload), CHECKSUM_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static InvalidQueryException invalid(String problem) {
    return new InvalidQueryException("cursor " + problem, RESTART);
  }
}
