package dev.forensics.exercise;

import dev.forensics.exercise.Answer.HashTarget;
import dev.forensics.exercise.Artifact.Hiding;
import dev.forensics.exercise.FileTimes.TimeKind;
import dev.forensics.exercise.internal.YamlMap;
import dev.forensics.exercise.internal.YamlNode;
import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a scenario file (YAML, UTF-8) into a {@link Scenario}, strictly: an unknown field, a value of the
 * wrong type, a missing required field, a bad value, a duplicate id, a reference to an unknown artifact,
 * points not above 0, or a question or description that gives away an answer is a {@link
 * ScenarioException} naming the file, the line and the field path ({@code questions[2].answer.tolerance};
 * list indexes count from 0). The format is described in {@code docs/formats.md}, section "Scenario files".
 *
 * <p>Only YAML's core types are read: type tags ({@code !!python/object}, {@code !foo}), merge keys and
 * more than {@value YamlNode#MAX_COLLECTION_ALIASES} aliases of collections are refused, and files above
 * {@value #MAX_BYTES} bytes are not read.
 */
public final class ScenarioReader {

  /** Largest scenario file read. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** The version of the scenario format this reader understands ({@code version: 1}). */
  public static final int VERSION = 1;

  /** Name of the notable hash set file when a known-bad artifact names none. */
  public static final String DEFAULT_HASH_SET = "notable-hashes.txt";

  /** Name of the seizure manifest when an altered artifact names none. */
  public static final String DEFAULT_SEIZURE_MANIFEST = "seizure-manifest.txt";

  private static final int MIN_LEAK_LENGTH = 4;

  private final String file;

  private ScenarioReader(String file) {
    this.file = file;
  }

  /**
   * Reads a scenario file; errors name the file by its file name.
   *
   * @throws IOException when the file cannot be read
   * @throws ScenarioException when it is not a valid scenario
   */
  public static Scenario read(Path path) throws IOException, ScenarioException {
    String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    if (Files.size(path) > MAX_BYTES) {
      throw new ScenarioException(name, 0, "", "larger than " + MAX_BYTES + " bytes: not a scenario file");
    }
    return read(Files.readAllBytes(path), name);
  }

  /**
   * Reads a scenario from a stream (at most {@link #MAX_BYTES} bytes); {@code name} is used in errors.
   */
  public static Scenario read(InputStream in, String name) throws IOException, ScenarioException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new ScenarioException(name, 0, "", "larger than " + MAX_BYTES + " bytes: not a scenario file");
    }
    return read(bytes, name);
  }

  /** Reads a scenario from bytes (UTF-8, an optional byte-order mark is skipped). */
  public static Scenario read(byte[] bytes, String name) throws ScenarioException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ScenarioException(name, 0, "", "not UTF-8 text", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new ScenarioReader(name).scenario(YamlNode.parse(text, name, MAX_BYTES));
  }

  // ------------------------------------------------------------------ document

  private Scenario scenario(YamlNode root) throws ScenarioException {
    YamlMap m =
        root.map()
            .expect(
                "version", "id", "title", "description", "topic", "seed", "time-zone", "time-window",
                "evidence", "background", "artifacts", "questions", "pass-mark");
    YamlNode version = m.required("version");
    if (version.integer() != VERSION) {
      throw version.error("must be " + VERSION + " (this version of forensics reads scenario format " + VERSION + ")");
    }
    YamlNode idNode = m.required("id");
    String id = build(idNode, () -> Ids.require(textOf(idNode)));
    String title = m.required("title").text();
    String description = m.required("description").text();
    String topic = m.required("topic").text();
    long seed = m.required("seed").integer();
    var zone = m.required("time-zone").zone();
    TimeWindow window = window(m.required("time-window"));
    ExerciseInfo info = new ExerciseInfo(id, title, description, topic, seed, zone, window);

    Evidence evidence = evidence(m.required("evidence"));
    List<BackgroundFiles> background =
        m.optional("background").isPresent() ? m.required("background").list(this::background) : List.of();

    Map<String, YamlNode> artifactNodes = new HashMap<>();
    List<Artifact> artifacts = new ArrayList<>();
    Map<String, YamlNode> pathNodes = new HashMap<>();
    if (m.has("artifacts")) {
      for (YamlNode n : m.required("artifacts").list()) {
        Artifact a = guarded(n, () -> artifact(n, evidence));
        YamlNode prev = artifactNodes.putIfAbsent(a.id(), n);
        if (prev != null) {
          throw at(n, "id").error("duplicate artifact id '" + a.id() + "' (first on line " + prev.line() + ")");
        }
        for (String p : a.paths()) {
          YamlNode prevPath = pathNodes.putIfAbsent(p, n);
          if (prevPath != null) {
            throw n.error("path '" + p + "' is already used by the artifact on line " + prevPath.line());
          }
        }
        artifacts.add(a);
      }
    }
    for (int i = 0; i < artifacts.size(); i++) {
      if (artifacts.get(i) instanceof Artifact.Duplicate d && !artifactNodes.containsKey(d.of())) {
        YamlNode n = artifactNodes.get(d.id());
        throw at(n, "of").error("no artifact has id '" + d.of() + "'");
      }
    }

    YamlNode qs = m.required("questions");
    List<YamlNode> questionNodes = qs.list();
    if (questionNodes.isEmpty()) {
      throw qs.error("needs at least one question");
    }
    List<Question> questions = new ArrayList<>();
    Map<String, YamlNode> questionIds = new HashMap<>();
    for (YamlNode n : questionNodes) {
      Question q = guarded(n, () -> question(n, artifactNodes.keySet(), evidence));
      YamlNode prev = questionIds.putIfAbsent(q.id(), n);
      if (prev != null) {
        throw at(n, "id").error("duplicate question id '" + q.id() + "' (first on line " + prev.line() + ")");
      }
      questions.add(q);
    }
    checkNoLeaks(m, questionNodes, questions, artifacts);

    YamlNode passNode = m.required("pass-mark");
    BigDecimal passMark = passNode.decimal();
    BigDecimal total = questions.stream().map(Question::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (passMark.signum() < 0) {
      throw passNode.error("must be >= 0");
    }
    if (passMark.compareTo(total) > 0) {
      throw passNode.error("must not exceed the total of all points, " + total.toPlainString());
    }
    checkOutputNames(m, evidence, artifacts, artifactNodes);
    return guarded(root, () -> new Scenario(info, evidence, background, artifacts, questions, passMark));
  }

  /** Files the builder writes into the output folder besides the evidence. */
  public static final List<String> OUTPUT_FILES =
      List.of("handout.md", "answer-sheet.yaml", "answer-key.json", "MANIFEST", "custody.jsonl");

  /**
   * Refuses an evidence folder, disk image or hash set named like another of them or like a file the
   * builder writes (compared ignoring case, as on FAT, NTFS and APFS).
   */
  private static void checkOutputNames(
      YamlMap root, Evidence evidence, List<Artifact> artifacts, Map<String, YamlNode> artifactNodes)
      throws ScenarioException {
    Map<String, String> used = new HashMap<>();
    for (String f : OUTPUT_FILES) {
      used.put(f.toLowerCase(Locale.ROOT), "a file the builder writes");
    }
    YamlMap ev = root.required("evidence").map();
    if (evidence.folder().isPresent()) {
      claim(used, evidence.folder().get(), "the evidence folder", ev.required("folder"));
    }
    if (evidence.diskImage().isPresent()) {
      claim(used, evidence.diskImage().get().fileName(), "the disk image",
          ev.required("disk-image").map().required("file"));
    }
    java.util.Set<String> sets = new java.util.HashSet<>();
    java.util.Set<String> manifests = new java.util.HashSet<>();
    for (Artifact a : artifacts) {
      if (a instanceof Artifact.KnownBad k && sets.add(k.hashSet().toLowerCase(Locale.ROOT))) {
        YamlNode n = artifactNodes.get(a.id());
        claim(used, k.hashSet(), "the notable hash set", n.map().optional("hash-set").orElse(n));
      }
      if (a instanceof Artifact.Altered k && manifests.add(k.manifest().toLowerCase(Locale.ROOT))) {
        YamlNode n = artifactNodes.get(a.id());
        claim(used, k.manifest(), "the seizure manifest", n.map().optional("manifest").orElse(n));
      }
    }
  }

  private static void claim(Map<String, String> used, String name, String what, YamlNode at)
      throws ScenarioException {
    String prev = used.putIfAbsent(name.toLowerCase(Locale.ROOT), what);
    if (prev != null) {
      throw at.error("'" + name + "' is also the name of " + prev + " in the output folder");
    }
  }

  private TimeWindow window(YamlNode n) throws ScenarioException {
    YamlMap m = n.map().expect("start", "end");
    Instant start = m.required("start").instant();
    YamlNode endNode = m.required("end");
    Instant end = endNode.instant();
    if (end.isBefore(start)) {
      throw endNode.error("must not be before start");
    }
    return new TimeWindow(start, end);
  }

  private Evidence evidence(YamlNode n) throws ScenarioException {
    YamlMap m = n.map().expect("folder", "disk-image");
    Optional<String> folder = Optional.empty();
    if (m.has("folder")) {
      YamlNode f = m.required("folder");
      String name = f.text();
      folder = Optional.of(build(f, () -> Paths.requireFileName(name, "folder")));
    }
    Optional<DiskImageSpec> disk = Optional.empty();
    if (m.has("disk-image")) {
      YamlMap d = m.required("disk-image").map().expect("file", "fat", "size", "label");
      YamlNode fileNode = d.required("file");
      String fileName = fileNode.text();
      build(fileNode, () -> Paths.requireFileName(fileName, "file"));
      FatType fat = d.required("fat").oneOf(ids(FatType.values(), FatType::id), s -> FatType.valueOf(s.toUpperCase(Locale.ROOT)));
      YamlNode sizeNode = d.required("size");
      long size = sizeNode.size();
      build(sizeNode, () -> new DiskImageSpec(fileName, fat, size, "X"));
      YamlNode labelNode = d.optional("label").orElse(null);
      String label = labelNode == null ? "EVIDENCE" : labelNode.text();
      disk = Optional.of(labelNode == null ? new DiskImageSpec(fileName, fat, size, label)
          : build(labelNode, () -> new DiskImageSpec(fileName, fat, size, label)));
    }
    if (folder.isEmpty() && disk.isEmpty()) {
      throw n.error("needs folder, disk-image or both");
    }
    return new Evidence(folder, disk);
  }

  private BackgroundFiles background(YamlNode n) throws ScenarioException {
    YamlMap m = n.map().expect("type", "count", "folder", "name");
    FileType type = fileType(m.required("type"));
    YamlNode countNode = m.required("count");
    long count = countNode.integer();
    if (count < 1 || count > BackgroundFiles.MAX_COUNT) {
      throw countNode.error("must be between 1 and " + BackgroundFiles.MAX_COUNT + ", got " + count);
    }
    NamePattern folder = NamePattern.parse("");
    if (m.has("folder")) {
      YamlNode f = m.required("folder");
      String text = f.text();
      folder = build(f, () -> {
        NamePattern p = NamePattern.parse(text);
        Paths.requireRelativePath(p.render(1, "word", java.time.LocalDate.of(2026, 1, 1)), "folder");
        return p;
      });
    }
    YamlNode nameNode = m.required("name");
    String nameText = nameNode.text();
    NamePattern name = build(nameNode, () -> {
      NamePattern p = NamePattern.parse(nameText);
      Paths.requireFileName(p.render(1, "word", java.time.LocalDate.of(2026, 1, 1)), "name");
      return p;
    });
    NamePattern f = folder;
    return build(nameNode, () -> new BackgroundFiles(type, (int) count, f, name));
  }

  // ------------------------------------------------------------------ artifacts

  private static final List<String> COMMON = List.of("id", "kind", "finding");

  private Artifact artifact(YamlNode n, Evidence evidence) throws ScenarioException {
    YamlMap m = n.map();
    YamlNode kindNode = m.required("kind");
    ArtifactKind kind =
        kindNode.oneOf(ids(ArtifactKind.values(), ArtifactKind::id), s -> ArtifactKind.lookup(s).orElseThrow());
    List<String> fields = new ArrayList<>(COMMON);
    fields.addAll(
        switch (kind) {
          case FILE, DELETED_FILE, SLACK_DATA -> List.of("path", "type", "text", "times");
          case RENAMED -> List.of("path", "type", "times");
          case HIDDEN -> List.of("path", "type", "hiding", "text", "times");
          case APPENDED_DATA -> List.of("path", "carrier", "payload", "text", "times");
          case EMBEDDED_ARCHIVE -> List.of("path", "carrier", "entries", "times");
          case ENCRYPTED_CONTAINER -> List.of("path", "size", "times");
          case KNOWN_BAD -> List.of("path", "type", "hash-set", "times");
          case ALTERED -> List.of("path", "type", "manifest", "times");
          case DUPLICATE -> List.of("of", "paths", "times");
          case UNALLOCATED_DATA -> List.of("type", "text");
        });
    m.expect(fields.toArray(String[]::new));
    if (kind.diskOnly() && evidence.diskImage().isEmpty()) {
      throw kindNode.error(kind.id() + " needs evidence.disk-image (it exists only on a disk image)");
    }
    YamlNode idNode = m.required("id");
    String id = idNode.text();
    build(idNode, () -> Ids.require(id));
    Optional<String> finding = optionalText(m, "finding");
    Optional<String> text = kind == ArtifactKind.FILE || kind == ArtifactKind.DELETED_FILE
        || kind == ArtifactKind.SLACK_DATA || kind == ArtifactKind.HIDDEN || kind == ArtifactKind.APPENDED_DATA
        || kind == ArtifactKind.UNALLOCATED_DATA ? optionalText(m, "text") : Optional.empty();
    FileTimes times = m.has("times") ? times(m.required("times")) : FileTimes.NONE;
    return switch (kind) {
      case FILE -> {
        String path = path(m);
        FileType type = fileType(m.required("type"));
        yield build(at(n, "path"), () -> new Artifact.PlainFile(id, path, type, text, times, finding));
      }
      case RENAMED -> {
        String path = path(m);
        FileType type = fileType(m.required("type"));
        yield build(at(n, "path"), () -> new Artifact.Renamed(id, path, type, times, finding));
      }
      case HIDDEN -> {
        String path = path(m);
        FileType type = fileType(m.required("type"));
        Hiding hiding = m.required("hiding").oneOf(ids(Hiding.values(), Hiding::id),
            s -> Arrays.stream(Hiding.values()).filter(h -> h.id().equals(s)).findFirst().orElseThrow());
        yield build(at(n, "path"), () -> new Artifact.Hidden(id, path, type, hiding, text, times, finding));
      }
      case APPENDED_DATA -> {
        String path = path(m);
        FileType carrier = carrier(m.required("carrier"));
        FileType payload = m.has("payload") ? fileType(m.required("payload")) : FileType.TEXT;
        yield build(at(n, "path"), () -> new Artifact.AppendedData(id, path, carrier, payload, text, times, finding));
      }
      case EMBEDDED_ARCHIVE -> {
        String path = path(m);
        FileType carrier = carrier(m.required("carrier"));
        YamlNode entriesNode = m.required("entries");
        List<String> entries = nonEmptyList(entriesNode, e -> {
          String s = e.text();
          return build(e, () -> Paths.requireRelativePath(s, "entry"));
        });
        yield build(at(n, "path"), () -> new Artifact.EmbeddedArchive(id, path, carrier, entries, times, finding));
      }
      case ENCRYPTED_CONTAINER -> {
        String path = path(m);
        YamlNode sizeNode = m.required("size");
        long size = sizeNode.size();
        build(sizeNode, () -> new Artifact.EncryptedContainer(id, "x", size, FileTimes.NONE, Optional.empty()));
        yield new Artifact.EncryptedContainer(id, path, size, times, finding);
      }
      case KNOWN_BAD -> {
        String path = path(m);
        FileType type = fileType(m.required("type"));
        String hashSet = DEFAULT_HASH_SET;
        if (m.has("hash-set")) {
          YamlNode h = m.required("hash-set");
          String s = h.text();
          hashSet = build(h, () -> Paths.requireFileName(s, "hash-set"));
        }
        String hs = hashSet;
        yield build(at(n, "path"), () -> new Artifact.KnownBad(id, path, type, hs, times, finding));
      }
      case ALTERED -> {
        String path = path(m);
        FileType type = fileType(m.required("type"));
        String manifest = DEFAULT_SEIZURE_MANIFEST;
        if (m.has("manifest")) {
          YamlNode h = m.required("manifest");
          String s = h.text();
          manifest = build(h, () -> Paths.requireFileName(s, "manifest"));
        }
        String mf = manifest;
        yield build(at(n, "path"), () -> new Artifact.Altered(id, path, type, mf, times, finding));
      }
      case DUPLICATE -> {
        YamlNode ofNode = m.required("of");
        String of = ofNode.text();
        build(ofNode, () -> Ids.require(of));
        if (of.equals(id)) {
          throw ofNode.error("must name another artifact, not itself");
        }
        List<String> paths = nonEmptyList(m.required("paths"), e -> {
          String s = e.text();
          return build(e, () -> Paths.requireRelativePath(s, "path"));
        });
        yield new Artifact.Duplicate(id, of, paths, times, finding);
      }
      case DELETED_FILE -> {
        String path = path(m);
        FileType type = fileType(m.required("type"));
        yield new Artifact.DeletedFile(id, path, type, text, times, finding);
      }
      case SLACK_DATA -> {
        String path = path(m);
        FileType type = fileType(m.required("type"));
        YamlNode textNode = m.optional("text").orElse(n);
        yield build(textNode, () -> new Artifact.SlackData(id, path, type, text, times, finding));
      }
      case UNALLOCATED_DATA -> {
        FileType type = fileType(m.required("type"));
        yield new Artifact.UnallocatedData(id, type, text, finding);
      }
    };
  }

  private String path(YamlMap m) throws ScenarioException {
    YamlNode p = m.required("path");
    String s = p.text();
    return build(p, () -> Paths.requireRelativePath(s, "path"));
  }

  private FileTimes times(YamlNode n) throws ScenarioException {
    YamlMap m = n.map().expect("modified", "accessed", "created");
    Optional<Instant> modified = m.has("modified") ? Optional.of(m.required("modified").instant()) : Optional.empty();
    Optional<Instant> accessed = m.has("accessed") ? Optional.of(m.required("accessed").instant()) : Optional.empty();
    Optional<Instant> created = m.has("created") ? Optional.of(m.required("created").instant()) : Optional.empty();
    return new FileTimes(modified, accessed, created);
  }

  private FileType fileType(YamlNode n) throws ScenarioException {
    return n.oneOf(ids(FileType.values(), FileType::id), s -> FileType.lookup(s).orElseThrow());
  }

  private FileType carrier(YamlNode n) throws ScenarioException {
    FileType t = fileType(n);
    if (!t.isImage()) {
      throw n.error("must be an image type (jpeg, png or gif), got " + t.id());
    }
    return t;
  }

  // ------------------------------------------------------------------ questions

  private Question question(YamlNode n, java.util.Set<String> artifactIds, Evidence evidence)
      throws ScenarioException {
    YamlMap m = n.map().expect("id", "text", "points", "answer");
    YamlNode idNode = m.required("id");
    String id = idNode.text();
    build(idNode, () -> Ids.require(id));
    String text = m.required("text").text();
    YamlNode pointsNode = m.required("points");
    BigDecimal points = pointsNode.decimal();
    if (points.signum() <= 0) {
      throw pointsNode.error("must be > 0");
    }
    Answer answer = answer(m.required("answer"), artifactIds, evidence);
    return new Question(id, text, points, answer);
  }

  private Answer answer(YamlNode n, java.util.Set<String> artifactIds, Evidence evidence)
      throws ScenarioException {
    YamlMap m = n.map();
    YamlNode kindNode = m.required("kind");
    AnswerKind kind =
        kindNode.oneOf(ids(AnswerKind.values(), AnswerKind::id), s -> AnswerKind.lookup(s).orElseThrow());
    switch (kind) {
      case HASH -> {
        m.expect("kind", "algorithm", "artifact", "value", "disk-image");
        YamlNode algNode = m.required("algorithm");
        String algName = algNode.text();
        HashAlgorithm alg = build(algNode, () -> HashAlgorithm.fromName(algName));
        exactlyOne(m, n, "artifact", "value", "disk-image");
        HashTarget target;
        if (m.has("artifact")) {
          target = new Answer.OfArtifact(ref(m.required("artifact"), artifactIds));
        } else if (m.has("value")) {
          YamlNode v = m.required("value");
          String hex = v.text();
          target = new Answer.LiteralDigest(build(v, () -> Digest.ofHex(alg, hex)));
        } else {
          YamlNode d = m.required("disk-image");
          if (!d.bool()) {
            throw d.error("must be true (or leave it out and give artifact or value)");
          }
          if (evidence.diskImage().isEmpty()) {
            throw d.error("needs evidence.disk-image");
          }
          target = new Answer.OfDiskImage();
        }
        return new Answer.Hash(alg, target);
      }
      case FILE_SET -> {
        m.expect("kind", "artifacts", "kinds", "scoring");
        List<String> artifacts = m.has("artifacts") ? refs(m.required("artifacts"), artifactIds) : List.of();
        List<ArtifactKind> kinds = m.has("kinds") ? artifactKinds(m.required("kinds")) : List.of();
        if (artifacts.isEmpty() && kinds.isEmpty()) {
          throw n.error("needs artifacts, kinds or both");
        }
        SetScoring scoring = m.has("scoring")
            ? m.required("scoring").oneOf(ids(SetScoring.values(), SetScoring::id),
                s -> s.equals("f1") ? SetScoring.F1 : SetScoring.PER_ITEM)
            : SetScoring.F1;
        return new Answer.FileSet(artifacts, kinds, scoring);
      }
      case COUNT -> {
        m.expect("kind", "value", "kinds", "types", "tolerance");
        exactlyOne(m, n, "value", "kinds", "types");
        Optional<Long> value = Optional.empty();
        if (m.has("value")) {
          YamlNode v = m.required("value");
          long x = v.integer();
          if (x < 0) {
            throw v.error("must be >= 0");
          }
          value = Optional.of(x);
        }
        List<ArtifactKind> kinds = m.has("kinds") ? artifactKinds(m.required("kinds")) : List.of();
        List<FileType> types = m.has("types") ? nonEmptyList(m.required("types"), this::fileType) : List.of();
        long tolerance = 0;
        if (m.has("tolerance")) {
          YamlNode t = m.required("tolerance");
          tolerance = t.integer();
          if (tolerance < 0) {
            throw t.error("must be >= 0");
          }
        }
        return new Answer.Count(value, kinds, types, tolerance);
      }
      case TIMESTAMP -> {
        m.expect("kind", "value", "artifact", "time", "window", "assume-zone");
        exactlyOne(m, n, "value", "artifact");
        Optional<Instant> value = m.has("value") ? Optional.of(m.required("value").instant()) : Optional.empty();
        Optional<String> artifact =
            m.has("artifact") ? Optional.of(ref(m.required("artifact"), artifactIds)) : Optional.empty();
        TimeKind time = TimeKind.MODIFIED;
        if (m.has("time")) {
          if (artifact.isEmpty()) {
            throw m.required("time").error("applies only with artifact");
          }
          time = m.required("time").oneOf(ids(TimeKind.values(), TimeKind::id),
              s -> TimeKind.valueOf(s.toUpperCase(Locale.ROOT)));
        }
        Duration window = m.has("window") ? m.required("window").duration() : Duration.ZERO;
        Optional<java.time.ZoneId> assume =
            m.has("assume-zone") ? Optional.of(m.required("assume-zone").zone()) : Optional.empty();
        return new Answer.Timestamp(value, artifact, time, window, assume);
      }
      case TEXT -> {
        m.expect("kind", "accepted", "regex", "artifact", "case-sensitive");
        List<String> accepted = m.has("accepted") ? nonEmptyList(m.required("accepted"), YamlNode::text) : List.of();
        List<String> regex = new ArrayList<>();
        if (m.has("regex")) {
          for (YamlNode r : m.required("regex").list()) {
            String s = r.text();
            build(r, () -> new Answer.Text(List.of(), List.of(s), Optional.empty(), false));
            regex.add(s);
          }
        }
        Optional<String> artifact = Optional.empty();
        if (m.has("artifact")) {
          YamlNode a = m.required("artifact");
          artifact = Optional.of(ref(a, artifactIds));
        }
        if (accepted.isEmpty() && regex.isEmpty() && artifact.isEmpty()) {
          throw n.error("needs accepted, regex or artifact");
        }
        boolean cs = m.has("case-sensitive") && m.required("case-sensitive").bool();
        return new Answer.Text(accepted, regex, artifact, cs);
      }
      case RECOVERED_FILES -> {
        m.expect("kind", "artifacts");
        return new Answer.RecoveredFiles(refs(m.required("artifacts"), artifactIds));
      }
      case CUSTODY -> {
        m.expect("kind", "steps", "hashes-must-match");
        List<String> steps = nonEmptyList(m.required("steps"), s -> {
          String v = s.text();
          return build(s, () -> new Answer.Custody(List.of(v), false).steps().get(0));
        });
        boolean hashes = !m.has("hashes-must-match") || m.required("hashes-must-match").bool();
        return new Answer.Custody(steps, hashes);
      }
      default -> throw new AssertionError(kind);
    }
  }

  private static void exactlyOne(YamlMap m, YamlNode n, String... keys) throws ScenarioException {
    List<String> given = new ArrayList<>();
    for (String k : keys) {
      if (m.has(k)) {
        given.add(k);
      }
    }
    if (given.size() != 1) {
      throw n.error("needs exactly one of " + String.join(", ", keys)
          + (given.isEmpty() ? "" : " (got " + String.join(", ", given) + ")"));
    }
  }

  private String ref(YamlNode n, java.util.Set<String> artifactIds) throws ScenarioException {
    String id = n.text();
    if (!artifactIds.contains(id)) {
      throw n.error("no artifact has id '" + id + "'");
    }
    return id;
  }

  private List<String> refs(YamlNode n, java.util.Set<String> artifactIds) throws ScenarioException {
    return nonEmptyList(n, e -> ref(e, artifactIds));
  }

  private List<ArtifactKind> artifactKinds(YamlNode n) throws ScenarioException {
    return nonEmptyList(n, k -> k.oneOf(ids(ArtifactKind.values(), ArtifactKind::id),
        s -> ArtifactKind.lookup(s).orElseThrow()));
  }

  private static <T> List<T> nonEmptyList(YamlNode n, YamlNode.Reader<T> each) throws ScenarioException {
    List<T> items = n.list(each);
    if (items.isEmpty()) {
      throw n.error("must not be empty");
    }
    return items;
  }

  // ------------------------------------------------------------------ leaks

  /**
   * Refuses a description or question text that contains a literal answer (accepted text, digest) or the
   * secret text of an artifact that an answer refers to: the handout would give it away.
   */
  private static void checkNoLeaks(
      YamlMap root, List<YamlNode> questionNodes, List<Question> questions, List<Artifact> artifacts)
      throws ScenarioException {
    Map<String, String> secrets = new HashMap<>();
    for (Question q : questions) {
      Answer a = q.answer();
      if (a instanceof Answer.Hash h && h.target() instanceof Answer.LiteralDigest d) {
        secrets.put(d.value().hex(), "the answer to " + q.id());
      } else if (a instanceof Answer.Text t) {
        t.accepted().forEach(s -> secrets.put(s.strip(), "an accepted answer to " + q.id()));
      }
    }
    for (Artifact art : artifacts) {
      secretText(art).ifPresent(s -> secrets.put(s.strip(), "the secret text of artifact " + art.id()));
    }
    List<YamlNode> places = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    places.add(root.required("description"));
    texts.add(root.required("description").text());
    for (int i = 0; i < questions.size(); i++) {
      places.add(questionNodes.get(i).map().required("text"));
      texts.add(questions.get(i).text());
    }
    for (int i = 0; i < texts.size(); i++) {
      String hay = texts.get(i).toLowerCase(Locale.ROOT);
      for (Map.Entry<String, String> s : secrets.entrySet()) {
        if (s.getKey().length() >= MIN_LEAK_LENGTH && hay.contains(s.getKey().toLowerCase(Locale.ROOT))) {
          throw places.get(i).error("gives away " + s.getValue() + " ('" + s.getKey() + "')");
        }
      }
    }
  }

  private static Optional<String> secretText(Artifact a) {
    if (a instanceof Artifact.PlainFile f) {
      return f.text();
    } else if (a instanceof Artifact.Hidden h) {
      return h.text();
    } else if (a instanceof Artifact.AppendedData d) {
      return d.text();
    } else if (a instanceof Artifact.DeletedFile d) {
      return d.text();
    } else if (a instanceof Artifact.SlackData s) {
      return s.text();
    } else if (a instanceof Artifact.UnallocatedData u) {
      return u.text();
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ helpers

  private static Optional<String> optionalText(YamlMap m, String key) throws ScenarioException {
    return m.has(key) ? Optional.of(m.required(key).text()) : Optional.empty();
  }

  private static String textOf(YamlNode n) {
    try {
      return n.text();
    } catch (ScenarioException e) {
      throw new WrappedScenarioException(e);
    }
  }

  /** Carries a ScenarioException through a Supplier. */
  private static final class WrappedScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrappedScenarioException(ScenarioException e) {
      super(e);
    }
  }

  /** Runs a constructor or check; an IllegalArgumentException becomes an error at the node. */
  private static <T> T build(YamlNode at, Supplier<T> make) throws ScenarioException {
    try {
      return make.get();
    } catch (WrappedScenarioException e) {
      throw (ScenarioException) e.getCause();
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage(), e);
    }
  }

  /** Reads a part; an IllegalArgumentException a record throws becomes an error at the part's node. */
  private interface Part<T> {
    T read() throws ScenarioException;
  }

  private static <T> T guarded(YamlNode at, Part<T> part) throws ScenarioException {
    try {
      return part.read();
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage(), e);
    }
  }

  /** The node of a field of a mapping node, or the mapping itself when the field is absent. */
  private static YamlNode at(YamlNode mapping, String key) throws ScenarioException {
    return mapping.map().optional(key).orElse(mapping);
  }

  private static <E> List<String> ids(E[] values, java.util.function.Function<E, String> id) {
    return Arrays.stream(values).map(id).toList();
  }
}
