package dev.otelmcp.bootstrap.e2e;

import dev.otelmcp.domain.model.AttributeValue;
import dev.otelmcp.domain.model.Span;
import dev.otelmcp.domain.model.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The part of TraceQL a Tempo fake needs: one spanset {@code { … }} of conditions joined by {@code &&}/{@code ||}
 * with parentheses, an optional {@code | select(…)} (ignored: the fake returns no attributes), intrinsics
 * ({@code name status kind statusMessage duration traceDuration}), {@code span.}/{@code resource.}/unscoped
 * attributes, string, number, duration, boolean, {@code nil} and keyword literals, regexes anchored as Tempo 2.7+
 * reads them. Comparisons are type-sensitive, as Tempo's are. Anything else throws, so the fake answers 400 and a
 * test sees a query it did not expect.
 */
final class TraceQlSubset {

  private final List<String> tokens;
  private int next;
  private final BiPredicate<Span, Trace> matcher;

  private TraceQlSubset(String query) {
    String spanset = query.replaceFirst("\\s*\\|\\s*select\\([^)]*\\)\\s*$", "").trim();
    if (!spanset.startsWith("{") || !spanset.endsWith("}")) {
      throw new IllegalArgumentException("not one spanset: " + query);
    }
    this.tokens = tokenize(spanset.substring(1, spanset.length() - 1));
    this.matcher = tokens.isEmpty() ? (s, t) -> true : or();
    if (next != tokens.size()) {
      throw new IllegalArgumentException("unexpected '" + tokens.get(next) + "' in " + query);
    }
  }

  static BiPredicate<Span, Trace> parse(String query) {
    return new TraceQlSubset(query).matcher;
  }

  private BiPredicate<Span, Trace> or() {
    BiPredicate<Span, Trace> left = and();
    while (peek("||")) {
      next++;
      left = left.or(and());
    }
    return left;
  }

  private BiPredicate<Span, Trace> and() {
    BiPredicate<Span, Trace> left = primary();
    while (peek("&&")) {
      next++;
      left = left.and(primary());
    }
    return left;
  }

  private BiPredicate<Span, Trace> primary() {
    if (peek("(")) {
      next++;
      BiPredicate<Span, Trace> inner = or();
      expect(")");
      return inner;
    }
    String field = tokens.get(next++);
    String op = tokens.get(next++);
    String literal = tokens.get(next++);
    return condition(field, op, literal);
  }

  private static BiPredicate<Span, Trace> condition(String field, String op, String literal) {
    if (literal.equals("nil")) {
      boolean wantPresent = op.equals("!=");
      return (s, t) -> value(field, s, t).isPresent() == wantPresent;
    }
    return (s, t) -> value(field, s, t).map(v -> compare(v, op, literal)).orElse(false);
  }

  private static boolean compare(AttributeValue value, String op, String literal) {
    if (literal.startsWith("\"")) {
      if (!(value instanceof AttributeValue.StringValue s)) {
        return false;
      }
      String text = unquote(literal);
      return switch (op) {
        case "=" -> s.value().equals(text);
        case "!=" -> !s.value().equals(text);
        case "=~" -> Pattern.compile(text).matcher(s.value()).matches();
        case "!~" -> !Pattern.compile(text).matcher(s.value()).matches();
        default -> throw new IllegalArgumentException("operator " + op + " on a string");
      };
    }
    if (literal.equals("true") || literal.equals("false")) {
      return value instanceof AttributeValue.BooleanValue b && (b.value() == Boolean.parseBoolean(literal)) == op.equals("=");
    }
    if (Character.isLetter(literal.charAt(0))) {
      // A keyword (status and kind values): compared with the intrinsic's text.
      boolean same = value.asText().equals(literal);
      return op.equals("=") ? same : op.equals("!=") && !same;
    }
    if (value instanceof AttributeValue.StringValue || value instanceof AttributeValue.BooleanValue) {
      return false;
    }
    double actual = value.asNumber().orElseThrow();
    double wanted = number(literal);
    return switch (op) {
      case "=" -> actual == wanted;
      case "!=" -> actual != wanted;
      case ">" -> actual > wanted;
      case ">=" -> actual >= wanted;
      case "<" -> actual < wanted;
      case "<=" -> actual <= wanted;
      default -> throw new IllegalArgumentException("operator " + op + " on a number");
    };
  }

  /** Numbers as they are; durations in nanoseconds. */
  private static double number(String literal) {
    String[][] units = {{"ns", "1"}, {"us", "1e3"}, {"µs", "1e3"}, {"ms", "1e6"}, {"s", "1e9"}, {"m", "6e10"}, {"h", "3.6e12"}};
    for (String[] unit : units) {
      if (literal.endsWith(unit[0]) && Character.isDigit(literal.charAt(literal.length() - unit[0].length() - 1))) {
        return Double.parseDouble(literal.substring(0, literal.length() - unit[0].length())) * Double.parseDouble(unit[1]);
      }
    }
    return Double.parseDouble(literal);
  }

  private static Optional<AttributeValue> value(String field, Span span, Trace trace) {
    return switch (field) {
      case "name" -> Optional.of(AttributeValue.of(span.name()));
      case "status" -> Optional.of(AttributeValue.of(span.status().code().name().toLowerCase(java.util.Locale.ROOT)));
      case "kind" -> Optional.of(AttributeValue.of(span.kind().wireName()));
      case "statusMessage" -> Optional.of(AttributeValue.of(span.status().message()));
      case "duration" -> Optional.of(AttributeValue.of(span.duration().toNanos()));
      case "traceDuration" -> Optional.of(AttributeValue.of(trace.duration().toNanos()));
      case "resource.service.name" -> Optional.of(AttributeValue.of(span.serviceName()));
      default -> {
        if (field.startsWith("span.")) {
          yield span.attributes().get(field.substring(5));
        } else if (field.startsWith("resource.")) {
          yield span.resource().get(field.substring(9));
        } else if (field.startsWith(".")) {
          yield span.attribute(field.substring(1));
        }
        throw new IllegalArgumentException("field " + field);
      }
    };
  }

  private static String unquote(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '\\') {
        char e = literal.charAt(++i);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'u' -> {
            out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int j = i + 1;
        while (text.charAt(j) != '"') {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        out.add(text.substring(i, j + 1));
        i = j + 1;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if ("=!<>&|~".indexOf(c) >= 0) {
        int j = i;
        while (j < text.length() && "=!<>&|~".indexOf(text.charAt(j)) >= 0) {
          j++;
        }
        out.add(text.substring(i, j));
        i = j;
      } else {
        int j = i;
        while (j < text.length() && !Character.isWhitespace(text.charAt(j)) && "(){}=!<>&|~\"".indexOf(text.charAt(j)) < 0) {
          j++;
        }
        out.add(text.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  private boolean peek(String token) {
    return next < tokens.size() && tokens.get(next).equals(token);
  }

  private void expect(String token) {
    if (!peek(token)) {
      throw new IllegalArgumentException("expected " + token);
    }
    next++;
  }
}
