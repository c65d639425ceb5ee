package dev.otelmcp.application.view;

import dev.otelmcp.domain.error.InvalidQueryException;
import dev.otelmcp.domain.error.Quote;
import dev.otelmcp.domain.model.Attributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a search row holds besides its compact default columns ({@code fields}): {@code attributes} (all of
 * them), {@code attributes.<key>} or {@code attributes.<prefix>*} (matching keys, {@code *} standing for any
 * characters), {@code resource}, {@code events}, {@code links}, {@code services}.
 */
public record Projection(boolean allAttributes, List<Pattern> attributeKeys, Set<String> parts) {

  public static final String ATTRIBUTES = "attributes";
  public static final String RESOURCE = "resource";
  public static final String EVENTS = "events";
  public static final String LINKS = "links";
  public static final String SERVICES = "services";

  /** Reads the {@code fields} argument; {@code allowed} are the parts this tool offers besides attributes. */
  public static Projection parse(List<String> fields, Set<String> allowed) {
    boolean all = false;
    List<Pattern> keys = new ArrayList<>();
    java.util.TreeSet<String> parts = new java.util.TreeSet<>();
    for (String raw : fields) {
      String field = raw.strip();
      if (field.equals(ATTRIBUTES) || field.equals(ATTRIBUTES + ".*")) {
        all = true;
      } else if (field.startsWith(ATTRIBUTES + ".") && field.length() > ATTRIBUTES.length() + 1) {
        keys.add(glob(field.substring(ATTRIBUTES.length() + 1)));
      } else if (allowed.contains(field)) {
        parts.add(field);
      } else {
        throw new InvalidQueryException("fields: " + Quote.of(field) + " is not a field",
            "Use attributes, attributes.<key> or attributes.<prefix>* (e.g. attributes.gen_ai.*), or one of: "
                + String.join(", ", new java.util.TreeSet<>(allowed)) + ".");
      }
    }
    return new Projection(all, List.copyOf(keys), Set.copyOf(parts));
  }

  public boolean includes(String part) {
    return parts.contains(part);
  }

  /**
   * The attributes this projection selects, long strings cut, content ones left out ({@link #content}); {@code null}
   * when it selects none.
   */
  public Map<String, Object> attributes(Attributes attributes, int maxChars) {
    if (!allAttributes && attributeKeys.isEmpty()) {
      return null;
    }
    return chosen(Views.attributes(attributes, maxChars));
  }

  /** The content attributes this projection selects, apart as untrusted; {@code null} when none. */
  public Map<String, Object> content(Attributes attributes, int maxChars) {
    if (!allAttributes && attributeKeys.isEmpty()) {
      return null;
    }
    Map<String, Object> content = Views.content(attributes, maxChars);
    Map<String, Object> chosen = content == null ? Map.of() : chosen(content);
    return chosen.isEmpty() ? null : chosen;
  }

  private Map<String, Object> chosen(Map<String, Object> all) {
    if (allAttributes) {
      return all;
    }
    Map<String, Object> chosen = new LinkedHashMap<>();
    all.forEach((key, value) -> {
      if (attributeKeys.stream().anyMatch(p -> p.matcher(key).matches())) {
        chosen.put(key, value);
      }
    });
    return chosen;
  }

  private static Pattern glob(String glob) {
    List<String> pieces = new ArrayList<>();
    for (String piece : glob.split("\\*", -1)) {
      pieces.add(Pattern.quote(piece));
    }
    return Pattern.compile(String.join(".*", pieces));
  }
}
