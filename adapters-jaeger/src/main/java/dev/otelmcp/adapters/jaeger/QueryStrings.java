package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Spelling query parameters the way Jaeger's Go handlers parse them. */
final class QueryStrings {

  /** RFC 3339 with nanoseconds, always nine digits, always UTC: what api_v3 parses with RFC3339Nano. */
  private static final DateTimeFormatter RFC3339_NANOS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private QueryStrings() {}

  /**
   * Pct-encodes every value (spaces as %20, which every decoder agrees on, unlike '+'), '*' included:
   * Feign takes a value holding a bare '*' for unencoded and would encode it a second time.
   */
  static Map<String, String> encoded(Map<String, String> params) {
    Map<String, String> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k,
        URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")));
    return out;
  }

  /** A JSON object of string values, as both {@code tags} and {@code query.attributes} require. */
  static String jsonObject(ObjectMapper mapper, Map<String, String> values) {
    try {
      return mapper.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  static String rfc3339Nanos(Instant instant) {
    return RFC3339_NANOS.format(instant);
  }

  /** Unix microseconds, rounded down. */
  static long floorMicros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }

  /** Unix microseconds, rounded up, so an exclusive end in nanoseconds is still covered. */
  static long ceilMicros(Instant instant) {
    return floorMicros(instant) + (instant.getNano() % 1000 == 0 ? 0 : 1);
  }
}
