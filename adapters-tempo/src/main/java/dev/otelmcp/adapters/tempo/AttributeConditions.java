package dev.otelmcp.adapters.tempo;

import dev.otelmcp.adapters.tempo.TraceQl.Scope;
import dev.otelmcp.domain.query.AttributeAliases;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * TraceQL for filters on attributes, positive operators only: a span without the attribute satisfies a
 * negative one ({@code not_equals}), and no TraceQL comparison holds on a missing attribute.
 *
 * <p>Where TraceQL and the domain agree exactly, the condition is exact; elsewhere it is a superset that
 * the store re-checks on the whole trace ({@link Condition#exact()} false). They disagree on:
 *
 * <ul>
 *   <li><b>types</b>: TraceQL compares typed values ({@code span.x = "200"} misses the integer 200), the
 *       domain compares text and reads numeric text as numbers. Text comparisons that no number or boolean
 *       could satisfy ({@code "gpt-4o"}) are exact; others fall back to "the attribute exists". Number
 *       comparisons also let through string attributes that look like numbers;
 *   <li><b>unscoped keys</b>: the domain reads the span's attribute, else the resource's, trying convention
 *       aliases ({@code gen_ai.system}, {@code gen_ai.provider.name}, …) in order. TraceQL's {@code .x} also
 *       falls back to events and links in newer Tempo, and an alternative over aliases cannot say "the first
 *       alias present". Only {@code span.x} / {@code resource.x} comparisons, and existence, are exact.
 * </ul>
 */
final class AttributeConditions {

  /** Text that {@code AttributeValue.asText()} of a number or boolean could be (long, double, bool). */
  private static final Pattern NUMBER_TEXT = Pattern.compile("-?\\d+(\\.\\d+(E-?\\d+)?)?");
  private static final Set<String> WORDS = Set.of("NaN", "Infinity", "-Infinity", "true", "false");
  private static final String NUMBER_CHARS = "0123456789.E-";
  /** A string attribute the domain reads as a number: its strict decimal form, surrounded by what trim() drops. */
  private static final String NUMERIC_STRING =
      "^[\\x00-\\x20]*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?[\\x00-\\x20]*$";
  private static final String TRUE_STRING = "(?i)^[\\x00-\\x20]*true[\\x00-\\x20]*$";
  private static final String FALSE_STRING = "(?i)^[\\x00-\\x20]*false[\\x00-\\x20]*$";

  private AttributeConditions() {}

  static Optional<Condition> of(Filter filter) {
    if (filter.isNegative()) {
      return Optional.empty();
    }
    String key = filter.field().trim();
    Scope scope = Scope.ANY;
    String name = key;
    if (key.startsWith("resource.")) {
      scope = Scope.RESOURCE;
      name = key.substring("resource.".length());
    } else if (key.startsWith("span.")) {
      scope = Scope.SPAN;
      name = key.substring("span.".length());
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = scope == Scope.ANY ? AttributeAliases.keysFor(name) : List.of(name);
    if (filter.operator() == FilterOperator.EXISTS) {
      return Optional.of(exists(scope, names));
    }
    List<String> alternatives = new ArrayList<>();
    boolean exact = scope != Scope.ANY;
    for (String candidate : names) {
      Condition one = value(TraceQl.attribute(scope, candidate), filter);
      alternatives.add(one.traceQl());
      exact &= one.exact();
    }
    return Optional.of(new Condition(TraceQl.anyOf(alternatives), exact));
  }

  /** Existence is type-blind on both sides; unscoped keys are spelled per scope so that events never count. */
  private static Condition exists(Scope scope, List<String> names) {
    List<String> alternatives = new ArrayList<>();
    for (String name : names) {
      if (scope == Scope.ANY) {
        alternatives.add(TraceQl.attribute(Scope.SPAN, name) + " != nil");
        alternatives.add(TraceQl.attribute(Scope.RESOURCE, name) + " != nil");
      } else {
        alternatives.add(TraceQl.attribute(scope, name) + " != nil");
      }
    }
    return Condition.exact(TraceQl.anyOf(alternatives));
  }

  private static Condition value(String ref, Filter filter) {
    switch (filter.valueType()) {
      case STRING:
        return text(ref, filter);
      case NUMBER:
        return number(ref, filter);
      case BOOLEAN:
        boolean wanted = (Boolean) filter.value();
        return Condition.exact("(" + ref + " = " + wanted + " || " + ref + " =~ "
            + TraceQl.string(wanted ? TRUE_STRING : FALSE_STRING) + ")");
      default:
        throw new IllegalStateException(filter.valueType().name());
    }
  }

  private static Condition text(String ref, Filter filter) {
    List<String> values = filter.values().stream().map(String.class::cast).toList();
    String first = values.get(0);
    String condition;
    boolean typeSafe;
    switch (filter.operator()) {
      case EQUALS, IN:
        condition = TraceQl.anyOf(values.stream().map(v -> ref + " = " + TraceQl.string(v)).toList());
        typeSafe = values.stream().allMatch(AttributeConditions::noNumberOrBooleanIs);
        break;
      case CONTAINS:
        condition = ref + " =~ " + TraceQl.string(TraceQl.containsPattern(first));
        typeSafe = noNumberOrBooleanContains(first);
        break;
      case STARTS_WITH:
        condition = ref + " =~ " + TraceQl.string(TraceQl.startsWithPattern(first));
        typeSafe = noNumberOrBooleanContains(first);
        break;
      case ENDS_WITH:
        condition = ref + " =~ " + TraceQl.string(TraceQl.endsWithPattern(first));
        typeSafe = noNumberOrBooleanContains(first);
        break;
      default:
        throw new IllegalStateException("operator " + filter.operator() + " on text");
    }
    // A number or boolean attribute could match the text in the domain but never in TraceQL: ask for any value.
    return typeSafe ? Condition.exact(condition) : Condition.superset(ref + " != nil");
  }

  private static Condition number(String ref, Filter filter) {
    List<Double> values = filter.values().stream().map(Double.class::cast).toList();
    String comparison;
    switch (filter.operator()) {
      case EQUALS, IN:
        List<String> points = new ArrayList<>();
        for (double v : values) {
          points.add(ref + " = " + TraceQl.number(v));
          if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            // Both spellings: an integer literal for int attributes, a float literal for double ones.
            points.add(ref + " = " + TraceQl.number(v) + ".0");
          }
        }
        comparison = TraceQl.anyOf(points);
        break;
      case GT:
        comparison = ref + " > " + TraceQl.number(values.get(0));
        break;
      case GTE:
        comparison = ref + " >= " + TraceQl.number(values.get(0));
        break;
      case LT:
        comparison = ref + " < " + TraceQl.number(values.get(0));
        break;
      case LTE:
        comparison = ref + " <= " + TraceQl.number(values.get(0));
        break;
      case BETWEEN:
        double low = Math.min(values.get(0), values.get(1));
        double high = Math.max(values.get(0), values.get(1));
        comparison = "(" + ref + " >= " + TraceQl.number(low) + " && " + ref + " <= " + TraceQl.number(high) + ")";
        break;
      default:
        throw new IllegalStateException("operator " + filter.operator() + " on a number");
    }
    // Numeric text ("5000") is a number to the domain but a string to TraceQL: let those through to the re-check.
    return Condition.superset("(" + comparison + " || " + ref + " =~ " + TraceQl.string(NUMERIC_STRING) + ")");
  }

  private static boolean noNumberOrBooleanIs(String text) {
    return !NUMBER_TEXT.matcher(text).matches() && !WORDS.contains(text);
  }

  private static boolean noNumberOrBooleanContains(String fragment) {
    if (fragment.isEmpty() || fragment.chars().allMatch(c -> NUMBER_CHARS.indexOf(c) >= 0)) {
      return false;
    }
    return WORDS.stream().noneMatch(word -> word.contains(fragment));
  }
}
