package dev.otelmcp.domain.query;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.domain.model.SpanKind;
import dev.otelmcp.domain.model.StatusCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The span status and kind are closed sets: a filter comparing them with a value outside the set could never match,
 * and would answer "nothing found" where the truth is "that is not a status". Their values are checked and written
 * the one way spans carry them ({@code error}, {@code STATUS_CODE_ERROR} and {@code 2} all become {@code ERROR}).
 */
final class EnumValues {

  private static final Set<FilterOperator> EXACT = EnumSet.of(FilterOperator.EQUALS, FilterOperator.NOT_EQUALS,
      FilterOperator.IN, FilterOperator.NOT_IN);

  private EnumValues() {}

  /** The values, canonical when the field is the status or the kind and the operator compares exactly. */
  static List<Object> canonical(String field, FilterOperator operator, List<Object> values) {
    Optional<IntrinsicField> intrinsic = IntrinsicField.parse(field);
    if (intrinsic.isEmpty() || !EXACT.contains(operator) || !values.stream().allMatch(String.class::isInstance)) {
      return values;
    }
    return switch (intrinsic.get()) {
      case STATUS -> each(field, values, StatusCode::parse, StatusCode.values());
      case KIND -> each(field, values, SpanKind::parse, SpanKind.values());
      default -> values;
    };
  }

  private static <E extends Enum<E>> List<Object> each(String field, List<Object> values,
      Function<String, Optional<E>> parse, E[] all) {
    List<Object> canonical = new ArrayList<>(values.size());
    for (Object value : values) {
      E parsed = parse.apply(String.valueOf(value)).orElseThrow(() -> new InvalidQueryException(
          "filter on " + Quote.of(field) + ": " + Quote.of(String.valueOf(value)) + " is not one of "
              + names(all), "Use one of " + names(all) + " (any case)."));
      canonical.add(parsed.name());
    }
    return canonical;
  }

  private static String names(Enum<?>[] all) {
    return Arrays.stream(all).map(Enum::name).collect(Collectors.joining(", "));
  }
}
