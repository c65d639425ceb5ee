package dev.otelmcp.bootstrap.e2e;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Random;

/**
 * A WireMock extension that spoils a seeded share of the recorded answers: 503s, 429s with Retry-After, resets,
 * broken bodies, or a delay on everything. The mode is switched between phases of a test.
 */
final class Chaos implements ResponseDefinitionTransformerV2 {

  /** What is done to answers. */
  enum Mode {
    /** The recordings as they are. */
    NONE,
    /** 30% of answers fail in a way a retry fixes: 20% 503, 5% 429 with Retry-After: 1, 5% connection reset. */
    TRANSIENT,
    /** Every answer broken: malformed chunks, random bytes, nothing, or JSON cut in half — in turn. */
    BROKEN_BODIES,
    /** Every answer a second late. */
    SLOW
  }

  private final Random random = new Random(20261205);
  private volatile Mode mode = Mode.NONE;
  private int turn;

  void mode(Mode next) {
    this.mode = next;
  }

  @Override
  public String getName() {
    return "chaos";
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    ResponseDefinition recorded = event.getResponseDefinition();
    switch (mode) {
      case TRANSIENT -> {
        double roll = random.nextDouble();
        if (roll < 0.20) {
          return ResponseDefinitionBuilder.responseDefinition().withStatus(503).withBody("upstream unavailable").build();
        }
        if (roll < 0.25) {
          return ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "1")
              .withBody("slow down").build();
        }
        if (roll < 0.30) {
          return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return recorded;
      }
      case BROKEN_BODIES -> {
        return switch (turn++ % 4) {
          case 0 -> ResponseDefinitionBuilder.responseDefinition().withFault(Fault.MALFORMED_RESPONSE_CHUNK).build();
          case 1 -> ResponseDefinitionBuilder.responseDefinition().withFault(Fault.RANDOM_DATA_THEN_CLOSE).build();
          case 2 -> ResponseDefinitionBuilder.responseDefinition().withFault(Fault.EMPTY_RESPONSE).build();
          default -> ResponseDefinitionBuilder.responseDefinition().withStatus(200)
              .withHeader("Content-Type", "application/json").withBody("{\"data\":[{\"traceID\":\"4a1b").build();
        };
      }
      case SLOW -> {
        return ResponseDefinitionBuilder.like(recorded).withFixedDelay(1_000).build();
      }
      default -> {
        return recorded;
      }
    }
  }
}
