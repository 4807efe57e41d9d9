package dev.forensics.grading;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.forensics.custody.Custodian;
import dev.forensics.custody.CustodianKeys;
import dev.forensics.exercise.AnswerKey;
import dev.forensics.exercise.AnswerSheet;
import dev.forensics.exercise.AnswerSheetReader;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.grading.internal.Refused;
import dev.forensics.grading.internal.SubmissionFolder;
import dev.forensics.grading.internal.SubmissionFolder.Entry;
import dev.forensics.grading.internal.SubmissionFolder.Type;
import dev.forensics.hash.Manifest;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestReadResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one submission folder holds, read safely: the answer sheet, hash manifests, triage exports,
 * custody ledgers, public keys and the folder of recovered files; plus notes on every file that was
 * refused or not recognised. Files are recognised by name (sheet, keys, archives) and by content
 * (ledger, triage export, manifest), only at the top of the folder (and {@code keys/}).
 */
final class Submission {

  /** Names of the answer sheet, in the order looked for. */
  static final List<String> SHEET_NAMES = List.of("answer-sheet.yaml", "answer-sheet.yml", "answer-sheet.json");
  /** Folder of recovered files. */
  static final String RECOVERED = "recovered";
  /** Folder of public keys (besides *.pub at the top). */
  static final String KEYS = "keys";
  /** Largest manifest, triage export or ledger read. */
  static final long MAX_DATA = 32L * 1024 * 1024;
  /** Largest public key file read. */
  static final long MAX_KEY = 16 * 1024;

  private static final Set<String> ARCHIVES = Set.of("zip", "7z", "rar", "tar", "gz", "tgz", "bz2", "xz", "zst");
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build())
      .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(JSON);
  private static final CsvMapper CSV = new CsvMapper();

  record ManifestFile(String name, Manifest manifest) {}

  record TriageRow(String path, Optional<String> sha256, boolean flagged) {}

  record TriageExport(String name, List<TriageRow> rows) {}

  final SubmissionFolder folder;
  final Optional<AnswerSheet> sheet;
  final List<ManifestFile> manifests = new ArrayList<>();
  final List<TriageExport> triage = new ArrayList<>();
  final List<Entry> ledgers = new ArrayList<>();
  final List<Custodian> keys = new ArrayList<>();
  final List<Feedback> notes = new ArrayList<>();
  final List<String> manifestPrints = new ArrayList<>();
  final List<String> ledgerPrints = new ArrayList<>();
  boolean hasRecovered;

  private Submission(SubmissionFolder folder, Optional<AnswerSheet> sheet) {
    this.folder = folder;
    this.sheet = sheet;
  }

  /** Reads a submission; never throws for its content. */
  static Submission read(SubmissionFolder folder, AnswerKey key) {
    List<Feedback> early = new ArrayList<>();
    List<Entry> top;
    try {
      top = folder.list("", early);
    } catch (Refused r) {
      Submission s = new Submission(folder, Optional.empty());
      s.notes.add(r.feedback());
      return s;
    }
    Optional<AnswerSheet> sheet = Optional.empty();
    Entry sheetEntry = null;
    for (String n : SHEET_NAMES) {
      Optional<Entry> e = top.stream().filter(x -> x.name().equalsIgnoreCase(n)).findFirst();
      if (e.isPresent()) {
        sheetEntry = e.get();
        break;
      }
    }
    List<Feedback> sheetNotes = new ArrayList<>();
    if (sheetEntry != null) {
      try {
        byte[] b = folder.read(sheetEntry, AnswerSheetReader.MAX_BYTES);
        sheet = Optional.of(AnswerSheetReader.read(b, key.questions().stream().map(KeyQuestion::id).toList()));
      } catch (Refused r) {
        sheetNotes.add(r.feedback());
      }
    } else {
      sheetNotes.add(Feedback.of(Reason.SHEET_MISSING, String.join(", ", SHEET_NAMES)));
    }
    Submission s = new Submission(folder, sheet);
    s.notes.addAll(early);
    if (top.isEmpty()) {
      s.notes.add(Feedback.of(Reason.SUBMISSION_EMPTY, "."));
    }
    s.notes.addAll(sheetNotes);
    sheet.ifPresent(sh -> {
      for (AnswerSheet.Problem p : sh.problems()) {
        if (p.question().isEmpty()) {
          s.notes.add(Feedback.of(Reason.SHEET_PROBLEM, p.line(), p.message()));
        }
      }
      sh.exercise().filter(x -> !x.equals(key.exerciseId()))
          .ifPresent(x -> s.notes.add(Feedback.of(Reason.SHEET_OTHER_EXERCISE, SubmissionFolder.shorten(x), key.exerciseId())));
      if (key.variant().isPresent()) {
        String want = key.variant().get().label();
        sh.variant().filter(x -> !x.equals(want))
            .ifPresent(x -> s.notes.add(Feedback.of(Reason.SHEET_OTHER_VARIANT, SubmissionFolder.shorten(x), want)));
      }
    });
    for (Entry e : top) {
      if (e == sheetEntry) {
        continue;
      }
      s.classify(e);
    }
    return s;
  }

  private void classify(Entry e) {
    String lower = e.name().toLowerCase(Locale.ROOT);
    String ext = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
    switch (e.type()) {
      case LINK -> notes.add(Feedback.of(Reason.FILE_SYMLINK, e.name()));
      case OTHER -> notes.add(Feedback.of(Reason.FILE_NOT_REGULAR, e.name()));
      case FOLDER -> {
        if (e.name().equals(RECOVERED)) {
          hasRecovered = true;
        } else if (e.name().equals(KEYS)) {
          readKeyFolder();
        } else {
          notes.add(Feedback.of(Reason.FILE_NOT_RECOGNISED, e.name() + "/"));
        }
      }
      case FILE -> {
        if (ext.equals("pub")) {
          readKey(e);
        } else if (ARCHIVES.contains(ext)) {
          notes.add(Feedback.of(Reason.FILE_ARCHIVE_IGNORED, e.name()));
        } else {
          classifyByContent(e);
        }
      }
    }
  }

  private void readKeyFolder() {
    try {
      for (Entry k : folder.list(KEYS, notes)) {
        if (k.type() == Type.LINK) {
          notes.add(Feedback.of(Reason.FILE_SYMLINK, k.name()));
        } else if (k.type() == Type.FILE && k.name().endsWith(".pub")) {
          readKey(k);
        }
      }
    } catch (Refused r) {
      notes.add(r.feedback());
    }
  }

  private void readKey(Entry e) {
    try {
      keys.add(CustodianKeys.readPublic(folder.checkedPath(e, MAX_KEY)));
    } catch (Refused r) {
      notes.add(r.feedback());
    } catch (IOException | RuntimeException x) {
      notes.add(Feedback.of(Reason.FILE_UNREADABLE, e.name(), oneLine(x)));
    }
  }

  private void classifyByContent(Entry e) {
    byte[] head;
    try (InputStream in = folder.open(e, MAX_DATA)) {
      head = in.readNBytes(4096);
    } catch (Refused r) {
      notes.add(r.feedback());
      return;
    } catch (IOException x) {
      notes.add(Feedback.of(Reason.FILE_UNREADABLE, e.name(), oneLine(x)));
      return;
    }
    String text = new String(head, StandardCharsets.UTF_8).stripLeading();
    if (text.startsWith("{\"") && text.contains("\"seq\":0") && text.contains("\"type\":\"init\"")) {
      ledgers.add(e);
      ledgerPrints.add(sha256(e));
    } else if (text.startsWith("{") && text.contains("\"categories\"")) {
      readTriageJson(e);
    } else if (text.startsWith("path,status,error,size")) {
      readTriageCsv(e);
    } else {
      readManifest(e, head);
    }
  }

  private void readManifest(Entry e, byte[] head) {
    ManifestFormat format;
    try {
      format = ManifestFormat.detect(head, e.name());
    } catch (IOException | RuntimeException x) {
      notes.add(Feedback.of(Reason.FILE_NOT_RECOGNISED, e.name()));
      return;
    }
    try {
      byte[] all = folder.read(e, MAX_DATA);
      ManifestReadResult r = format.read(new ByteArrayInputStream(all), e.name());
      manifests.add(new ManifestFile(e.name(), r.manifest()));
      manifestPrints.add(HexFormat.of().formatHex(digest().digest(all)));
      if (!r.problems().isEmpty()) {
        notes.add(Feedback.of(Reason.MANIFEST_PROBLEMS, e.name(), r.problems().size()));
      }
    } catch (Refused r) {
      notes.add(r.feedback());
    } catch (IOException | RuntimeException x) {
      notes.add(Feedback.of(Reason.FILE_UNREADABLE, e.name(), oneLine(x)));
    }
  }

  private void readTriageJson(Entry e) {
    try {
      byte[] all = folder.read(e, MAX_DATA);
      JsonNode root = MAPPER.readTree(all);
      JsonNode files = root == null ? null : root.get("files");
      if (files == null || !files.isArray()) {
        notes.add(Feedback.of(Reason.FILE_NOT_RECOGNISED, e.name()));
        return;
      }
      List<TriageRow> rows = new ArrayList<>();
      for (JsonNode f : files) {
        JsonNode path = f.get("path");
        if (path == null || !path.isTextual()) {
          continue;
        }
        JsonNode sha = f.get("sha256");
        JsonNode score = f.get("score");
        rows.add(new TriageRow(path.textValue(),
            sha != null && sha.isTextual() ? Optional.of(sha.textValue()) : Optional.empty(),
            score != null && score.isNumber() && score.asDouble() > 0));
      }
      triage.add(new TriageExport(e.name(), rows));
    } catch (Refused r) {
      notes.add(r.feedback());
    } catch (IOException | RuntimeException x) {
      notes.add(Feedback.of(Reason.FILE_UNREADABLE, e.name(), oneLine(x)));
    }
  }

  private void readTriageCsv(Entry e) {
    try {
      byte[] all = folder.read(e, MAX_DATA);
      List<TriageRow> rows = new ArrayList<>();
      try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
          .with(CsvSchema.emptySchema().withHeader()).readValues(all)) {
        while (it.hasNext()) {
          Map<String, String> row = it.next();
          String path = row.get("path");
          if (path == null || path.isEmpty()) {
            continue;
          }
          String sha = row.getOrDefault("sha256", "");
          String score = row.getOrDefault("score", "");
          boolean flagged;
          try {
            flagged = !score.isEmpty() && Double.parseDouble(score) > 0;
          } catch (NumberFormatException x) {
            flagged = false;
          }
          rows.add(new TriageRow(path, sha.isEmpty() ? Optional.empty() : Optional.of(sha), flagged));
        }
      }
      triage.add(new TriageExport(e.name(), rows));
    } catch (Refused r) {
      notes.add(r.feedback());
    } catch (IOException | RuntimeException x) {
      notes.add(Feedback.of(Reason.FILE_UNREADABLE, e.name(), oneLine(x)));
    }
  }

  private String sha256(Entry e) {
    MessageDigest md = digest();
    try (InputStream in = folder.open(e, MAX_DATA)) {
      byte[] buf = new byte[65536];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0 && total < MAX_DATA) {
        md.update(buf, 0, n);
        total += n;
      }
    } catch (Refused | IOException x) {
      return "";
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String oneLine(Exception x) {
    String m = x.getMessage();
    return SubmissionFolder.shorten(m == null ? x.getClass().getSimpleName() : m.replaceAll("\\s+", " "));
  }
}
