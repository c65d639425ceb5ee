package dev.otelmcp.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token a client must present at one of our edges (MCP over HTTP, the OTLP receiver). Only its SHA-256
 * is held. A presented token matches when it is exactly the same string, case included, and the comparison takes
 * the same time whatever is presented: both sides are hashed first, so neither the content nor the length of the
 * token can be learnt from response times.
 */
public final class AccessToken {

  /** A shorter token can be guessed; 16 characters of a random token are far beyond that. */
  public static final int MIN_CHARS = 16;
  private static final String BEARER = "Bearer ";

  private final byte[] digest;

  private AccessToken(String token) {
    this.digest = sha256(token);
  }

  /**
   * @param option the flag that set it, named in the message when the token is too short (the token never is)
   * @throws IllegalArgumentException when the token is shorter than {@link #MIN_CHARS}
   */
  public static AccessToken of(String token, String option) {
    if (token == null || token.length() < MIN_CHARS) {
      throw new IllegalArgumentException(option + " must be at least " + MIN_CHARS + " characters, got "
          + (token == null ? 0 : token.length()) + "; use a random one, e.g. openssl rand -hex 32");
    }
    return new AccessToken(token);
  }

  /** Whether an {@code Authorization} header value ({@code Bearer <token>}; the scheme in any case) carries it. */
  public boolean admits(String authorizationHeader) {
    String presented = authorizationHeader != null
        && authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? authorizationHeader.substring(BEARER.length()).trim()
        : "";
    return MessageDigest.isEqual(digest, sha256(presented));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "AccessToken[****]";
  }
}
