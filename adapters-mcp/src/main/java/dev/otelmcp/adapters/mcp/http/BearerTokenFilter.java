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

/**
 * Requires {@code Authorization: Bearer <token>} on the MCP endpoint. The comparison takes the same time
 * whatever the presented token, so the token cannot be guessed byte by byte from response times.
 */
final class BearerTokenFilter implements Filter {

  private static final String PREFIX = "Bearer ";

  private final byte[] expected;

  BearerTokenFilter(String token) {
    this.expected = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String header = http.getHeader("Authorization");
    byte[] presented = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        ? header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    if (!MessageDigest.isEqual(expected, presented)) {
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
}
