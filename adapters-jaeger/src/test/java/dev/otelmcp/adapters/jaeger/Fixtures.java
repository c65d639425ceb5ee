package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.domain.tck.Cassette;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test resources, read from the classpath only. */
final class Fixtures {

  private Fixtures() {}

  static String text(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Cassette cassette(String name) {
    return Cassette.load("cassettes/jaeger/" + name + ".yaml");
  }

  /** The recorded classic answer to a search without hits: {"data":[],…}. */
  static String emptySearchBody() {
    return cassette("TestJaegerSearchSpans.test_search_spans_basic")
        .find(i -> i.path().equals("/api/traces")).responseBody();
  }
}
