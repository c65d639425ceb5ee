package dev.otelmcp.adapters.mcp.calls;

import static org.assertj.core.api.Assertions.assertThat;
import dev.otelmcp.adapters.mcp.protocol.MessageScreen;
import dev.otelmcp.domain.call.CallContext;
import dev.otelmcp.domain.call.ProgressSink;
import dev.otelmcp.domain.error.OtelMcpException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallRunnerTest {

  private final RunningCalls running = new RunningCalls();
  private final CallRunner runner = new CallRunner(Duration.ofSeconds(2), running);
  private final ExecutorService client = Executors.newSingleThreadExecutor();

  @AfterEach
  void close() {
    runner.close();
    client.shutdownNow();
  }

  private static String stopped(OtelMcpException e) {
    return "stopped: " + e.getMessage();
  }

  @Test
  void aCallThatIgnoresItsStopTimeIsAnsweredAtTheDeadlineAndInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    long started = System.nanoTime();

    String answer = runner.run(null, ProgressSink.NONE, () -> {
      try {
        Thread.sleep(30_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return "late";
    }, CallRunnerTest::stopped);

    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(answer).isEqualTo("stopped: the call did not finish within 2 s (--call-timeout); nothing of it could "
        + "be answered in time");
    assertThat(tookMillis).isBetween(1_900L, 3_000L);
    assertThat(interrupted.await(1, TimeUnit.SECONDS)).as("the work was interrupted").isTrue();
  }

  @Test
  void workSeesItsCallAndStopsAtTheStopTimeWithTimeToAnswer() {
    long started = System.nanoTime();

    String answer = runner.run(null, ProgressSink.NONE, () -> {
      CallContext call = CallContext.current();
      while (!call.shouldStop()) {
        Thread.onSpinWait();
      }
      return "partial after " + (System.nanoTime() - started) / 1_000_000 + " ms";
    }, CallRunnerTest::stopped);

    assertThat(answer).startsWith("partial after ");
    long stoppedAfter = Long.parseLong(answer.replaceAll("\\D", ""));
    assertThat(stoppedAfter).as("a second before the 2 s deadline").isBetween(900L, 1_500L);
  }

  @Test
  void aCancellationThroughTheScreenStopsTheCallWithinASecond() throws Exception {
    MessageScreen screen = new MessageScreen(Set.of("slow"), 1_000_000, running);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    String call = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\",\"arguments\":{}}}";
    String key = ((MessageScreen.Forward) screen.screen(call, "session-1")).message()
        .replaceAll(".*\"dev.otelmcp/call\":\"([^\"]*)\".*", "$1").replace("\\u0000", "\u0000");

    Future<String> answer = client.submit(() -> runner.run(key, ProgressSink.NONE, () -> {
      started.countDown();
      try {
        Thread.sleep(30_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return "done";
    }, CallRunnerTest::stopped));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    long cancelledAt = System.nanoTime();
    MessageScreen.Verdict verdict = screen.screen(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7}}", "session-1");

    assertThat(verdict).isInstanceOf(MessageScreen.Skip.class);
    assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("stopped: the call was cancelled by the client");
    assertThat((System.nanoTime() - cancelledAt) / 1_000_000).isLessThan(1_000);
    assertThat(interrupted.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(running.size()).isZero();
  }

  @Test
  void aCancellationThatOvertakesItsCallStillStopsIt() {
    String key = RunningCalls.key("s", "9");
    running.cancel(key);
    long started = System.nanoTime();

    String answer = runner.run(key, ProgressSink.NONE, () -> {
      try {
        Thread.sleep(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "done";
    }, CallRunnerTest::stopped);

    assertThat(answer).isEqualTo("stopped: the call was cancelled by the client");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
  }

  @Test
  void progressAfterTheAnswerIsNotSent() {
    java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    CallContext[] seen = new CallContext[1];

    runner.run(null, (done, total, message) -> heard.add(message), () -> {
      seen[0] = CallContext.current();
      seen[0].progress(1, 2.0, "during");
      return "ok";
    }, CallRunnerTest::stopped);
    seen[0].progress(2, 2.0, "after");

    assertThat(heard).containsExactly("during");
  }

  @Test
  void aCancellationOfAnotherSessionOrIdStopsNothing() {
    MessageScreen screen = new MessageScreen(Set.of("slow"), 1_000_000, running);
    CallContext context = CallContext.startingNow(Duration.ofSeconds(10), Duration.ofSeconds(1), ProgressSink.NONE);
    running.add(RunningCalls.key("session-1", "7"), context, new java.util.concurrent.CompletableFuture<>());

    screen.screen("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7}}", "session-2");
    screen.screen("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"7\"}}",
        "session-1");

    assertThat(context.cancelled()).isFalse();
  }

  @Test
  void theStampCannotBeForgedByTheClient() {
    MessageScreen screen = new MessageScreen(Set.of("slow"), 1_000_000, running);

    String forwarded = ((MessageScreen.Forward) screen.screen("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/call\","
        + "\"params\":{\"name\":\"slow\",\"_meta\":{\"progressToken\":5,\"dev.otelmcp/call\":\"victim\"}}}", "s"))
        .message();

    assertThat(forwarded).contains("\"progressToken\":5").doesNotContain("victim")
        .contains("\"dev.otelmcp/call\":\"s\\u0000\\\"a\\\"\"");
  }
}
