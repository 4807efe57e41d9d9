package dev.forensics.exercise;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forensics.exercise.ExpectedAnswer.HashSource;
import dev.forensics.exercise.FileTimes.TimeKind;
import dev.forensics.exercise.internal.JsonObject;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes and reads {@code answer-key.json}: UTF-8, fields in a fixed order, two-space indentation, LF line
 * ends, times in UTC ISO-8601 with {@code Z}, durations in ISO-8601 ({@code PT2S}), digests in lower-case
 * hex, points as plain decimals; absent optional fields are left out. The layout is documented in {@code
 * docs/formats.md}, section "Answer key". Reading is strict: unknown fields, wrong types and bad values are
 * {@link AnswerKeyException}s naming the field path.
 */
public final class AnswerKeyJson {

  /** Value of the {@code format} field. */
  public static final String FORMAT = "forensics-answer-key";
  /** Value of the {@code version} field written and read. */
  public static final int VERSION = 1;
  /** Largest answer key read. */
  public static final int MAX_BYTES = 64 * 1024 * 1024;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private AnswerKeyJson() {}

  // ------------------------------------------------------------------ writing

  /** Writes the key; the stream is flushed, not closed. */
  public static void write(AnswerKey key, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      DefaultIndenter lf = new DefaultIndenter("  ", "\n");
      g.setPrettyPrinter(new DefaultPrettyPrinter()
          .withSeparators(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""))
          .withObjectIndenter(lf)
          .withArrayIndenter(lf));
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      g.writeObjectFieldStart("exercise");
      g.writeStringField("id", key.exerciseId());
      g.writeStringField("title", key.title());
      g.writeNumberField("scenarioSeed", key.scenarioSeed());
      if (key.variant().isPresent()) {
        g.writeStringField("variant", key.variant().get().label());
      }
      g.writeNumberField("seed", key.seed());
      g.writeStringField("timeZone", key.timeZone().getId());
      g.writeEndObject();
      g.writeFieldName("totalPoints");
      writePoints(g, key.totalPoints());
      g.writeFieldName("passMark");
      writePoints(g, key.passMark());
      g.writeArrayFieldStart("questions");
      for (KeyQuestion q : key.questions()) {
        writeQuestion(g, q);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("artifacts");
      for (PlantedArtifact a : key.artifacts()) {
        writeArtifact(g, a);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    out.flush();
  }

  private static void writePoints(JsonGenerator g, BigDecimal points) throws IOException {
    BigDecimal p = points.stripTrailingZeros();
    g.writeNumber(p.scale() < 0 ? p.setScale(0).toPlainString() : p.toPlainString());
  }

  private static void writeQuestion(JsonGenerator g, KeyQuestion q) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", q.id());
    g.writeStringField("text", q.text());
    g.writeFieldName("points");
    writePoints(g, q.points());
    ExpectedAnswer e = q.expected();
    g.writeStringField("kind", e.kind().id());
    g.writeObjectFieldStart("expected");
    if (e instanceof ExpectedAnswer.Hash h) {
      g.writeStringField("algorithm", h.algorithm().id());
      g.writeStringField("value", h.value().hex());
      g.writeStringField("source", h.source().id());
      if (h.artifact().isPresent()) {
        g.writeStringField("artifact", h.artifact().get());
      }
    } else if (e instanceof ExpectedAnswer.FileSet s) {
      g.writeStringField("scoring", s.scoring().id());
      writeItems(g, s.items());
    } else if (e instanceof ExpectedAnswer.Count c) {
      g.writeNumberField("value", c.value());
      g.writeNumberField("tolerance", c.tolerance());
    } else if (e instanceof ExpectedAnswer.Timestamp t) {
      g.writeStringField("value", instant(t.value()));
      g.writeStringField("window", t.window().toString());
      if (t.assumeZone().isPresent()) {
        g.writeStringField("assumeZone", t.assumeZone().get().getId());
      }
    } else if (e instanceof ExpectedAnswer.Text t) {
      writeStrings(g, "accepted", t.accepted());
      writeStrings(g, "regex", t.regex());
      g.writeBooleanField("caseSensitive", t.caseSensitive());
    } else if (e instanceof ExpectedAnswer.RecoveredFiles r) {
      writeItems(g, r.items());
    } else if (e instanceof ExpectedAnswer.Custody c) {
      writeStrings(g, "steps", c.steps());
      g.writeBooleanField("hashesMustMatch", c.hashesMustMatch());
      writeHashes(g, "evidenceHashes", c.evidenceHashes());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeItems(JsonGenerator g, List<SetItem> items) throws IOException {
    g.writeArrayFieldStart("items");
    for (SetItem i : items) {
      g.writeStartObject();
      g.writeStringField("artifact", i.artifact());
      if (i.path().isPresent()) {
        g.writeStringField("path", i.path().get());
      }
      if (i.sha256().isPresent()) {
        g.writeStringField("sha256", i.sha256().get().hex());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void writeHashes(JsonGenerator g, String name, DigestSet hashes) throws IOException {
    g.writeObjectFieldStart(name);
    for (Digest d : hashes.digests()) {
      g.writeStringField(d.algorithm().id(), d.hex());
    }
    g.writeEndObject();
  }

  private static void writeArtifact(JsonGenerator g, PlantedArtifact a) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id());
    g.writeStringField("kind", a.kind().id());
    writeStrings(g, "paths", a.paths());
    if (a.type().isPresent()) {
      g.writeStringField("type", a.type().get().id());
    }
    if (a.size().isPresent()) {
      g.writeNumberField("size", a.size().get());
    }
    writeHashes(g, "hashes", a.hashes());
    g.writeArrayFieldStart("ranges");
    for (ByteRange r : a.ranges()) {
      g.writeStartObject();
      g.writeStringField("within", r.within().id());
      g.writeNumberField("offset", r.offset());
      g.writeNumberField("length", r.length());
      g.writeStringField("what", r.what());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (a.secret().isPresent()) {
      g.writeStringField("secret", a.secret().get());
    }
    g.writeObjectFieldStart("times");
    for (TimeKind k : TimeKind.values()) {
      if (a.times().get(k).isPresent()) {
        g.writeStringField(k.id(), instant(a.times().get(k).get()));
      }
    }
    g.writeEndObject();
    g.writeStringField("finding", a.finding());
    g.writeEndObject();
  }

  private static String instant(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  // ------------------------------------------------------------------ reading

  /**
   * Reads an answer key; {@code name} is used in errors.
   *
   * @throws AnswerKeyException when it is not a valid answer key of this version
   */
  public static AnswerKey read(InputStream in, String name) throws IOException, AnswerKeyException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new AnswerKeyException(name, "", "larger than " + MAX_BYTES + " bytes: not an answer key");
    }
    JsonNode root;
    try (JsonParser p = FACTORY.createParser(bytes)) {
      root = MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw new AnswerKeyException(name, "", "text after the JSON object");
      }
    } catch (StreamReadException e) {
      throw new AnswerKeyException(name, "", "not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ")", e);
    }
    return new Reader(name).key(new JsonObject(name, "", root));
  }

  private static final class Reader {
    private final String file;

    Reader(String file) {
      this.file = file;
    }

    AnswerKey key(JsonObject o) throws AnswerKeyException {
      o.expect("format", "version", "exercise", "totalPoints", "passMark", "questions", "artifacts");
      if (!FORMAT.equals(o.text("format"))) {
        throw o.error("format", "must be " + FORMAT);
      }
      if (o.integer("version") != VERSION) {
        throw o.error("version", "must be " + VERSION + " (this version of forensics reads answer keys of version " + VERSION + ")");
      }
      JsonObject ex = o.object("exercise").expect("id", "title", "scenarioSeed", "variant", "seed", "timeZone");
      Optional<Variant> variant = Optional.empty();
      if (ex.has("variant")) {
        String label = ex.text("variant");
        variant = Optional.of(check(ex, "variant", () -> variant(label)));
      }
      ZoneId zone = zone(ex, "timeZone");
      List<KeyQuestion> questions = new ArrayList<>();
      for (JsonObject q : o.objects("questions")) {
        questions.add(question(q));
      }
      List<PlantedArtifact> artifacts = new ArrayList<>();
      for (JsonObject a : o.objects("artifacts")) {
        artifacts.add(artifact(a));
      }
      Optional<Variant> v = variant;
      return check(o, "", () -> new AnswerKey(
          ex.text("id"), ex.text("title"), ex.integer("scenarioSeed"), v, ex.integer("seed"), zone,
          o.decimal("totalPoints"), o.decimal("passMark"), questions, artifacts));
    }

    private static Variant variant(String label) {
      if (label.startsWith("variant:")) {
        try {
          return Variant.number(Integer.parseInt(label.substring("variant:".length())));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad variant number in '" + label + "'", e);
        }
      }
      if (label.startsWith("student:")) {
        return Variant.student(label.substring("student:".length()));
      }
      throw new IllegalArgumentException("must be variant:K or student:ID, got '" + label + "'");
    }

    private KeyQuestion question(JsonObject q) throws AnswerKeyException {
      q.expect("id", "text", "points", "kind", "expected");
      String kindName = q.text("kind");
      AnswerKind kind = AnswerKind.lookup(kindName).orElseThrow(() ->
          q.error("kind", "must be one of " + AnswerKind.knownIds() + ", got '" + kindName + "'"));
      JsonObject e = q.object("expected");
      ExpectedAnswer expected = check(q, "expected", () -> expected(kind, e));
      return check(q, "", () -> new KeyQuestion(q.text("id"), q.text("text"), q.decimal("points"), expected));
    }

    private ExpectedAnswer expected(AnswerKind kind, JsonObject e) throws AnswerKeyException {
      switch (kind) {
        case HASH -> {
          e.expect("algorithm", "value", "source", "artifact");
          String algName = e.text("algorithm");
          HashAlgorithm alg = check(e, "algorithm", () -> HashAlgorithm.fromName(algName));
          String hex = e.text("value");
          Digest value = check(e, "value", () -> Digest.ofHex(alg, hex));
          String src = e.text("source");
          HashSource source = Arrays.stream(HashSource.values()).filter(s -> s.id().equals(src)).findFirst()
              .orElseThrow(() -> e.error("source", "must be artifact, disk-image or literal, got '" + src + "'"));
          return new ExpectedAnswer.Hash(value, source, e.optionalText("artifact"));
        }
        case FILE_SET -> {
          e.expect("scoring", "items");
          String sc = e.text("scoring");
          SetScoring scoring = Arrays.stream(SetScoring.values()).filter(s -> s.id().equals(sc)).findFirst()
              .orElseThrow(() -> e.error("scoring", "must be f1 or per-item, got '" + sc + "'"));
          return new ExpectedAnswer.FileSet(items(e), scoring);
        }
        case COUNT -> {
          e.expect("value", "tolerance");
          return new ExpectedAnswer.Count(e.integer("value"), e.integer("tolerance"));
        }
        case TIMESTAMP -> {
          e.expect("value", "window", "assumeZone");
          Instant value = instant(e, "value");
          String w = e.text("window");
          Duration window;
          try {
            window = Duration.parse(w);
          } catch (DateTimeParseException x) {
            throw e.error("window", "must be an ISO-8601 duration like PT2S, got '" + w + "'", x);
          }
          Optional<ZoneId> assume = e.has("assumeZone") ? Optional.of(zone(e, "assumeZone")) : Optional.empty();
          return new ExpectedAnswer.Timestamp(value, window, assume);
        }
        case TEXT -> {
          e.expect("accepted", "regex", "caseSensitive");
          return new ExpectedAnswer.Text(e.texts("accepted"), e.texts("regex"), e.bool("caseSensitive"));
        }
        case RECOVERED_FILES -> {
          e.expect("items");
          return new ExpectedAnswer.RecoveredFiles(items(e));
        }
        case CUSTODY -> {
          e.expect("steps", "hashesMustMatch", "evidenceHashes");
          return new ExpectedAnswer.Custody(e.texts("steps"), e.bool("hashesMustMatch"), hashes(e.object("evidenceHashes")));
        }
        default -> throw new AssertionError(kind);
      }
    }

    private List<SetItem> items(JsonObject e) throws AnswerKeyException {
      List<SetItem> items = new ArrayList<>();
      for (JsonObject i : e.objects("items")) {
        i.expect("artifact", "path", "sha256");
        Optional<String> sha = i.optionalText("sha256");
        Optional<Digest> digest = sha.isPresent()
            ? Optional.of(check(i, "sha256", () -> Digest.ofHex(HashAlgorithm.SHA256, sha.get())))
            : Optional.empty();
        items.add(check(i, "", () -> new SetItem(i.text("artifact"), i.optionalText("path"), digest)));
      }
      return items;
    }

    private DigestSet hashes(JsonObject h) throws AnswerKeyException {
      List<Digest> digests = new ArrayList<>();
      for (String k : h.keys()) {
        HashAlgorithm alg = check(h, k, () -> HashAlgorithm.lookup(k).filter(a -> a.id().equals(k))
            .orElseThrow(() -> new IllegalArgumentException("unknown hash algorithm (known: md5, sha1, sha256, sha512, sha3-256, blake3)")));
        String hex = h.text(k);
        digests.add(check(h, k, () -> Digest.ofHex(alg, hex)));
      }
      return DigestSet.of(digests);
    }

    private PlantedArtifact artifact(JsonObject a) throws AnswerKeyException {
      a.expect("id", "kind", "paths", "type", "size", "hashes", "ranges", "secret", "times", "finding");
      String kindName = a.text("kind");
      ArtifactKind kind = ArtifactKind.lookup(kindName).orElseThrow(() ->
          a.error("kind", "must be one of " + ArtifactKind.knownIds() + ", got '" + kindName + "'"));
      Optional<FileType> type = Optional.empty();
      if (a.has("type")) {
        String t = a.text("type");
        type = Optional.of(FileType.lookup(t).orElseThrow(() ->
            a.error("type", "must be one of " + FileType.knownIds() + ", got '" + t + "'")));
      }
      Optional<Long> size = a.has("size") ? Optional.of(a.integer("size")) : Optional.empty();
      List<ByteRange> ranges = new ArrayList<>();
      for (JsonObject r : a.objects("ranges")) {
        r.expect("within", "offset", "length", "what");
        String w = r.text("within");
        ByteRange.Within within = Arrays.stream(ByteRange.Within.values()).filter(x -> x.id().equals(w)).findFirst()
            .orElseThrow(() -> r.error("within", "must be file or disk-image, got '" + w + "'"));
        ranges.add(check(r, "", () -> new ByteRange(within, r.integer("offset"), r.integer("length"), r.text("what"))));
      }
      JsonObject t = a.object("times").expect("modified", "accessed", "created");
      FileTimes times = new FileTimes(
          t.has("modified") ? Optional.of(instant(t, "modified")) : Optional.empty(),
          t.has("accessed") ? Optional.of(instant(t, "accessed")) : Optional.empty(),
          t.has("created") ? Optional.of(instant(t, "created")) : Optional.empty());
      DigestSet hashes = hashes(a.object("hashes"));
      Optional<FileType> ty = type;
      return check(a, "", () -> new PlantedArtifact(a.text("id"), kind, a.texts("paths"), ty, size, hashes, ranges,
          a.optionalText("secret"), times, a.text("finding")));
    }

    private Instant instant(JsonObject o, String key) throws AnswerKeyException {
      String s = o.text(key);
      if (!s.endsWith("Z")) {
        throw o.error(key, "must be a UTC time ending in Z, got '" + s + "'");
      }
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw o.error(key, "must be a UTC time like 2026-02-14T20:37:12Z, got '" + s + "'", e);
      }
    }

    private ZoneId zone(JsonObject o, String key) throws AnswerKeyException {
      String s = o.text(key);
      try {
        return ZoneId.of(s);
      } catch (DateTimeException e) {
        throw o.error(key, "is not a time-zone id: '" + s + "'", e);
      }
    }

    /** A step that may throw either exception. */
    private interface Step<T> {
      T get() throws AnswerKeyException;
    }

    private <T> T check(JsonObject o, String key, Step<T> step) throws AnswerKeyException {
      try {
        return step.get();
      } catch (IllegalArgumentException e) {
        String path = key.isEmpty() ? o.path() : (o.path().isEmpty() ? key : o.path() + "." + key);
        throw new AnswerKeyException(file, path, e.getMessage(), e);
      }
    }
  }
}
