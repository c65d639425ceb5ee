package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * One {@code String} per distinct short text of an answer, for the texts Jaeger repeats on every span: tag keys
 * (written as values, so Jackson's table of field names does not share them), tag types, service and operation names,
 * models, span kinds. A search answer holds hundreds of thousands of tags over a few dozen keys: reading each key from
 * the parser's buffer instead of making a new string saves the allocation, and the copy of that string at every
 * young collection while the answer's traces are held, and the map lookups on the shared strings reuse their cached
 * hash. Texts are compared by content, so which instance is returned changes nothing else.
 *
 * <p>Bounded: long texts, and new texts once the table is full, are made as usual. One instance serves one answer, on
 * one thread.
 */
final class UiStrings {

  /** Longer texts are rarely repeated (prompts, ids). */
  private static final int MAX_LENGTH = 64;
  private static final int MAX_ENTRIES = 4096;

  private String[] table = new String[512];
  private int size;

  /** The string at the current {@code VALUE_STRING} token. */
  String text(JsonParser p) throws IOException {
    int length = p.getTextLength();
    if (length > MAX_LENGTH) {
      return p.getText();
    }
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + chars[offset + i];
    }
    int mask = table.length - 1;
    int slot = (hash ^ (hash >>> 16)) & mask;
    for (String known = table[slot]; known != null; known = table[slot]) {
      if (same(known, chars, offset, length)) {
        return known;
      }
      slot = (slot + 1) & mask;
    }
    String text = new String(chars, offset, length);
    if (size < MAX_ENTRIES) {
      table[slot] = text;
      if (++size * 2 > table.length) {
        grow();
      }
    }
    return text;
  }

  private static boolean same(String known, char[] chars, int offset, int length) {
    if (known.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    String[] old = table;
    table = new String[old.length * 2];
    int mask = table.length - 1;
    for (String text : old) {
      if (text != null) {
        int hash = text.hashCode();
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (table[slot] != null) {
          slot = (slot + 1) & mask;
        }
        table[slot] = text;
      }
    }
  }
}
