package dev.forensics.exercise.internal;

import dev.forensics.exercise.ScenarioException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read field by field. Every field asked for (present or not) becomes known; {@link #done()}
 * then refuses any other field, naming the known ones. Duplicate and non-text keys are refused up front.
 */
public final class YamlMap {
  private final YamlNode self;
  private final Map<String, YamlNode> fields = new LinkedHashMap<>();
  private final Map<String, Integer> keyLines = new LinkedHashMap<>();
  private final Set<String> known = new LinkedHashSet<>();

  YamlMap(YamlNode self, MappingNode node) throws ScenarioException {
    this.self = self;
    for (NodeTuple t : node.getValue()) {
      String prefix = self.path().isEmpty() ? "" : self.path() + ".";
      if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
        throw new YamlNode(self.file(), t.getKeyNode(), self.path()).error("merge keys (<<) are not allowed");
      }
      if (!(t.getKeyNode() instanceof ScalarNode k) || !k.getTag().equals(Tag.STR)) {
        throw new YamlNode(self.file(), t.getKeyNode(), self.path()).error("field names must be text");
      }
      String key = k.getValue();
      YamlNode value = new YamlNode(self.file(), t.getValueNode(), prefix + key);
      int line = k.getStartMark().getLine() + 1;
      if (fields.containsKey(key)) {
        throw new ScenarioException(
            self.file(), line, prefix + key, "duplicate field (first on line " + keyLines.get(key) + ")");
      }
      fields.put(key, value);
      keyLines.put(key, line);
    }
  }

  /** The mapping as a node (for errors about the whole mapping). */
  public YamlNode node() {
    return self;
  }

  /** Whether the field is present (and not null). */
  public boolean has(String key) {
    known.add(key);
    YamlNode n = fields.get(key);
    return n != null && !n.isNull();
  }

  /** A field that must be present and not null. */
  public YamlNode required(String key) throws ScenarioException {
    known.add(key);
    YamlNode n = fields.get(key);
    if (n == null) {
      String path = self.path().isEmpty() ? key : self.path() + "." + key;
      throw new ScenarioException(self.file(), self.line(), path, "missing required field");
    }
    if (n.isNull()) {
      throw n.error("must have a value");
    }
    return n;
  }

  /** A field that may be absent (a null value counts as absent). */
  public Optional<YamlNode> optional(String key) {
    known.add(key);
    YamlNode n = fields.get(key);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
  }

  /** The present fields' names, in document order. */
  public List<String> keys() {
    return new ArrayList<>(fields.keySet());
  }

  /**
   * Declares the fields this mapping may have and refuses any other at once (so that a misspelt field is
   * reported as unknown rather than as a missing required one).
   *
   * @throws ScenarioException at the first unknown field, listing the known ones
   */
  public YamlMap expect(String... keys) throws ScenarioException {
    known.addAll(List.of(keys));
    done();
    return this;
  }

  /**
   * Refuses fields that were never asked for.
   *
   * @throws ScenarioException at the first unknown field, listing the known ones
   */
  public void done() throws ScenarioException {
    for (Map.Entry<String, YamlNode> e : fields.entrySet()) {
      if (!known.contains(e.getKey())) {
        String path = self.path().isEmpty() ? e.getKey() : self.path() + "." + e.getKey();
        throw new ScenarioException(
            self.file(), keyLines.get(e.getKey()), path, "unknown field (known here: " + String.join(", ", known) + ")");
      }
    }
  }
}
