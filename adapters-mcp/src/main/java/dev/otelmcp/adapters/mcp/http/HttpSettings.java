package dev.otelmcp.adapters.mcp.http;

import dev.otelmcp.domain.access.AccessToken;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the Streamable HTTP transport listens and whom it lets in.
 *
 * @param host the address to bind; loopback by default, so nothing outside the machine can connect
 * @param port the port; 0 picks a free one (tests)
 * @param authToken the bearer token clients must present, or {@code null} for none
 * @param allowedOrigins extra browser origins allowed besides loopback ones ({@code https://app:*})
 * @param allowedHosts extra Host header values allowed besides loopback ones ({@code mcp.internal:*})
 * @param maxRequestBytes the largest request body accepted (413 above it)
 */
public record HttpSettings(
    String host, int port, AccessToken authToken, List<String> allowedOrigins, List<String> allowedHosts, int maxRequestBytes,
    int maxSessions, Duration sessionIdleTimeout, boolean insecureNoAuth) {

  private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

  public HttpSettings {
    Objects.requireNonNull(host, "host");
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedHosts = List.copyOf(allowedHosts);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535, got " + port);
    }
    if (maxRequestBytes < 1_024) {
      throw new IllegalArgumentException("the request size limit must be at least 1024 bytes, got " + maxRequestBytes);
    }
    if (maxSessions < 1) {
      throw new IllegalArgumentException("the session limit must be at least 1, got " + maxSessions);
    }
    if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
      throw new IllegalArgumentException("the session idle timeout must be positive");
    }
  }

  /**
   * Refuses to serve every prompt and completion to a network without a token, unless the operator said, in as
   * many words, that this is what they want.
   */
  public void requireAuthBeyondLoopback() {
    if (exposedBeyondLoopback() && authToken == null && !insecureNoAuth) {
      throw new IllegalArgumentException("refusing to listen on " + host + " without --auth-token: anyone who can reach "
          + "it could read every prompt and completion in your traces. Set --auth-token (MCP_AUTH_TOKEN), bind to "
          + "127.0.0.1, or, on a network you trust, add --insecure-no-auth");
    }
  }

  /** Origins a browser page may call from: loopback pages on any port, plus the configured ones. */
  public List<String> originAllowList() {
    List<String> origins = new ArrayList<>();
    for (String name : LOOPBACK_NAMES) {
      origins.add("http://" + name + ":*");
      origins.add("https://" + name + ":*");
    }
    origins.addAll(allowedOrigins);
    return origins;
  }

  /**
   * Host headers accepted (DNS-rebinding protection): loopback names on any port, the bound address
   * itself when it is not a wildcard, plus the configured ones.
   */
  public List<String> hostAllowList() {
    List<String> hosts = new ArrayList<>();
    LOOPBACK_NAMES.forEach(name -> hosts.add(name + ":*"));
    if (!isWildcard() && !LOOPBACK_NAMES.contains(host)) {
      hosts.add((host.contains(":") ? "[" + host + "]" : host) + ":*");
    }
    hosts.addAll(allowedHosts);
    return hosts;
  }

  /** Whether the server can be reached from other machines. */
  public boolean exposedBeyondLoopback() {
    if (isWildcard()) {
      return true;
    }
    try {
      return !InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return true;
    }
  }

  private boolean isWildcard() {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }
}
