package dev.otelmcp.adapters.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otelmcp.adapters.tempo.TraceQl.Scope;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The TraceQL spelling rules: literals that cannot be escaped from, names that cannot end early. */
class TraceQlTest {

  @Test
  void stringLiteralsEscapeQuotesBackslashesAndControlCharacters() {
    assertThat(TraceQl.string("gpt-4o")).isEqualTo("\"gpt-4o\"");
    assertThat(TraceQl.string("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    assertThat(TraceQl.string("C:\\temp\\")).isEqualTo("\"C:\\\\temp\\\\\"");
    assertThat(TraceQl.string("line1\nline2\r\tend")).isEqualTo("\"line1\\nline2\\r\\tend\"");
    assertThat(TraceQl.string("bell\u0007 del\u007f")).isEqualTo("\"bell\\u0007 del\\u007f\"");
    assertThat(TraceQl.string("")).isEqualTo("\"\"");
    assertThat(TraceQl.string("héllo ☃")).isEqualTo("\"héllo ☃\"");
  }

  @Test
  void anInjectionAttemptStaysInsideItsStringLiteral() {
    String attack = "\" || true || \"";

    String literal = TraceQl.string(attack);

    assertThat(literal).isEqualTo("\"\\\" || true || \\\"\"");
    assertThat(unquoteGo(literal)).isEqualTo(attack);
    // No unescaped quote inside: the literal is one token.
    assertThat(literal.substring(1, literal.length() - 1)).doesNotContainPattern("(?<!\\\\)\"");
  }

  @Test
  void attributeNamesKeepTheirDotsAndAreQuotedOnlyWhenTheyHoldCharactersThatEndThem() {
    assertThat(TraceQl.attribute(Scope.SPAN, "gen_ai.usage.input_tokens")).isEqualTo("span.gen_ai.usage.input_tokens");
    assertThat(TraceQl.attribute(Scope.RESOURCE, "service.name")).isEqualTo("resource.service.name");
    assertThat(TraceQl.attribute(Scope.ANY, "http.status_code")).isEqualTo(".http.status_code");
    assertThat(TraceQl.attribute(Scope.SPAN, "my attr")).isEqualTo("span.\"my attr\"");
    assertThat(TraceQl.attribute(Scope.SPAN, "a=b")).isEqualTo("span.\"a=b\"");
    assertThat(TraceQl.attribute(Scope.ANY, "x\") || true || (\"")).isEqualTo(".\"x\\\") || true || (\\\"\"");
    assertThat(TraceQl.attribute(Scope.SPAN, "back\\slash }")).isEqualTo("span.\"back\\\\slash }\"");
    assertThatThrownBy(() -> TraceQl.attribute(Scope.SPAN, "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quoteMetaEscapesEveryRegexMetacharacterSoTheLiteralMatchesOnlyItself() {
    String metacharacters = ".*+?()[]{}|^$\\";

    String quoted = TraceQl.quoteMeta(metacharacters);

    assertThat(quoted).isEqualTo("\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\");
    // Java's regex dialect agrees with RE2 on these escapes.
    assertThat(Pattern.matches(quoted, metacharacters)).isTrue();
    assertThat(Pattern.matches(quoted, "x*+?()[]{}|^$\\")).isFalse();
  }

  @Test
  void containsStartsWithAndEndsWithPatternsAreAnchoredAndSpanLines() {
    assertThat(TraceQl.containsPattern("a.b")).isEqualTo("(?s)^.*a\\.b.*$");
    assertThat(TraceQl.startsWithPattern("gpt-4")).isEqualTo("(?s)^gpt-4.*$");
    assertThat(TraceQl.endsWithPattern("(mini)")).isEqualTo("(?s)^.*\\(mini\\)$");

    assertThat(Pattern.compile(TraceQl.containsPattern("a.b")).matcher("first line\nxa.by").matches()).isTrue();
    assertThat(Pattern.compile(TraceQl.containsPattern("a.b")).matcher("axb").matches()).isFalse();
    assertThat(Pattern.compile(TraceQl.startsWithPattern("gpt-4")).matcher("gpt-4o").matches()).isTrue();
    assertThat(Pattern.compile(TraceQl.startsWithPattern("gpt-4")).matcher("my-gpt-4o").matches()).isFalse();
    assertThat(Pattern.compile(TraceQl.endsWithPattern("(mini)")).matcher("gpt (mini)").matches()).isTrue();
    assertThat(Pattern.compile(TraceQl.endsWithPattern("(mini)")).matcher("(mini) gpt").matches()).isFalse();
  }

  @Test
  void aRegexInjectionAttemptIsALiteral() {
    String pattern = TraceQl.containsPattern(".*\") || true || (\".*");
    String literal = TraceQl.string(pattern);

    assertThat(unquoteGo(literal)).isEqualTo("(?s)^.*\\.\\*\"\\) \\|\\| true \\|\\| \\(\"\\.\\*.*$");
    assertThat(Pattern.compile(unquoteGo(literal)).matcher("x.*\") || true || (\".*y").matches()).isTrue();
    assertThat(Pattern.compile(unquoteGo(literal)).matcher("anything").matches()).isFalse();
  }

  @Test
  void numbersAreIntegersWithoutAFractionAndPlainDecimalsOtherwise() {
    assertThat(TraceQl.number(5000)).isEqualTo("5000");
    assertThat(TraceQl.number(-3)).isEqualTo("-3");
    assertThat(TraceQl.number(0.7)).isEqualTo("0.7");
    assertThat(TraceQl.number(1e-7)).isEqualTo("0.0000001");
    assertThat(TraceQl.number(1e20)).isEqualTo("100000000000000000000");
  }

  @Test
  void durationsAreMillisecondsWithTheFractionTempoParses() {
    assertThat(TraceQl.durationNanos(100_000_000)).isEqualTo("100ms");
    assertThat(TraceQl.durationNanos(123_500_000)).isEqualTo("123.5ms");
    assertThat(TraceQl.durationNanos(1)).isEqualTo("0.000001ms");
    assertThat(TraceQl.durationNanos(0)).isEqualTo("0ms");
  }

  @Test
  void spansetsJoinConditionsOnOneSpanAndAlternativesAreParenthesised() {
    assertThat(TraceQl.spanset(List.of())).isEqualTo("{}");
    assertThat(TraceQl.spanset(List.of("status = error"))).isEqualTo("{ status = error }");
    assertThat(TraceQl.spanset(List.of("a = 1", TraceQl.anyOf(List.of("b = 1", "b = 2")))))
        .isEqualTo("{ a = 1 && (b = 1 || b = 2) }");
  }

  /** What Go's strconv.Unquote does with the escapes TraceQl.string writes. */
  static String unquoteGo(String literal) {
    assertThat(literal).startsWith("\"").endsWith("\"");
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '"') {
        throw new AssertionError("unescaped quote at " + i + " in " + literal);
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = literal.charAt(++i);
      switch (next) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new AssertionError("escape Go rejects: \\" + next);
      }
    }
    return out.toString();
  }
}
