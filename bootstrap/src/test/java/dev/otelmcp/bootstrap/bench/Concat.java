package dev.otelmcp.bootstrap.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** JSON answers put together from elements serialised once: the fake backends copy bytes, they do not serialise. */
final class Concat {

  private Concat() {}

  /** {@code head}, the elements separated by commas, {@code tail}. */
  static byte[] join(String head, List<byte[]> elements, String tail) {
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] end = tail.getBytes(StandardCharsets.UTF_8);
    int size = start.length + end.length + Math.max(0, elements.size() - 1);
    for (byte[] element : elements) {
      size += element.length;
    }
    byte[] out = new byte[size];
    System.arraycopy(start, 0, out, 0, start.length);
    int at = start.length;
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out[at++] = ',';
      }
      System.arraycopy(elements.get(i), 0, out, at, elements.get(i).length);
      at += elements.get(i).length;
    }
    System.arraycopy(end, 0, out, at, end.length);
    return out;
  }
}
