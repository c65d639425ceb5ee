package dev.otelmcp.adapters.clickhouse;

import dev.otelmcp.domain.query.AttributeAliases;
import dev.otelmcp.domain.query.Filter;
import dev.otelmcp.domain.query.FilterOperator;
import dev.otelmcp.domain.query.FilterValueType;
import dev.otelmcp.domain.query.IntrinsicField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Filters as SQL conditions on the exporter's columns, with {@code FilterEvaluator}'s semantics exactly: a field is
 * resolved as {@code FieldResolver} resolves it (intrinsics; {@code resource.}/{@code span.} scopes; otherwise the
 * span's attribute, then the resource's, for each convention alias in turn — the first key present wins), text is
 * compared case-sensitively except for the status, the kind and ids, a number is read from text only when it is
 * plain decimal notation, and a value of the wrong type never satisfies a positive operator.
 *
 * <p>Every value — filter values and attribute keys alike — is a typed query parameter ({@link SqlParams}); the SQL
 * text holds only this class's own constants. Conditions are never NULL (0 or 1).
 */
final class FilterSql {

  /** Where a filter is evaluated: on a trace ({@code duration} is the trace's) or on a span. */
  enum Context { TRACE, SPAN }

  /** Plain decimal notation, surrounded by what Java's {@code trim} removes: how {@code AttributeValue} reads numbers. */
  private static final String DECIMAL =
      "'^[\\\\x00-\\\\x20]*[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?[\\\\x00-\\\\x20]*$'";
  private static final String TRIM = "'^[\\\\x00-\\\\x20]+|[\\\\x00-\\\\x20]+$'";
  static final String SERVICE = "if(match(ServiceName, '^\\\\s*$'), 'unknown_service', ServiceName)";
  static final String STATUS = "multiIf(s_ IN ('1', 'OK'), 'OK', s_ IN ('2', 'ERROR'), 'ERROR', 'UNSET')"
      .replace("s_", "replaceRegexpOne(upper(trimBoth(StatusCode)), '^STATUS_CODE_', '')");
  static final String KIND = ("multiIf(k_ IN ('UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'),"
      + " k_, match(k_, '^0*[0-5]$'), arrayElement(['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER',"
      + " 'CONSUMER'], toUInt8(right(k_, 1)) + 1), 'UNSPECIFIED')")
      .replace("k_", "replaceRegexpOne(upper(trimBoth(SpanKind)), '^SPAN_KIND_', '')");
  static final String START_NANOS = "toUnixTimestamp64Nano(Timestamp)";
  static final String DURATION_NANOS = "greatest(toInt64(Duration), 0)";
  static final String TRACE_DURATION_MS =
      "(max(" + START_NANOS + " + " + DURATION_NANOS + ") - min(" + START_NANOS + ")) / 1000000.0";

  private final Schema.Variant variant;
  private final SqlParams params;

  FilterSql(Schema.Variant variant, SqlParams params) {
    this.variant = variant;
    this.params = params;
  }

  /** Whether a filter is evaluated exactly in SQL (the same whichever attribute variant the table has). */
  static boolean evaluates(Filter filter, Context context) {
    Optional<IntrinsicField> intrinsic = IntrinsicField.parse(filter.field());
    if (intrinsic.isPresent() && intrinsic.get() == IntrinsicField.DURATION) {
      // A duration is a double: its text form (Java's rendering) is not ClickHouse's.
      return filter.valueType() == FilterValueType.NUMBER || filter.operator().positive() == FilterOperator.EXISTS;
    }
    return true;
  }

  /** Whether a filter describes the trace as a whole in a trace search (its duration, id, span count). */
  static boolean isTraceLevel(Filter filter) {
    String lower = filter.field().trim().toLowerCase(Locale.ROOT);
    Optional<IntrinsicField> intrinsic = IntrinsicField.parse(lower);
    return lower.equals("span_count")
        || intrinsic.filter(f -> f == IntrinsicField.DURATION || f == IntrinsicField.TRACE_ID).isPresent();
  }

  /** The positive form of a filter on one span row (negative operators: the caller negates). */
  String onSpan(Filter filter) {
    return condition(filter.positive(), spanValue(filter.field()));
  }

  /** The positive form of a trace-level filter ({@link #isTraceLevel}) on a trace's group of rows. */
  String onTrace(Filter filter) {
    String lower = filter.field().trim().toLowerCase(Locale.ROOT);
    Value value;
    if (lower.equals("span_count")) {
      value = Value.text("1", "toString(count())", false);
    } else if (IntrinsicField.parse(lower).orElseThrow() == IntrinsicField.DURATION) {
      value = Value.number(TRACE_DURATION_MS);
    } else {
      value = Value.text("1", "lowerUTF8(any(TraceId))", true);
    }
    return condition(filter.positive(), value);
  }

  private Value spanValue(String field) {
    Optional<IntrinsicField> intrinsic = IntrinsicField.parse(field);
    if (intrinsic.isPresent()) {
      return switch (intrinsic.get()) {
        case SERVICE_NAME -> Value.text("1", SERVICE, false);
        case NAME -> Value.text("1", "SpanName", false);
        case DURATION -> Value.number(DURATION_NANOS + " / 1000000.0");
        case STATUS -> Value.text("1", STATUS, true);
        case STATUS_MESSAGE -> Value.text("StatusMessage != ''", "StatusMessage", false);
        case KIND -> Value.text("1", KIND, true);
        case TRACE_ID -> Value.text("1", "lowerUTF8(TraceId)", true);
        case SPAN_ID -> Value.text("1", "lowerUTF8(SpanId)", true);
        case PARENT_SPAN_ID -> Value.text("(ParentSpanId != '' AND NOT match(ParentSpanId, '^0+$'))",
            "lowerUTF8(ParentSpanId)", true);
      };
    }
    String key = field.trim();
    List<Lookup> lookups = new ArrayList<>();
    if (key.startsWith("resource.")) {
      lookups.add(new Lookup("ResourceAttributes", params.string(key.substring("resource.".length()))));
    } else if (key.startsWith("span.")) {
      lookups.add(new Lookup("SpanAttributes", params.string(key.substring("span.".length()))));
    } else {
      for (String candidate : AttributeAliases.keysFor(key)) {
        String placeholder = params.string(candidate);
        lookups.add(new Lookup("SpanAttributes", placeholder));
        lookups.add(new Lookup("ResourceAttributes", placeholder));
      }
    }
    return variant == Schema.Variant.MAP ? mapValue(lookups) : jsonValue(lookups);
  }

  /** Map columns: the value of the first key present, a string. */
  private static Value mapValue(List<Lookup> lookups) {
    List<String> present = new ArrayList<>();
    StringBuilder text = new StringBuilder("multiIf(");
    for (Lookup lookup : lookups) {
      String has = "mapContains(" + lookup.column + ", " + lookup.key + ")";
      present.add(has);
      text.append(has).append(", ").append(lookup.column).append('[').append(lookup.key).append("], ");
    }
    text.append("'')");
    return Value.text("(" + String.join(" OR ", present) + ")", text.toString(), false);
  }

  /**
   * JSON columns: the value at the first path present, as the texts of its elements (an array's elements each
   * count, as {@code FieldResolver} counts them; a scalar is one element).
   */
  private static Value jsonValue(List<Lookup> lookups) {
    List<String> present = new ArrayList<>();
    StringBuilder texts = new StringBuilder("multiIf(");
    for (Lookup lookup : lookups) {
      String at = "getSubcolumn(" + lookup.column + ", " + lookup.key + ")";
      String has = "NOT isNull(" + at + ")";
      present.add(has);
      texts.append(has).append(", if(startsWith(dynamicType(").append(at).append("), 'Array('), arrayMap(e_ -> "
          + "ifNull(e_, ''), CAST(").append(at).append(", 'Array(Nullable(String))')), [toString(").append(at)
          .append(")]), ");
    }
    texts.append("CAST([], 'Array(String)'))");
    return new Value("(" + String.join(" OR ", present) + ")", texts.toString(), true, false, null);
  }

  private String condition(Filter filter, Value value) {
    if (filter.operator() == FilterOperator.EXISTS) {
      return value.present;
    }
    if (value.number != null) {
      return "(" + value.present + " AND ifNull(" + numberCondition(filter, value.number) + ", 0))";
    }
    UnaryOperator<String> test = switch (filter.valueType()) {
      case STRING -> t -> textCondition(filter, value.caseInsensitive ? "lowerUTF8(" + t + ")" : t,
          value.caseInsensitive);
      case NUMBER -> t -> numberCondition(filter, "if(match(" + t + ", " + DECIMAL + "), toFloat64OrNull("
          + "replaceRegexpAll(" + t + ", " + TRIM + ", '')), NULL)");
      case BOOLEAN -> t -> "lowerUTF8(replaceRegexpAll(" + t + ", " + TRIM + ", '')) = "
          + params.string(String.valueOf(filter.value()));
    };
    String holds = value.elements ? "arrayExists(v_ -> ifNull(" + test.apply("v_") + ", 0), " + value.text + ")"
        : "ifNull(" + test.apply(value.text) + ", 0)";
    return "(" + value.present + " AND " + holds + ")";
  }

  private String textCondition(Filter filter, String subject, boolean lower) {
    List<String> targets = filter.values().stream()
        .map(v -> params.string(lower ? ((String) v).toLowerCase(Locale.ROOT) : (String) v)).toList();
    return switch (filter.operator()) {
      case EQUALS -> subject + " = " + targets.get(0);
      case IN -> subject + " IN (" + String.join(", ", targets) + ")";
      case CONTAINS -> "position(" + subject + ", " + targets.get(0) + ") > 0";
      case STARTS_WITH -> "startsWith(" + subject + ", " + targets.get(0) + ")";
      case ENDS_WITH -> "endsWith(" + subject + ", " + targets.get(0) + ")";
      default -> throw new IllegalStateException("operator " + filter.operator() + " on text");
    };
  }

  private String numberCondition(Filter filter, String number) {
    List<String> targets = filter.values().stream().map(v -> params.float64((Double) v)).toList();
    String n = "n_";
    String test = switch (filter.operator()) {
      case EQUALS -> n + " = " + targets.get(0);
      case IN -> n + " IN (" + String.join(", ", targets) + ")";
      case GT -> n + " > " + targets.get(0);
      case GTE -> n + " >= " + targets.get(0);
      case LT -> n + " < " + targets.get(0);
      case LTE -> n + " <= " + targets.get(0);
      case BETWEEN -> "(" + n + " >= " + targets.get(0) + " AND " + n + " <= " + targets.get(1) + ")";
      default -> throw new IllegalStateException("operator " + filter.operator() + " on a number");
    };
    // One evaluation of the number: a lambda binds it (WITH would leak the alias into the whole query).
    return "arrayExists(n_ -> ifNull(isFinite(n_) AND " + test + ", 0), [" + number + "])";
  }

  /** One place to look for a key: a column and the key's placeholder. */
  private record Lookup(String column, String key) {}

  /**
   * A field's value in SQL.
   *
   * @param present whether the field has a value on the row (or group)
   * @param text its text (when {@code elements}: an {@code Array(String)} of element texts)
   * @param elements whether {@code text} is an array of element texts
   * @param caseInsensitive whether text compares case-insensitively
   * @param number its number, for a value that is a number and never text ({@code null} otherwise)
   */
  private record Value(String present, String text, boolean elements, boolean caseInsensitive, String number) {

    static Value text(String present, String text, boolean caseInsensitive) {
      return new Value(present, text, false, caseInsensitive, null);
    }

    static Value number(String number) {
      return new Value("1", null, false, false, number);
    }
  }
}
