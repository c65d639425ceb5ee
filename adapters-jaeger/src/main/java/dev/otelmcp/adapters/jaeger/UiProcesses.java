package dev.otelmcp.adapters.jaeger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otelmcp.domain.model.Attributes;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The processes of one answer, each distinct one read once: Jaeger writes a trace's processes into every trace, so a
 * search answer repeats a service's process (its name and resource tags) thousands of times, byte for byte. A process
 * is skipped over by the parser, and read only when its bytes were not seen before; the same bytes read the same, so
 * the traces then share one process and one resource — fewer objects made, and fewer held.
 *
 * <p>One instance serves one answer, on one thread.
 */
final class UiProcesses {

  private final ObjectMapper mapper;
  private final byte[] body;
  private final UiStrings strings;
  private final Map<Slice, UiSpanFields.Process> read = new HashMap<>();
  private final Map<UiSpanFields.Process, Attributes> resources = new IdentityHashMap<>();

  UiProcesses(ObjectMapper mapper, byte[] body, UiStrings strings) {
    this.mapper = mapper;
    this.body = body;
    this.strings = strings;
  }

  /** The process whose object starts at the current token, which is left at its end. */
  UiSpanFields.Process process(JsonParser p, Reader reader) throws IOException {
    long start = p.currentTokenLocation().getByteOffset();
    p.skipChildren();
    long end = p.currentTokenLocation().getByteOffset() + 1;
    Slice slice = new Slice(body, (int) start, (int) end);
    UiSpanFields.Process known = read.get(slice);
    if (known != null) {
      return known;
    }
    try (JsonParser object = mapper.createParser(body, slice.from, slice.to - slice.from)) {
      object.nextToken();
      UiSpanFields.Process process = reader.read(object, strings);
      read.put(slice, process);
      return process;
    }
  }

  /** The resource of a process of this answer, made once per process. */
  Attributes resource(UiSpanFields.Process process, Function<UiSpanFields.Process, Attributes> make) {
    return resources.computeIfAbsent(process, make);
  }

  /** Reads a process object at the parser's current token. */
  @FunctionalInterface
  interface Reader {
    UiSpanFields.Process read(JsonParser p, UiStrings strings) throws IOException;
  }

  /** A range of the answer's bytes, equal to another with the same bytes. */
  private static final class Slice {
    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int hash;

    Slice(byte[] bytes, int from, int to) {
      this.bytes = bytes;
      this.from = from;
      this.to = to;
      int h = 1;
      for (int i = from; i < to; i++) {
        h = 31 * h + bytes[i];
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Slice other && hash == other.hash
          && Arrays.equals(bytes, from, to, other.bytes, other.from, other.to);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
