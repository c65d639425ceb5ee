package dev.otelmcp.backend.toolkit;

import dev.otelmcp.backend.toolkit.HttpFailures;
import dev.otelmcp.backend.toolkit.TransportFailure;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part's failure in a few words for a {@code failedParts} entry ({@code service checkout: HTTP 503}): the full
 * message names the backend and its URL, which the answer says once, not once per failed part. Read from the words
 * {@link HttpFailures} writes (its tests and this class's pin them together); anything else is cut short.
 */
public final class FailureBrief {

  static final int MAX_CHARS = 120;

  private static final Pattern STATUS = Pattern.compile("HTTP (\\d{3})");
  private static final Pattern TIMEOUT = Pattern.compile("did not answer within (\\S+)");

  private FailureBrief() {}

  public static String of(RuntimeException failure) {
    String message = String.valueOf(failure.getMessage());
    Matcher status = STATUS.matcher(message);
    if (status.find()) {
      return "HTTP " + status.group(1);
    }
    Matcher timeout = TIMEOUT.matcher(message);
    if (timeout.find()) {
      return "no answer within " + timeout.group(1);
    }
    for (TransportFailure kind : TransportFailure.values()) {
      if (kind != TransportFailure.OTHER && message.contains(kind.phrase())) {
        return kind.phrase();
      }
    }
    if (message.contains("no connection within")) {
      return "no connection within the timeout";
    }
    if (message.contains("malformed or truncated JSON")) {
      return "a malformed or truncated JSON answer";
    }
    if (message.contains("not valid JSON")) {
      return "an answer that is not JSON";
    }
    return message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) + "…" : message;
  }
}
