package dev.otelmcp.backend.toolkit;

import dev.otelmcp.domain.port.BackendSettings;

import dev.otelmcp.domain.error.InvalidQueryException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads validated values from {@link BackendSettings}. Every problem is an {@link InvalidQueryException} whose
 * message names the setting, so that a user who mistyped one of a dozen options knows which.
 *
 * <p>Shared by the built-in backends and open to third-party ones: the same key read by two backends is
 * judged by the same rules and explained in the same words.
 */
public final class SettingsReader {

  private final BackendSettings settings;

  public SettingsReader(BackendSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The settings read. */
  public BackendSettings settings() {
    return settings;
  }

  /**
   * A single-line text setting, trimmed; empty when unset or blank. A value with control characters is refused
   * without being echoed: it may be a secret (an API key pasted with its line break).
   */
  public Optional<String> text(String key) {
    Optional<String> value = settings.getString(key).map(String::trim).filter(v -> !v.isEmpty());
    if (value.isPresent() && value.get().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidQueryException("setting '" + key + "' contains control characters",
          "Set " + environmentName(key) + " to the bare value, without line breaks.");
    }
    return value;
  }

  /** An integer between {@code min} and {@code max}; the hint says what the setting is for. */
  public int integer(String key, int defaultValue, int min, int max, String hint) {
    int value;
    try {
      value = settings.getInt(key, defaultValue);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("setting '" + key + "' must be an integer: " + e.getMessage(), hint);
    }
    if (value < min || value > max) {
      throw new InvalidQueryException("setting '" + key + "' must be between " + min + " and " + max + ", got "
          + value, hint);
    }
    return value;
  }

  /**
   * A duration between 1 ms and {@code max} (whole hours). A malformed value is reported whatever the
   * {@link BackendSettings} implementation throws for it: a third-party one need not use
   * {@link IllegalArgumentException}.
   */
  public Duration duration(String key, Duration defaultValue, Duration max, String hint) {
    Duration value;
    try {
      value = settings.getDuration(key, defaultValue);
    } catch (RuntimeException e) {
      throw new InvalidQueryException("setting '" + key + "' is not a duration: " + e.getMessage(), hint);
    }
    if (value.isNegative() || value.toMillis() < 1 || value.compareTo(max) > 0) {
      throw new InvalidQueryException("setting '" + key + "' must be between 1ms and " + max.toHours() + "h, got "
          + value, hint);
    }
    return value;
  }

  /** {@code BACKEND_API_KEY} for {@code api_key}: the environment variable users set (see {@link BackendSettings}). */
  static String environmentName(String key) {
    return "BACKEND_" + key.toUpperCase(java.util.Locale.ROOT);
  }
}
