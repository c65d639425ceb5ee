package dev.otelmcp.backend.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Finding what really happened among an exception's causes, without following a chain forever. */
class CauseChainTest {

  @Test
  void theFirstMatchingCauseIsFoundTheStartIncluded() {
    ConnectException refused = new ConnectException("Connection refused");
    IOException wrapper = new IOException("wrapped", refused);
    RuntimeException outer = new RuntimeException("outer", wrapper);

    assertThat(CauseChain.first(outer, ConnectException.class::isInstance)).containsSame(refused);
    assertThat(CauseChain.first(outer, IOException.class::isInstance)).containsSame(wrapper);
    assertThat(CauseChain.first(outer, RuntimeException.class::isInstance)).containsSame(outer);
    assertThat(CauseChain.first(outer, IllegalStateException.class::isInstance)).isEmpty();
    assertThat(CauseChain.first(null, t -> true)).isEmpty();
  }

  @Test
  void aCycleOrAVeryLongChainEndsTheWalk() {
    Exception first = new Exception("first");
    Exception second = new Exception("second", first);
    first.initCause(second);
    Exception deep = new IllegalStateException("deep");
    for (int i = 0; i < CauseChain.MAX_CAUSES; i++) {
      deep = new Exception("level " + i, deep);
    }

    assertThat(CauseChain.first(second, IllegalStateException.class::isInstance)).isEmpty();
    assertThat(CauseChain.first(deep, IllegalStateException.class::isInstance)).as("past the bound").isEmpty();
  }
}
