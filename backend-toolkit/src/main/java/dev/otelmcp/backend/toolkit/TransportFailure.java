package dev.otelmcp.backend.toolkit;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What went wrong on the wire when an HTTP request got no answer, read from the JDK's cause chain. One
 * classification serves two purposes: the words of the message ({@link HttpFailures}) and whether a retry can help
 * (the backend toolkit's retry policy), so the two never disagree.
 */
public enum TransportFailure {

  /** The thread was interrupted: the call was cancelled or ran out of time. */
  INTERRUPTED("the request was interrupted (the call was cancelled or ran out of time)"),
  /** No connection within the connect timeout. */
  CONNECT_TIMEOUT("no connection within the timeout"),
  /** Connected, but no (complete) answer within the request timeout. */
  TIMEOUT("no answer within the timeout"),
  /** The host name does not resolve. */
  UNKNOWN_HOST("unknown host"),
  /** Nothing listens on the port (or a firewall said no). */
  REFUSED("connection refused"),
  /** The peer reset the connection (a restarting backend, a proxy dropping idle connections). */
  RESET("the connection was reset"),
  /** The connection was closed before the answer was complete (headers or body cut short). */
  CLOSED_EARLY("the connection was closed before the answer was complete"),
  /** Anything else (TLS, protocol errors): the JDK's own words are the best explanation. */
  OTHER("the request failed");

  private final String phrase;

  TransportFailure(String phrase) {
    this.phrase = phrase;
  }

  /** The failure in a few words, as messages say it. */
  public String phrase() {
    return phrase;
  }

  /**
   * The kind of a transport failure. Checked in this order because the JDK nests them: a connect timeout wraps a
   * {@link ConnectException}, a reset arrives inside "header parser received no bytes", an interrupt inside an
   * {@code IOException}.
   */
  public static TransportFailure of(Throwable failure) {
    if (any(failure, t -> t instanceof InterruptedException || t instanceof ClosedByInterruptException
        || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)))) {
      return INTERRUPTED;
    }
    if (any(failure, HttpConnectTimeoutException.class::isInstance)) {
      return CONNECT_TIMEOUT;
    }
    if (any(failure, t -> t instanceof HttpTimeoutException || t instanceof SocketTimeoutException)) {
      return TIMEOUT;
    }
    if (any(failure, t -> t instanceof UnknownHostException || t instanceof UnresolvedAddressException)) {
      return UNKNOWN_HOST;
    }
    if (any(failure, ConnectException.class::isInstance)) {
      return REFUSED;
    }
    if (any(failure, TransportFailure::isReset)) {
      return RESET;
    }
    if (any(failure, t -> t instanceof EOFException || mentions(t, "received no bytes"))) {
      return CLOSED_EARLY;
    }
    return OTHER;
  }

  private static boolean isReset(Throwable t) {
    return t instanceof SocketException && (mentions(t, "reset") || mentions(t, "broken pipe"));
  }

  private static boolean mentions(Throwable t, String words) {
    return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(words);
  }

  private static boolean any(Throwable start, Predicate<Throwable> test) {
    return CauseChain.first(start, test).isPresent();
  }
}
