package dev.otelmcp.adapters.mcp.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A filter for the 2025-11-25 era's requests only (sessions, the old SDK's message handling): a 2026-07-28 request
 * passes straight on — it has no sessions, and the SDK checks its own messages.
 */
abstract class SessionEraFilter implements Filter {

  @Override
  public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (EraRouter.isModern(http)) {
      chain.doFilter(request, response);
      return;
    }
    filterSessionEra(http, (HttpServletResponse) response, chain);
  }

  abstract void filterSessionEra(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException;
}
