package dev.otelmcp.domain.access;

/**
 * The bearer token a client must present at one of our edges (MCP over HTTP, the OTLP receiver). A presented token
 * matches when it is exactly the same string, case included. The comparison's time depends only on the length of
 * what is presented — never on where the first difference is, nor on the expected token's length — so the token
 * cannot be learnt from response times.
 */
public final class AccessToken {

  /** A shorter token can be guessed; 16 characters of a random token are far beyond that. */
  public static final int MIN_CHARS = 16;
  private static final String BEARER = "Bearer ";

  private final char[] expected;

  private AccessToken(String token) {
    this.expected = token.toCharArray();
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
    int difference = presented.length() ^ expected.length;
    for (int i = 0; i < presented.length(); i++) {
      difference |= presented.charAt(i) ^ expected[i % expected.length];
    }
    return difference == 0;
  }

  @Override
  public String toString() {
    return "AccessToken[****]";
  }
}
