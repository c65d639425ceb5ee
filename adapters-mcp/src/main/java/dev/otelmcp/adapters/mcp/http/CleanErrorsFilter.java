package dev.otelmcp.adapters.mcp.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * No HTTP answer carries a stack trace or an exception's class. The SDK's servlet answers its 4xx errors with the
 * whole serialised exception (some 6 KB of stack frames); such a body is caught before it is sent and replaced by
 * the JSON-RPC error it stands for: {@code {"jsonrpc":"2.0","id":null,"error":{"code","message"}}}. Successful
 * answers and event streams pass through untouched and unbuffered.
 */
final class CleanErrorsFilter implements Filter {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ErrorCapture capture = new ErrorCapture((HttpServletResponse) response);
    chain.doFilter(request, capture);
    capture.finish();
  }

  /** The JSON-RPC error a captured error body stands for. */
  static String clean(byte[] body, int status) {
    int code = -32600;
    String message = status == 404 ? "Session not found" : "Invalid request";
    try {
      JsonNode node = JSON.readTree(body);
      JsonNode rpc = node.has("jsonRpcError") ? node.get("jsonRpcError") : node.path("error");
      if (rpc.path("code").isInt()) {
        code = rpc.get("code").asInt();
      }
      String text = rpc.path("message").asText(node.path("message").asText(""));
      if (!text.isBlank()) {
        message = text.length() > 300 ? text.substring(0, 300) + "…" : text;
      }
      if (!node.has("stackTrace") && !node.has("cause") && !node.has("suppressed")
          && !node.has("localizedMessage")) {
        // our own small errors (a JSON-RPC error, the 401's hint) pass as they are
        return new String(body, StandardCharsets.UTF_8);
      }
    } catch (IOException notJson) {
      // a plain-text error: the generic message stands
    }
    ObjectNode clean = JSON.createObjectNode().put("jsonrpc", "2.0");
    clean.putNull("id");
    clean.putObject("error").put("code", code).put("message", message);
    return clean.toString();
  }

  /** Passes everything through, except bodies written after a 4xx/5xx status, which it holds back. */
  private static final class ErrorCapture extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private int status = SC_OK;
    private ServletOutputStream stream;
    private PrintWriter writer;

    ErrorCapture(HttpServletResponse response) {
      super(response);
    }

    private boolean capturing() {
      return status >= 400;
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      super.setStatus(sc);
    }

    /** Jetty's error page would be HTML with the server's name; ours is the same small JSON as every error. */
    @Override
    public void sendError(int sc, String msg) throws IOException {
      setStatus(sc);
      held.reset();
      ObjectNode error = JSON.createObjectNode().put("jsonrpc", "2.0");
      error.putNull("id");
      error.putObject("error").put("code", -32600).put("message", msg == null || msg.isBlank() ? "HTTP " + sc : msg);
      held.write(error.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendError(int sc) throws IOException {
      sendError(sc, null);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!capturing()) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("error bodies are written at once");
          }

          @Override
          public void write(int b) {
            held.write(b);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!capturing()) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8), true);
      }
      return writer;
    }

    @Override
    public void setContentLength(int len) {
      if (!capturing()) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!capturing()) {
        super.setContentLengthLong(len);
      }
    }

    void finish() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (!capturing() || held.size() == 0) {
        return;
      }
      byte[] body = clean(held.toByteArray(), status).getBytes(StandardCharsets.UTF_8);
      HttpServletResponse real = (HttpServletResponse) getResponse();
      real.setContentType("application/json;charset=utf-8");
      real.setContentLength(body.length);
      real.getOutputStream().write(body);
    }
  }
}
