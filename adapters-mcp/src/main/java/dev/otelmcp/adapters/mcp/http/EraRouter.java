package dev.otelmcp.adapters.mcp.http;

import dev.otelmcp.adapters.mcp.protocol.ProtocolEra;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /mcp} for both protocol eras: a POST carrying {@code MCP-Protocol-Version} 2026-07-28 or later goes to the
 * stateless server; everything else — {@code initialize} (which carries no version yet), requests of a 2025-11-25
 * session, its GET event stream and DELETE — to the session server, as before.
 */
final class EraRouter extends HttpServlet {

  static final String VERSION_HEADER = "MCP-Protocol-Version";

  private final HttpServlet modern;
  private final HttpServlet legacy;

  EraRouter(HttpServlet modern, HttpServlet legacy) {
    this.modern = modern;
    this.legacy = legacy;
  }

  static boolean isModern(HttpServletRequest request) {
    return ProtocolEra.isModernRequest(request.getMethod(), request.getHeader(VERSION_HEADER));
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    modern.init(config);
    legacy.init(config);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    (isModern(request) ? modern : legacy).service(request, response);
  }

  @Override
  public void destroy() {
    modern.destroy();
    legacy.destroy();
  }
}
