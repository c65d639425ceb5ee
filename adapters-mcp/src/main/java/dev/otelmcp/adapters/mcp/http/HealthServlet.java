package dev.otelmcp.adapters.mcp.http;

import dev.otelmcp.application.usecase.CheckHealthUseCase;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /health}: the process is up. {@code GET /ready}: the backend answers (503 otherwise). Both
 * are small, unauthenticated probes for orchestrators; they reveal no backend URL or credential.
 */
final class HealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient CheckHealthUseCase health;

  HealthServlet(CheckHealthUseCase health) {
    this.health = health;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    if ("/ready".equals(request.getServletPath())) {
      boolean ready = health.backendHealthy();
      response.setStatus(ready ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.getWriter().write(ready ? "{\"status\":\"ready\"}" : "{\"status\":\"backend unavailable\"}");
    } else {
      response.setStatus(HttpServletResponse.SC_OK);
      response.getWriter().write("{\"status\":\"up\"}");
    }
  }
}
