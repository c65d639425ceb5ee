package dev.otelmcp.adapters.otlp.store;

import dev.otelmcp.domain.access.AccessToken;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may send spans to the receiver. Exporters (SDKs, collectors) send no {@code Origin}; a browser always does, so a
 * request with an Origin that is not allow-listed is a web page trying to plant spans and is refused (403). When the
 * receiver is bound to loopback, the {@code Host} must be a loopback name too (else 421): a page on a rebound DNS name
 * reaches 127.0.0.1 carrying its own name. With a token, every request must present it (401).
 *
 * @param token the bearer token exporters must send ({@code otlp_auth_token}), if any
 * @param allowedOrigins browser origins allowed to export, with CORS ({@code https://app.example.com}, {@code
 *     http://localhost:*}); none by default
 */
public record ReceiverAccess(Optional<AccessToken> token, List<String> allowedOrigins) {

  private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]", "::1");

  public ReceiverAccess {
    allowedOrigins = allowedOrigins.stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).filter(o -> !o.isEmpty())
        .toList();
  }

  /** Why a request is refused: the status and the message; none when it may pass. */
  record Refusal(int status, String message) {
  }

  Optional<Refusal> check(String boundHost, String hostHeader, String origin, String authorization) {
    if (origin != null && !originAllowed(origin)) {
      return Optional.of(new Refusal(403, "requests from a browser page (Origin " + shorten(origin) + ") are refused; "
          + "allow the page with --otlp-allowed-origin"));
    }
    if (isLoopback(boundHost) && !loopbackHost(hostHeader)) {
      return Optional.of(new Refusal(421, "this receiver listens on loopback and answers only to localhost, "
          + "127.0.0.1 or [::1] in the Host header"));
    }
    if (token.isPresent() && !token.get().admits(authorization)) {
      return Optional.of(new Refusal(401, authorization == null
          ? "send Authorization: Bearer <token> (set OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20<token>)"
          : "the bearer token does not match --otlp-auth-token"));
    }
    return Optional.empty();
  }

  boolean originAllowed(String origin) {
    String given = origin.strip().toLowerCase(Locale.ROOT);
    for (String allowed : allowedOrigins) {
      if (allowed.equals(given)) {
        return true;
      }
      if (allowed.endsWith(":*")) {
        String prefix = allowed.substring(0, allowed.length() - 1);
        String rest = given.startsWith(prefix) ? given.substring(prefix.length()) : "";
        if (!rest.isEmpty() && rest.chars().allMatch(Character::isDigit)) {
          return true;
        }
        if (given.equals(allowed.substring(0, allowed.length() - 2))) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean loopbackHost(String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    String host = hostHeader.strip().toLowerCase(Locale.ROOT);
    String name;
    if (host.startsWith("[")) {
      name = host.substring(0, host.indexOf(']') + 1);
    } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
      name = host.substring(0, host.indexOf(':'));
    } else {
      name = host;
    }
    return LOOPBACK_NAMES.contains(name);
  }

  private static String shorten(String text) {
    String single = text.replaceAll("[\\p{Cntrl}]", "?");
    return single.length() > 80 ? single.substring(0, 80) + "…" : single;
  }
}
