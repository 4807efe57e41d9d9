package dev.forensics.exercise.internal;

import dev.forensics.exercise.ScenarioException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a YAML document with its field path, read strictly: each accessor checks the node's type and
 * throws a {@link ScenarioException} naming file, line and path. The document is composed with SnakeYAML's
 * node API only (nothing is constructed from tags), with limits on size, nesting and aliases; explicit type
 * tags other than the core schema's and merge keys are refused.
 */
public final class YamlNode {

  /** Most aliases of collections per document (anchors and aliases are allowed, bombs are not). */
  public static final int MAX_COLLECTION_ALIASES = 20;
  /** Deepest nesting of collections. */
  public static final int MAX_NESTING = 40;

  private static final Set<Tag> CORE_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

  private final String file;
  private final Node node;
  private final String path;

  YamlNode(String file, Node node, String path) {
    this.file = file;
    this.node = node;
    this.path = path;
  }

  /**
   * Composes a single YAML document.
   *
   * @param maxChars most characters (code points) accepted
   * @throws ScenarioException for a syntax error, an empty document, several documents or a limit exceeded
   */
  public static YamlNode parse(String text, String file, int maxChars) throws ScenarioException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(false);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(maxChars);
    options.setProcessComments(false);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new ScenarioException(file, line, "", "not valid YAML: " + oneLine(problem), e);
    } catch (YAMLException e) {
      String m = oneLine(e.getMessage());
      if (m.startsWith("Number of aliases")) {
        throw new ScenarioException(file, 0, "",
            "more than " + MAX_COLLECTION_ALIASES + " aliases of lists or mappings (refused as a possible alias bomb)", e);
      }
      throw new ScenarioException(file, 0, "", "not valid YAML: " + m, e);
    }
    if (root == null) {
      throw new ScenarioException(file, 1, "", "the file is empty");
    }
    return new YamlNode(file, root, "");
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  /** The field path, e.g. {@code questions[2].answer}; empty for the document. */
  public String path() {
    return path;
  }

  /** 1-based line where the node starts. */
  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  /** An error about this node. */
  public ScenarioException error(String problem) {
    return new ScenarioException(file, line(), path, problem);
  }

  /** An error about this node, keeping the cause. */
  public ScenarioException error(String problem, Throwable cause) {
    return new ScenarioException(file, line(), path, problem, cause);
  }

  private void checkTag() throws ScenarioException {
    if (!CORE_TAGS.contains(node.getTag())) {
      if (node.getTag().equals(Tag.MERGE)) {
        throw error("merge keys (<<) are not allowed");
      }
      throw error("type tags are not allowed (" + node.getTag().getValue() + ")");
    }
  }

  /** Whether the value is YAML null ({@code ~}, {@code null} or nothing). */
  public boolean isNull() {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  /** This node as a mapping. */
  public YamlMap map() throws ScenarioException {
    checkTag();
    if (!(node instanceof MappingNode m)) {
      throw error("must be a mapping (key: value lines), got " + describe());
    }
    return new YamlMap(this, m);
  }

  /** This node as a list. */
  public List<YamlNode> list() throws ScenarioException {
    checkTag();
    if (!(node instanceof SequenceNode s)) {
      throw error("must be a list, got " + describe());
    }
    List<YamlNode> items = new ArrayList<>();
    List<Node> values = s.getValue();
    for (int i = 0; i < values.size(); i++) {
      items.add(new YamlNode(file, values.get(i), path + "[" + i + "]"));
    }
    return items;
  }

  /** This node as a list of items converted one by one. */
  public <T> List<T> list(Reader<T> each) throws ScenarioException {
    List<T> out = new ArrayList<>();
    for (YamlNode n : list()) {
      out.add(each.read(n));
    }
    return out;
  }

  /** Reads a value from a node. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(YamlNode node) throws ScenarioException;
  }

  private String scalar(Tag expected, String what) throws ScenarioException {
    checkTag();
    if (!(node instanceof ScalarNode s)) {
      throw error("must be " + what + ", got " + describe());
    }
    if (!s.getTag().equals(expected)) {
      String hint = expected.equals(Tag.STR) && !s.getTag().equals(Tag.NULL) ? " (put it in quotes)" : "";
      throw error("must be " + what + ", got " + describe() + hint);
    }
    return s.getValue();
  }

  private String describe() {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    Tag t = node.getTag();
    if (t.equals(Tag.NULL)) {
      return "nothing";
    }
    if (t.equals(Tag.INT) || t.equals(Tag.FLOAT)) {
      return "a number";
    }
    if (t.equals(Tag.BOOL)) {
      return "true/false";
    }
    if (t.equals(Tag.TIMESTAMP)) {
      return "a date";
    }
    return "text";
  }

  /** Non-empty text (a YAML string; numbers, booleans and dates must be quoted). */
  public String text() throws ScenarioException {
    String s = scalar(Tag.STR, "text");
    if (s.isBlank()) {
      throw error("must not be empty");
    }
    return s;
  }

  /** Text that must be one of the given names; returns the mapped value. */
  public <T> T oneOf(List<String> names, Function<String, T> lookup) throws ScenarioException {
    String s = scalar(Tag.STR, "one of " + String.join(", ", names));
    if (!names.contains(s)) {
      throw error("must be one of " + String.join(", ", names) + ", got '" + s + "'");
    }
    return lookup.apply(s);
  }

  /** A decimal integer. */
  public long integer() throws ScenarioException {
    String s = scalar(Tag.INT, "a whole number");
    String digits = s.replace("_", "");
    if (!digits.matches("[-+]?[0-9]+")) {
      throw error("must be a decimal whole number, got '" + s + "'");
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw error("is too large: '" + s + "'", e);
    }
  }

  /** A decimal number (integer or with a fraction). */
  public BigDecimal decimal() throws ScenarioException {
    checkTag();
    if (!(node instanceof ScalarNode s) || !(s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
      throw error("must be a number, got " + describe());
    }
    try {
      return new BigDecimal(s.getValue().replace("_", ""));
    } catch (NumberFormatException e) {
      throw error("must be a decimal number, got '" + s.getValue() + "'", e);
    }
  }

  /** {@code true} or {@code false}. */
  public boolean bool() throws ScenarioException {
    String s = scalar(Tag.BOOL, "true or false");
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "y" -> true;
      default -> false;
    };
  }

  /** An ISO-8601 date and time with its zone offset ({@code Z} or {@code +01:00}). */
  public Instant instant() throws ScenarioException {
    checkTag();
    if (!(node instanceof ScalarNode s) || !(s.getTag().equals(Tag.STR) || s.getTag().equals(Tag.TIMESTAMP))) {
      throw error("must be a date and time like 2026-03-01T10:15:00Z, got " + describe());
    }
    // YAML's own timestamp form allows a space for the T and before the zone: 2026-02-14 21:37:12 +01:00
    String v = s.getValue().trim()
        .replaceFirst("^(\\d{4}-\\d{2}-\\d{2})[ \\t]+(?=\\d)", "$1T")
        .replaceFirst("(\\d)[ \\t]+(?=[Zz+-])", "$1");
    try {
      return OffsetDateTime.parse(v.replace('z', 'Z')).toInstant();
    } catch (DateTimeParseException e) {
      if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
        throw error("needs a zone offset (Z or +01:00): '" + v + "'", e);
      }
      throw error("must be a date and time like 2026-03-01T10:15:00Z, got '" + v + "'", e);
    }
  }

  /** A time-zone id such as {@code Europe/Vienna} or {@code UTC}. */
  public ZoneId zone() throws ScenarioException {
    String s = text();
    try {
      return ZoneId.of(s);
    } catch (DateTimeException e) {
      throw error("is not a time-zone id (like Europe/Vienna or UTC): '" + s + "'", e);
    }
  }

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|min|m|h|d)");

  /** A duration: {@code 90s}, {@code 2 min}, {@code 1h}, {@code 1d}, {@code 500ms} or ISO-8601 {@code PT2M}. */
  public Duration duration() throws ScenarioException {
    checkTag();
    if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.STR)) {
      throw error("must be a duration like 90s, 2min, 1h or PT2M, got " + describe());
    }
    String v = s.getValue().trim();
    Matcher m = DURATION.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "min", "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      Duration d = Duration.parse(v);
      if (d.isNegative()) {
        throw error("must be >= 0");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw error("must be a duration like 90s, 2min, 1h or PT2M, got '" + v + "'", e);
    }
  }

  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KiB|MiB|GiB|kB|KB|MB|GB)?");

  /** A size in bytes: a whole number, or with a unit {@code KiB MiB GiB} (1024) or {@code kB MB GB} (1000). */
  public long size() throws ScenarioException {
    checkTag();
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
      return integer();
    }
    if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.STR)) {
      throw error("must be a size like 4096, 64 KiB or 32 MiB, got " + describe());
    }
    Matcher m = SIZE.matcher(s.getValue().trim());
    if (!m.matches()) {
      throw error("must be a size like 4096, 64 KiB or 32 MiB, got '" + s.getValue() + "'");
    }
    long n = Long.parseLong(m.group(1));
    long unit =
        switch (m.group(2) == null ? "B" : m.group(2)) {
          case "KiB" -> 1024L;
          case "MiB" -> 1024L * 1024;
          case "GiB" -> 1024L * 1024 * 1024;
          case "kB", "KB" -> 1000L;
          case "MB" -> 1000L * 1000;
          case "GB" -> 1000L * 1000 * 1000;
          default -> 1L;
        };
    try {
      return Math.multiplyExact(n, unit);
    } catch (ArithmeticException e) {
      throw error("is too large: '" + s.getValue() + "'", e);
    }
  }

  String file() {
    return file;
  }

  Node node() {
    return node;
  }
}
