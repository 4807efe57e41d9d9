package dev.forensics.exercise;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forensics.exercise.AnswerSheet.Blank;
import dev.forensics.exercise.AnswerSheet.Items;
import dev.forensics.exercise.AnswerSheet.Problem;
import dev.forensics.exercise.AnswerSheet.Text;
import dev.forensics.exercise.AnswerSheet.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a filled answer sheet (the YAML of {@link Handout#answerSheet}, or the same structure in JSON) from
 * an untrusted student. It never throws for bad content: a file too large, not UTF-8, not YAML/JSON or not a
 * mapping gives a sheet with every answer blank and a problem; a value of the wrong shape, an unknown or
 * repeated question id gives a problem for that question. Only I/O errors are thrown.
 */
public final class AnswerSheetReader {

  /** Largest sheet read. */
  public static final int MAX_BYTES = 256 * 1024;
  /** Longest single answer, in characters. */
  public static final int MAX_ANSWER_CHARS = 10_000;
  /** Most items of a list answer. */
  public static final int MAX_ITEMS = 1_000;

  private static final Set<String> TOP = Set.of("exercise", "variant", "student-id", "name", "answers");

  private AnswerSheetReader() {}

  /** Reads a sheet from a stream (at most {@link #MAX_BYTES} bytes are read). */
  public static AnswerSheet read(InputStream in, List<String> questionIds) throws IOException {
    return read(in.readNBytes(MAX_BYTES + 1), questionIds);
  }

  /**
   * Reads a sheet.
   *
   * @param questionIds the exercise's question ids, in handout order; the sheet has one value for each
   */
  public static AnswerSheet read(byte[] bytes, List<String> questionIds) {
    Sheet sheet = new Sheet(questionIds);
    if (bytes.length > MAX_BYTES) {
      return sheet.fail("larger than " + MAX_BYTES + " bytes: not an answer sheet");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return sheet.fail("not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Raw root;
    if (text.stripLeading().startsWith("{")) {
      // JSON, or a YAML flow mapping such as {answers: {q1: abc}}: JSON first, YAML if that fails
      Sheet jsonProblems = new Sheet(questionIds);
      root = json(text, jsonProblems);
      if (root == null) {
        Sheet yamlProblems = new Sheet(questionIds);
        root = yaml(text, yamlProblems);
        (root == null ? jsonProblems : yamlProblems).problems.forEach(sheet.problems::add);
      }
    } else {
      root = yaml(text, sheet);
    }
    if (root == null) {
      return sheet.build();
    }
    return sheet.fill(root);
  }

  // ------------------------------------------------------------------ a parsed value, YAML or JSON

  /** A parsed value with its line (0 when unknown); exactly one of the shapes. */
  private record Raw(int line, Optional<String> scalar, Optional<List<Raw>> list,
      Optional<List<Map.Entry<Raw, Raw>>> map) {
    boolean isNull() {
      return scalar.isEmpty() && list.isEmpty() && map.isEmpty();
    }
  }

  private static Raw yaml(String text, Sheet sheet) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(10);
    options.setCodePointLimit(MAX_BYTES);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      sheet.problem(Optional.empty(), line, "not valid YAML: " + oneLine(e.getProblem()));
      return null;
    } catch (YAMLException e) {
      sheet.problem(Optional.empty(), 0, "not valid YAML: " + oneLine(e.getMessage()));
      return null;
    }
    if (root == null) {
      sheet.problem(Optional.empty(), 0, "the file is empty");
      return null;
    }
    return raw(root, 0);
  }

  private static Raw raw(Node n, int depth) {
    int line = n.getStartMark().getLine() + 1;
    if (n instanceof ScalarNode s) {
      return s.getTag().equals(Tag.NULL)
          ? new Raw(line, Optional.empty(), Optional.empty(), Optional.empty())
          : new Raw(line, Optional.of(s.getValue()), Optional.empty(), Optional.empty());
    }
    if (depth >= 3) {
      // deeper than any sheet needs; recursive aliases end here too
      return new Raw(line, Optional.empty(), Optional.of(List.of()), Optional.of(List.of()));
    }
    if (n instanceof SequenceNode s) {
      List<Raw> items = new ArrayList<>();
      for (Node c : s.getValue()) {
        items.add(raw(c, depth + 1));
      }
      return new Raw(line, Optional.empty(), Optional.of(items), Optional.empty());
    }
    List<Map.Entry<Raw, Raw>> entries = new ArrayList<>();
    for (NodeTuple t : ((MappingNode) n).getValue()) {
      entries.add(Map.entry(raw(t.getKeyNode(), depth + 1), raw(t.getValueNode(), depth + 1)));
    }
    return new Raw(line, Optional.empty(), Optional.empty(), Optional.of(entries));
  }

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10).maxStringLength(MAX_BYTES).build())
      .build();

  private static Raw json(String text, Sheet sheet) {
    try (JsonParser p = JSON.createParser(text)) {
      JsonNode root = new ObjectMapper(JSON).readTree(p);
      return root == null ? null : raw(root);
    } catch (StreamReadException e) {
      sheet.problem(Optional.empty(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not valid JSON: " + oneLine(e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      sheet.problem(Optional.empty(), 0, "not valid JSON: " + oneLine(e.getMessage()));
      return null;
    }
  }

  private static Raw raw(JsonNode n) {
    if (n.isNull() || n.isMissingNode()) {
      return new Raw(0, Optional.empty(), Optional.empty(), Optional.empty());
    }
    if (n.isValueNode()) {
      return new Raw(0, Optional.of(n.asText()), Optional.empty(), Optional.empty());
    }
    if (n.isArray()) {
      List<Raw> items = new ArrayList<>();
      n.forEach(c -> items.add(raw(c)));
      return new Raw(0, Optional.empty(), Optional.of(items), Optional.empty());
    }
    List<Map.Entry<Raw, Raw>> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      entries.add(Map.entry(new Raw(0, Optional.of(e.getKey()), Optional.empty(), Optional.empty()), raw(e.getValue())));
    }
    return new Raw(0, Optional.empty(), Optional.empty(), Optional.of(entries));
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  // ------------------------------------------------------------------ building the sheet

  private static final class Sheet {
    private final List<String> questionIds;
    private final Map<String, Value> answers = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Optional<String>> top = new LinkedHashMap<>();

    Sheet(List<String> questionIds) {
      this.questionIds = List.copyOf(new LinkedHashSet<>(questionIds));
      for (String q : this.questionIds) {
        answers.put(q, new Blank());
      }
    }

    void problem(Optional<String> question, long line, String message) {
      problems.add(new Problem(question, (int) Math.min(line, Integer.MAX_VALUE), message));
    }

    AnswerSheet fail(String message) {
      problem(Optional.empty(), 0, message);
      return build();
    }

    AnswerSheet build() {
      problems.sort(java.util.Comparator.comparingInt(Problem::line));
      return new AnswerSheet(get("exercise"), get("variant"), get("student-id"), get("name"), answers, problems);
    }

    private Optional<String> get(String key) {
      return top.getOrDefault(key, Optional.empty());
    }

    AnswerSheet fill(Raw root) {
      if (root.map().isEmpty()) {
        return fail("must be a mapping with an answers: section");
      }
      Set<String> seen = new LinkedHashSet<>();
      Raw answersRaw = null;
      for (Map.Entry<Raw, Raw> e : root.map().get()) {
        Optional<String> key = e.getKey().scalar();
        if (key.isEmpty() || !TOP.contains(key.get())) {
          problem(Optional.empty(), e.getKey().line(), "unknown field " + key.map(k -> "'" + k + "'").orElse("")
              + " ignored (known: exercise, variant, student-id, name, answers)");
          continue;
        }
        if (!seen.add(key.get())) {
          problem(Optional.empty(), e.getKey().line(), "field '" + key.get() + "' given twice; the first is used");
          continue;
        }
        if (key.get().equals("answers")) {
          answersRaw = e.getValue();
        } else if (e.getValue().isNull() || e.getValue().scalar().map(String::isBlank).orElse(false)) {
          top.put(key.get(), Optional.empty());
        } else if (e.getValue().scalar().isPresent() && e.getValue().scalar().get().length() <= 200) {
          top.put(key.get(), Optional.of(e.getValue().scalar().get().strip()));
        } else {
          problem(Optional.empty(), e.getValue().line(), "'" + key.get() + "' must be short text; ignored");
        }
      }
      if (answersRaw == null || answersRaw.isNull()) {
        return fail("no answers: section");
      }
      if (answersRaw.map().isEmpty()) {
        return fail("answers: must be a mapping of question id to answer");
      }
      Set<String> given = new LinkedHashSet<>();
      for (Map.Entry<Raw, Raw> e : answersRaw.map().get()) {
        Optional<String> q = e.getKey().scalar();
        if (q.isEmpty() || !answers.containsKey(q.get())) {
          problem(Optional.empty(), e.getKey().line(),
              "answers: " + q.map(k -> "'" + k + "'").orElse("a key") + " is not a question of this exercise; ignored");
          continue;
        }
        if (!given.add(q.get())) {
          problem(q, e.getKey().line(), "answered twice; the first answer is used");
          continue;
        }
        answers.put(q.get(), value(q.get(), e.getValue()));
      }
      return build();
    }

    private Value value(String q, Raw v) {
      Optional<String> qid = Optional.of(q);
      if (v.isNull()) {
        return new Blank();
      }
      if (v.scalar().isPresent()) {
        String s = v.scalar().get();
        if (s.length() > MAX_ANSWER_CHARS) {
          problem(qid, v.line(), "answer longer than " + MAX_ANSWER_CHARS + " characters; not read");
          return new Blank();
        }
        return s.isBlank() ? new Blank() : new Text(s.strip());
      }
      if (v.list().isPresent() && v.map().isEmpty()) {
        List<Raw> items = v.list().get();
        if (items.size() > MAX_ITEMS) {
          problem(qid, v.line(), "more than " + MAX_ITEMS + " items; not read");
          return new Blank();
        }
        List<String> out = new ArrayList<>();
        for (Raw item : items) {
          if (item.isNull()) {
            continue;
          }
          if (item.scalar().isEmpty()) {
            problem(qid, item.line() > 0 ? item.line() : v.line(), "list items must be text; answer not read");
            return new Blank();
          }
          String s = item.scalar().get();
          if (s.length() > MAX_ANSWER_CHARS) {
            problem(qid, item.line(), "item longer than " + MAX_ANSWER_CHARS + " characters; answer not read");
            return new Blank();
          }
          if (!s.isBlank()) {
            out.add(s.strip());
          }
        }
        return out.isEmpty() ? new Blank() : new Items(out);
      }
      problem(qid, v.line(), "must be text or a list of text; answer not read");
      return new Blank();
    }
  }
}
