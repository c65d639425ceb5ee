package dev.otelmcp.bootstrap;

/** How a start ended: the process must exit now with a status, or a server is running (and on which threads). */
sealed interface Started {

  /** Help, the version, or a configuration error: exit with this status. */
  record Exit(int status) implements Started {}

  /** Serving stdio: the server's own threads keep the process alive until stdin closes. */
  record ServingStdio() implements Started {}

  /** Serving HTTP: the server runs on daemon threads, so the main thread must keep the process alive. */
  record ServingHttp() implements Started {}
}
