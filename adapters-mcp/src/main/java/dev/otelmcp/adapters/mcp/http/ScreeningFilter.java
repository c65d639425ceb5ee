package dev.otelmcp.adapters.mcp.http;

import dev.otelmcp.adapters.mcp.protocol.MessageScreen;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * The HTTP side of the {@link MessageScreen}: a POSTed message the SDK would answer badly (a call to an
 * unknown tool, a body that is not JSON-RPC) is answered here; every other body is handed on unchanged.
 * Bodies over the size limit are handed on untouched, for the SDK's 413.
 */
final class ScreeningFilter extends SessionEraFilter {

  private final MessageScreen screen;
  private final int maxBodyBytes;
  private final ServerHttpHeaderValidator headers;

  /**
   * @param headers the SDK's Origin/Host check: a request failing it is left to the SDK, which refuses it,
   *     so nothing is ever answered here to a page that is not allowed to talk to us
   */
  ScreeningFilter(MessageScreen screen, int maxBodyBytes, ServerHttpHeaderValidator headers) {
    this.screen = screen;
    this.maxBodyBytes = maxBodyBytes;
    this.headers = headers;
  }

  @Override
  void filterSessionEra(HttpServletRequest http, HttpServletResponse out, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(http.getMethod()) || !allowed(http)) {
      chain.doFilter(http, out);
      return;
    }
    byte[] body = http.getInputStream().readNBytes(maxBodyBytes + 1);
    if (body.length > maxBodyBytes) {
      chain.doFilter(new CachedBody(http, body), out);
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    MessageScreen.Verdict verdict = text.isBlank() ? new MessageScreen.Forward(text)
        : screen.screen(text, http.getHeader(SessionGuardFilter.SESSION_HEADER));
    if (verdict instanceof MessageScreen.Answer answer) {
      out.setStatus(answer.protocolError() ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_OK);
      out.setContentType("application/json");
      out.setCharacterEncoding("UTF-8");
      out.getWriter().write(answer.response());
    } else if (verdict instanceof MessageScreen.Skip) {
      // a notification handled here (a cancellation): accepted, as the SDK answers notifications
      out.setStatus(HttpServletResponse.SC_ACCEPTED);
    } else if (verdict instanceof MessageScreen.Forward forward) {
      chain.doFilter(new CachedBody(http, forward.message().getBytes(StandardCharsets.UTF_8)), out);
    }
  }

  private boolean allowed(HttpServletRequest request) {
    try {
      headers.validate(new HeaderAccessor() {
        @Override
        public List<String> getHeader(String name) {
          return Collections.list(request.getHeaders(name));
        }

        @Override
        public List<String> getHeaderNames() {
          return Collections.list(request.getHeaderNames());
        }
      });
      return true;
    } catch (ServerTransportSecurityException refused) {
      return false;
    }
  }

  /** The request with its body read once and replayed. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body was already read");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
          return in.read(bytes, offset, length);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
