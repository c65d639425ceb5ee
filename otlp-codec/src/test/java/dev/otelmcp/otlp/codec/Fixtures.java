package dev.otelmcp.otlp.codec;

import dev.otelmcp.tck.TestResources;

/** Reads test resources from the classpath (never from outside the module). */
final class Fixtures {

  private Fixtures() {}

  static String text(String resource) {
    return TestResources.text(resource);
  }
}
