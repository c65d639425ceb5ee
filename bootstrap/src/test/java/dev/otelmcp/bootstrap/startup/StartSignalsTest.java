package dev.otelmcp.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartSignalsTest {

  @Test
  void theFirstAnswerIsSignalledOnceAfterItWasWrittenAndFlushed() throws Exception {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    AtomicInteger signals = new AtomicInteger();
    OutputStream out = StartSignals.afterFirstAnswer(written, signals::incrementAndGet);

    out.flush();
    assertThat(signals).as("a flush with nothing written is no answer").hasValue(0);
    out.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(signals).as("not before the flush").hasValue(0);
    out.flush();
    out.write('\n');
    out.flush();

    assertThat(signals).hasValue(1);
    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n");
  }

  @Test
  void theEndOfInputIsSignalledOnceWhenItIsReached() throws Exception {
    AtomicInteger signals = new AtomicInteger();
    InputStream in = StartSignals.atEnd(new ByteArrayInputStream("ab".getBytes(StandardCharsets.UTF_8)),
        signals::incrementAndGet);

    assertThat(in.read()).isEqualTo('a');
    assertThat(in.read(new byte[8], 0, 8)).isEqualTo(1);
    assertThat(signals).hasValue(0);
    assertThat(in.read(new byte[8], 0, 8)).isEqualTo(-1);
    assertThat(in.read()).isEqualTo(-1);

    assertThat(signals).hasValue(1);
  }
}
