package dev.otelmcp.adapters.tempo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** How requests authenticate: not at all (Tempo has no auth of its own), a bearer token, or HTTP Basic. */
sealed interface TempoAuth {

  /** The {@code Authorization} header value, if any. */
  Optional<String> header();

  /** Values that must never appear in logs or messages. */
  List<String> secrets();

  /** A short description for logs: never the secret itself. */
  String describe();

  /** No {@code Authorization} header. */
  record None() implements TempoAuth {
    @Override
    public Optional<String> header() {
      return Optional.empty();
    }

    @Override
    public List<String> secrets() {
      return List.of();
    }

    @Override
    public String describe() {
      return "none";
    }
  }

  /** {@code Authorization: Bearer <token>}, for a gateway in front of Tempo. */
  record Bearer(String token) implements TempoAuth {
    @Override
    public Optional<String> header() {
      return Optional.of("Bearer " + token);
    }

    @Override
    public List<String> secrets() {
      return List.of(token);
    }

    @Override
    public String describe() {
      return "bearer token";
    }

    @Override
    public String toString() {
      return "Bearer[***]";
    }
  }

  /** HTTP Basic, as Grafana Cloud Tempo wants it: user = the stack's numeric id, password = an access token. */
  record Basic(String username, String password) implements TempoAuth {
    @Override
    public Optional<String> header() {
      return Optional.of("Basic " + encoded());
    }

    @Override
    public List<String> secrets() {
      return List.of(password, encoded());
    }

    @Override
    public String describe() {
      return "basic auth as user " + username;
    }

    private String encoded() {
      return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "Basic[" + username + ", ***]";
    }
  }
}
