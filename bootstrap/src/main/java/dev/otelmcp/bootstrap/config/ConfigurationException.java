package dev.otelmcp.bootstrap.config;

/** A configuration mistake the user must fix; main prints the message and exits with status 2. */
public final class ConfigurationException extends RuntimeException {

  public ConfigurationException(String message) {
    super(message);
  }
}
