package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * Scalar fields of Jaeger's UI JSON read off a streaming parser, bound as Jackson binds a {@code String} or
 * {@code Long} property: the usual token is read directly, anything else is handed to Jackson's own deserializer for
 * that type, so that odd but acceptable values (a number where a string is due, an integer in a string) are taken,
 * and wrong ones fail, exactly as they did when the answer was bound to records.
 */
final class UiJson {

  private UiJson() {}

  /** The string at the current token; {@code null} for JSON null. */
  static String text(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    return p.readValueAs(String.class);
  }

  /** Like {@link #text(JsonParser)}, a string shared with its repetitions in the answer ({@link UiStrings}). */
  static String text(JsonParser p, UiStrings strings) throws IOException {
    return p.currentToken() == JsonToken.VALUE_STRING ? strings.text(p) : text(p);
  }

  /** The integer at the current token; {@code null} for JSON null. */
  static Long number(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return p.getLongValue();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    return p.readValueAs(Long.class);
  }

  /**
   * Whether the current token opens the container expected ({@code false} for JSON null, which binds as absent).
   *
   * @throws MismatchedInputException for any other value, which could not be bound either
   */
  static boolean opens(JsonParser p, JsonToken start, String what) throws IOException {
    JsonToken token = p.currentToken();
    if (token == start) {
      return true;
    }
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    throw MismatchedInputException.from(p, Object.class, "Cannot read " + what + " from " + describe(token));
  }

  /** The current token must open an object (the elements of Jaeger's lists); JSON null is a null element. */
  static boolean element(JsonParser p, String what) throws IOException {
    return opens(p, JsonToken.START_OBJECT, what);
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "end-of-input";
    }
    switch (token) {
      case START_ARRAY:
        return "an array";
      case START_OBJECT:
        return "an object";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      default:
        return token.toString();
    }
  }
}
