package dev.otelmcp.adapters.jaeger;

import dev.otelmcp.tck.Cassette;
import dev.otelmcp.tck.TestResources;

/** Test resources, read from the classpath only. */
final class Fixtures {

  private Fixtures() {}

  static String text(String resource) {
    return TestResources.text(resource);
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
