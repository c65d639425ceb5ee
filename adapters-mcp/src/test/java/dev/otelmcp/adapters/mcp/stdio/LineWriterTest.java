package dev.otelmcp.adapters.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LineWriterTest {

  @Test
  void twoServersWritingByteByByteNeverInterleaveInsideALine() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    LineWriter legacy = new LineWriter(sink);
    LineWriter modern = legacy.branch();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (LineWriter writer : List.of(legacy, modern)) {
      String name = writer == legacy ? "legacy" : "modern";
      Thread thread = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < 200; i++) {
            for (byte b : ("{\"from\":\"" + name + "\",\"n\":" + i + "}\n").getBytes(StandardCharsets.UTF_8)) {
              writer.write(b);
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      writers.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread thread : writers) {
      thread.join();
    }

    List<String> lines = sink.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(400)
        .allMatch(line -> line.matches("\\{\"from\":\"(legacy|modern)\",\"n\":\\d+}"));
  }
}
