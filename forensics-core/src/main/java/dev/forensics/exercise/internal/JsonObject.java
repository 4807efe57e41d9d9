package dev.forensics.exercise.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forensics.exercise.AnswerKeyException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object read field by field with its path: accessors check types and {@link #expect} refuses
 * unknown fields; problems are {@link AnswerKeyException}s naming file and path.
 */
public final class JsonObject {
  private final String file;
  private final String path;
  private final JsonNode node;

  /**
   * @throws AnswerKeyException when the node is not an object
   */
  public JsonObject(String file, String path, JsonNode node) throws AnswerKeyException {
    this.file = file;
    this.path = path;
    this.node = node;
    if (node == null || !node.isObject()) {
      throw new AnswerKeyException(file, path, "must be an object");
    }
  }

  /** Refuses fields other than these. */
  public JsonObject expect(String... keys) throws AnswerKeyException {
    Set<String> known = new LinkedHashSet<>(List.of(keys));
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        throw new AnswerKeyException(file, sub(k), "unknown field (known here: " + String.join(", ", known) + ")");
      }
    }
    return this;
  }

  private String sub(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** An error about a field of this object. */
  public AnswerKeyException error(String key, String problem) {
    return new AnswerKeyException(file, sub(key), problem);
  }

  /** An error about a field of this object, keeping the cause. */
  public AnswerKeyException error(String key, String problem, Throwable cause) {
    return new AnswerKeyException(file, sub(key), problem, cause);
  }

  /** Whether the field is present and not null. */
  public boolean has(String key) {
    JsonNode n = node.get(key);
    return n != null && !n.isNull();
  }

  private JsonNode required(String key) throws AnswerKeyException {
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
      throw error(key, "missing required field");
    }
    return n;
  }

  /** A required string. */
  public String text(String key) throws AnswerKeyException {
    JsonNode n = required(key);
    if (!n.isTextual()) {
      throw error(key, "must be a string");
    }
    return n.textValue();
  }

  /** An optional string. */
  public Optional<String> optionalText(String key) throws AnswerKeyException {
    return has(key) ? Optional.of(text(key)) : Optional.empty();
  }

  /** A required whole number. */
  public long integer(String key) throws AnswerKeyException {
    JsonNode n = required(key);
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw error(key, "must be a whole number");
    }
    return n.longValue();
  }

  /** A required number. */
  public BigDecimal decimal(String key) throws AnswerKeyException {
    JsonNode n = required(key);
    if (!n.isNumber()) {
      throw error(key, "must be a number");
    }
    return n.decimalValue();
  }

  /** A required boolean. */
  public boolean bool(String key) throws AnswerKeyException {
    JsonNode n = required(key);
    if (!n.isBoolean()) {
      throw error(key, "must be true or false");
    }
    return n.booleanValue();
  }

  /** A required nested object. */
  public JsonObject object(String key) throws AnswerKeyException {
    return new JsonObject(file, sub(key), required(key));
  }

  /** A required array of objects. */
  public List<JsonObject> objects(String key) throws AnswerKeyException {
    JsonNode n = required(key);
    if (!n.isArray()) {
      throw error(key, "must be an array");
    }
    List<JsonObject> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      out.add(new JsonObject(file, sub(key) + "[" + i + "]", n.get(i)));
    }
    return out;
  }

  /** A required array of strings. */
  public List<String> texts(String key) throws AnswerKeyException {
    JsonNode n = required(key);
    if (!n.isArray()) {
      throw error(key, "must be an array");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isTextual()) {
        throw new AnswerKeyException(file, sub(key) + "[" + i + "]", "must be a string");
      }
      out.add(n.get(i).textValue());
    }
    return out;
  }

  /** The names of the fields present, in document order. */
  public List<String> keys() {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** This object's path. */
  public String path() {
    return path;
  }
}
