package dev.otelmcp.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.otelmcp.domain.call.StopReason;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every failure a caller can act on carries a stable code, a message and a hint. */
class ExceptionHierarchyTest {

  static Stream<Arguments> codes() {
    return Stream.of(
        Arguments.of((BiFunction<String, String, OtelMcpException>) InvalidQueryException::new,
            ErrorCode.INVALID_ARGUMENT),
        Arguments.of((BiFunction<String, String, OtelMcpException>) NotFoundException::new, ErrorCode.NOT_FOUND),
        Arguments.of((BiFunction<String, String, OtelMcpException>) BackendUnavailableException::new,
            ErrorCode.BACKEND_UNAVAILABLE),
        Arguments.of((BiFunction<String, String, OtelMcpException>) BackendRejectedException::new,
            ErrorCode.BACKEND_REJECTED),
        Arguments.of((BiFunction<String, String, OtelMcpException>) UnsupportedQueryException::new,
            ErrorCode.UNSUPPORTED));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("codes")
  void eachExceptionHasItsCodeMessageAndHint(BiFunction<String, String, OtelMcpException> make, ErrorCode code) {
    OtelMcpException e = make.apply("trace 'abc' not in window", "Widen the time range.");

    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).isEqualTo("trace 'abc' not in window");
    assertThat(e.hint()).isEqualTo("Widen the time range.");
    assertThat(e.getCause()).isNull();
    assertThat(e).isInstanceOf(RuntimeException.class);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("codes")
  void nullHintBecomesEmptyAndNullMessageIsRefused(BiFunction<String, String, OtelMcpException> make,
      ErrorCode code) {
    assertThat(make.apply("m", null).hint()).isEmpty();
    assertThatThrownBy(() -> make.apply(null, "h"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("message");
  }

  @Test
  void causesAreKept() {
    IOException io = new IOException("connection refused");

    assertThat(new BackendUnavailableException("Jaeger at http://jaeger:16686 is unreachable", "Check the URL.", io)
        .getCause()).isSameAs(io);
    assertThat(new BackendRejectedException("400 Bad Request", "h", io).getCause()).isSameAs(io);
    assertThat(new InvalidQueryException("m", "h", io).getCause()).isSameAs(io);
    assertThat(new NotFoundException("m", "h", io).getCause()).isSameAs(io);
    assertThat(new UnsupportedQueryException("m", "h", io).getCause()).isSameAs(io);
  }

  @Test
  void rateLimitedWithRetryAfter() {
    RateLimitedException e = new RateLimitedException("Tempo answered 429", Duration.ofSeconds(30));

    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(e.getMessage()).isEqualTo("Tempo answered 429");
    assertThat(e.hint()).isEqualTo("The backend is rate limiting requests; retry after 30 s.");
  }

  @Test
  void rateLimitedWithoutRetryAfter() {
    RateLimitedException e = new RateLimitedException("Traceloop answered 429", null);

    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.hint()).isEqualTo(
        "The backend is rate limiting requests; wait a little and retry, or narrow the query.");
  }

  @Test
  void theHierarchyIsSealedToTheSixKindsAndAStoppedCall() {
    assertThat(OtelMcpException.class.isSealed()).isTrue();
    assertThat(Arrays.stream(OtelMcpException.class.getPermittedSubclasses()).map(Class::getSimpleName))
        .containsExactlyInAnyOrder("InvalidQueryException", "NotFoundException", "BackendUnavailableException",
            "BackendRejectedException", "RateLimitedException", "UnsupportedQueryException", "CallStoppedException");
  }

  @Test
  void aStoppedCallSaysWhyAndWhatToDo() {
    CallStoppedException late = new CallStoppedException(StopReason.DEADLINE);

    assertThat(late.code()).isEqualTo(ErrorCode.BACKEND_UNAVAILABLE);
    assertThat(late.getMessage()).contains("--call-timeout");
    assertThat(late.hint()).contains("Narrow the time window");
    assertThat(new CallStoppedException(StopReason.CANCELLED).getMessage()).contains("cancelled by the client");
  }

  @Test
  void theClosedSetOfCodes() {
    assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name)).containsExactly(
        "INVALID_ARGUMENT", "NOT_FOUND", "BACKEND_UNAVAILABLE", "BACKEND_REJECTED", "RATE_LIMITED", "UNSUPPORTED",
        "INTERNAL");
  }
}
