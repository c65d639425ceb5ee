package dev.otelmcp.backend.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The JDK HTTP client's failures as they really arrive (the chains below are what WireMock's faults and closed
 * ports produce on JDK 17), each read as the right kind.
 */
class TransportFailureTest {

  private static IOException headerParser(Throwable cause) {
    return new IOException("HTTP/1.1 header parser received no bytes",
        new IOException("HTTP/1.1 header parser received no bytes", cause));
  }

  @Test
  void aResetArrivesInsideTheHeaderParsersComplaint() {
    assertThat(TransportFailure.of(headerParser(new SocketException("Connection reset")))).isEqualTo(TransportFailure.RESET);
    assertThat(TransportFailure.of(new SocketException("Broken pipe"))).isEqualTo(TransportFailure.RESET);
  }

  @Test
  void aConnectionClosedWithoutAnswerOrMidBodyIsClosedEarly() {
    assertThat(TransportFailure.of(headerParser(new EOFException("EOF reached while reading"))))
        .isEqualTo(TransportFailure.CLOSED_EARLY);
    assertThat(TransportFailure.of(new IOException("closed", new IOException("fixed content-length: 100, bytes received: 5",
        new EOFException("EOF reached while reading"))))).isEqualTo(TransportFailure.CLOSED_EARLY);
    assertThat(TransportFailure.of(new IOException("HTTP/1.1 header parser received no bytes")))
        .isEqualTo(TransportFailure.CLOSED_EARLY);
  }

  @Test
  void aClosedPortIsRefused() {
    assertThat(TransportFailure.of(new ConnectException(null))).isEqualTo(TransportFailure.REFUSED);
    assertThat(TransportFailure.of(new ConnectException(null).initCause(new ClosedChannelException())))
        .isEqualTo(TransportFailure.REFUSED);
  }

  @Test
  void timeoutsWinOverTheConnectExceptionTheyWrap() {
    assertThat(TransportFailure.of(new HttpConnectTimeoutException("HTTP connect timed out")
        .initCause(new ConnectException("HTTP connect timed out")))).isEqualTo(TransportFailure.CONNECT_TIMEOUT);
    assertThat(TransportFailure.of(new HttpTimeoutException("request timed out"))).isEqualTo(TransportFailure.TIMEOUT);
    assertThat(TransportFailure.of(new SocketTimeoutException("Read timed out"))).isEqualTo(TransportFailure.TIMEOUT);
  }

  @Test
  void anInterruptIsNeitherATimeoutNorAFailureOfTheBackend() {
    assertThat(TransportFailure.of(new IOException(new InterruptedException()))).isEqualTo(TransportFailure.INTERRUPTED);
    assertThat(TransportFailure.of(new InterruptedIOException())).isEqualTo(TransportFailure.INTERRUPTED);
  }

  @Test
  void unknownHostsAndEverythingElse() {
    assertThat(TransportFailure.of(new UnknownHostException("tempo"))).isEqualTo(TransportFailure.UNKNOWN_HOST);
    assertThat(TransportFailure.of(new IOException(new UnresolvedAddressException()))).isEqualTo(TransportFailure.UNKNOWN_HOST);
    assertThat(TransportFailure.of(new SSLHandshakeException("PKIX path building failed"))).isEqualTo(TransportFailure.OTHER);
    assertThat(TransportFailure.of(new SocketException("Network is unreachable"))).isEqualTo(TransportFailure.OTHER);
    assertThat(TransportFailure.of(new IOException())).isEqualTo(TransportFailure.OTHER);
  }
}
