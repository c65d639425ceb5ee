package dev.otelmcp.bootstrap.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of the ClickHouse shim that counts what crosses it: bytes each way (HTTP headers included, as
 * they are on a network) and the HTTP requests sent. It reads the requests' heads to count them (a request's body is
 * as long as its {@code Content-Length}; the adapter sends no other kind) and copies the answers unread.
 */
final class CountingProxy implements AutoCloseable {

  /** What crossed the proxy since the last {@link #take}. */
  record Counted(long requests, long bytesSent, long bytesReceived) {}

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong received = new AtomicLong();

  CountingProxy(URI target) throws IOException {
    this.target = new InetSocketAddress(target.getHost(), target.getPort());
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "counting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
  }

  /** The counts since the last call, and zero again. */
  Counted take() {
    return new Counted(requests.getAndSet(0), sent.getAndSet(0), received.getAndSet(0));
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        pump("proxy-requests", () -> requests(new BufferedInputStream(client.getInputStream(), 1 << 16),
            upstream.getOutputStream()), client, upstream);
        pump("proxy-answers", () -> copy(upstream.getInputStream(), client.getOutputStream()), client, upstream);
      } catch (IOException e) {
        if (!server.isClosed()) {
          System.err.println("counting proxy: " + e);
        }
      }
    }
  }

  private interface Pump {
    void run() throws IOException;
  }

  private static void pump(String name, Pump pump, Socket a, Socket b) {
    Thread thread = new Thread(() -> {
      try {
        pump.run();
      } catch (IOException e) {
        // a side closed its connection: close both
      } finally {
        closeQuietly(a);
        closeQuietly(b);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[1 << 16];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
      out.flush();
      received.addAndGet(n);
    }
  }

  /** Copies requests one by one: the head up to its blank line, then {@code Content-Length} bytes of body. */
  private void requests(InputStream in, OutputStream out) throws IOException {
    while (true) {
      byte[] head = head(in);
      if (head == null) {
        return;
      }
      out.write(head);
      sent.addAndGet(head.length);
      requests.incrementAndGet();
      long remaining = contentLength(new String(head, StandardCharsets.ISO_8859_1));
      byte[] buffer = new byte[1 << 16];
      while (remaining > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (n < 0) {
          return;
        }
        out.write(buffer, 0, n);
        sent.addAndGet(n);
        remaining -= n;
      }
      out.flush();
    }
  }

  /** A request's head, through its blank line; {@code null} at the end of the connection. */
  private static byte[] head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toByteArray();
      }
    }
    return null;
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
      }
      if (line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")) {
        throw new IllegalStateException("the counting proxy reads no chunked requests: " + head);
      }
    }
    return 0;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
