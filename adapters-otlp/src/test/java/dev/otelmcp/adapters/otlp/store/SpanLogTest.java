package dev.otelmcp.adapters.otlp.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's framing and its rewrite (compaction) while appends go on. */
class SpanLogTest {

  @TempDir
  Path dir;

  private static SpanLog.Record record(long millis, String payload) {
    return new SpanLog.Record(millis, payload.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> replay() throws IOException {
    List<String> payloads = new ArrayList<>();
    SpanLog.readOnly(dir, r -> payloads.add(r.ingestMillis() + ":" + new String(r.payload(), StandardCharsets.UTF_8)));
    return payloads;
  }

  @Test
  void recordsAppendedWhileARewriteIsWrittenAreCarriedOver() throws IOException {
    try (SpanLog log = SpanLog.open(dir, false, r -> { }, r -> { })) {
      log.append(1, "dead".getBytes(StandardCharsets.UTF_8));
      log.append(2, "live".getBytes(StandardCharsets.UTF_8));

      SpanLog.Rewrite rewrite = log.beginRewrite();
      rewrite.write(List.of(record(2, "live, compacted")));
      log.append(3, "arrived during the rewrite".getBytes(StandardCharsets.UTF_8));
      rewrite.finish();
      log.append(4, "after".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(replay()).containsExactly("2:live, compacted", "3:arrived during the rewrite", "4:after");
  }

  @Test
  void anAbandonedRewriteLeavesTheLogAsItWas() throws IOException {
    try (SpanLog log = SpanLog.open(dir, false, r -> { }, r -> { })) {
      log.append(1, "a".getBytes(StandardCharsets.UTF_8));
      SpanLog.Rewrite rewrite = log.beginRewrite();
      rewrite.write(List.of(record(9, "never")));
      rewrite.abandon();
      log.append(2, "b".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(replay()).containsExactly("1:a", "2:b");
    assertThat(dir.resolve(SpanLog.FILE_NAME + ".compacting")).doesNotExist();
  }

  @Test
  void replayReportsWhereATornTailBegins() throws IOException {
    try (SpanLog log = SpanLog.open(dir, false, r -> { }, r -> { })) {
      log.append(1, "whole".getBytes(StandardCharsets.UTF_8));
    }
    long whole = Files.size(dir.resolve(SpanLog.FILE_NAME));
    Files.write(dir.resolve(SpanLog.FILE_NAME), new byte[] {0, 0, 0, 40, 1, 2}, StandardOpenOption.APPEND);
    SpanLog.Replay[] seen = new SpanLog.Replay[1];

    SpanLog.open(dir, false, r -> { }, r -> seen[0] = r).close();

    assertThat(seen[0].records()).isEqualTo(1);
    assertThat(seen[0].goodBytes()).isEqualTo(whole);
    assertThat(seen[0].tornBytes()).isEqualTo(6);
    assertThat(Files.size(dir.resolve(SpanLog.FILE_NAME))).as("the log, cut back to its last whole record")
        .isEqualTo(whole);
  }
}
