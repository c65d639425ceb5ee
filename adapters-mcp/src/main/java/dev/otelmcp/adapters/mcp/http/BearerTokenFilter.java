package dev.otelmcp.adapters.mcp.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Requires {@code Authorization: Bearer <token>} on every request to the MCP endpoint. The presented token is compared
 * exactly (byte for byte, case included) and in constant time: both sides are hashed first, so neither the content nor
 * the length of the expected token can be learnt from response times. (Jetty's header cache, which could hand back an
 * earlier request's header that differs only in case, is switched off by {@link McpHttpServer}.)
 */
final class BearerTokenFilter implements Filter {

  private static final String PREFIX = "Bearer ";

  private final byte[] expected;

  BearerTokenFilter(String token) {
    this.expected = sha256(token.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String header = http.getHeader("Authorization");
    byte[] presented = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        ? header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    if (!MessageDigest.isEqual(expected, sha256(presented))) {
      HttpServletResponse out = (HttpServletResponse) response;
      out.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      out.setHeader("WWW-Authenticate", header == null
          ? "Bearer realm=\"otel-mcp\""
          : "Bearer realm=\"otel-mcp\", error=\"invalid_token\"");
      out.setContentType("application/json");
      out.getWriter().write("{\"error\":\"unauthorized\",\"hint\":\"send Authorization: Bearer <MCP_AUTH_TOKEN>\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
