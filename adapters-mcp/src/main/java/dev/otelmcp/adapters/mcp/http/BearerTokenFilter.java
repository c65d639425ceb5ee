package dev.otelmcp.adapters.mcp.http;

import dev.otelmcp.domain.access.AccessToken;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Requires {@code Authorization: Bearer <token>} on every request to the MCP endpoint. The presented token is compared
 * exactly (case included) and in constant time by {@link AccessToken}. (Jetty's header cache, which could hand back an
 * earlier request's header that differs only in case, is switched off by {@link McpHttpServer}.)
 */
final class BearerTokenFilter implements Filter {

  private final AccessToken token;

  BearerTokenFilter(AccessToken token) {
    this.token = token;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String header = http.getHeader("Authorization");
    if (!token.admits(header)) {
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
