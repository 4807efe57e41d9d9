package dev.forensics.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.triage.internal.MagicPattern;
import dev.forensics.triage.internal.MagicPrefilter;
import dev.forensics.triage.internal.MagicSignatures;
import dev.forensics.triage.internal.MagicSignatures.Clause;
import dev.forensics.triage.internal.MagicSignatures.Match;
import dev.forensics.triage.internal.MagicSignatures.MinShouldMatch;
import dev.forensics.triage.internal.MagicSignatures.Signature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.tika.detect.MagicDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;
import org.apache.tika.mime.MimeTypesReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prefilter must never rule out a type whose signatures match (it may keep types that do not), and
 * where it answers, its answer must be tika-core's: checked against tika-core's own matching on the
 * corpus, on made-up buffers, and on every byte signature of tika-core's table placed at both ends of
 * its offset range, and on samples for every regular expression in the table.
 */
class MagicPrefilterTest {

  private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
  private static final MagicPrefilter PREFILTER = MagicPrefilter.standard();
  private static final String TABLE = "org/apache/tika/mime/tika-mimetypes.xml";
  private static final int HEAD = 64 << 10;
  private static final MediaType MATCHED = MediaType.parse("test/matched");

  private static List<MimeType> withSignatures;
  private static List<Signature> signatures;

  @BeforeAll
  static void load() throws IOException, MimeTypeException {
    withSignatures = new ArrayList<>();
    for (MediaType t : TIKA.getMediaTypeRegistry().getTypes()) {
      MimeType m = TIKA.getRegisteredMimeType(t.toString());
      if (m != null && m.hasMagic()) {
        withSignatures.add(m);
      }
    }
    try (InputStream in = table().openStream()) {
      signatures = MagicSignatures.read(in);
    }
  }

  private static URL table() {
    return MimeTypesReader.class.getClassLoader().getResource(TABLE);
  }

  @Test
  void theStandardPrefilter_isOn_andRulesOutMostTypesForALoneByte() {
    assertThat(PREFILTER.disabledReason()).isEmpty();
    assertThat(withSignatures).hasSizeGreaterThan(400);
    // a lone 'a' can only begin the signatures that allow any byte first, or an 'a'
    assertThat(PREFILTER.candidates(new byte[] {'a'})).hasSizeLessThan(withSignatures.size() / 10);
    assertThat(PREFILTER.exactType(new byte[] {'a'})).isEqualTo("text/plain");
    assertThat(PREFILTER.exactType(new byte[0])).as("empty: tika-core decides").isNull();
  }

  @Test
  void aTableWhoseTypesWithSignaturesDifferFromTheRegistry_turnsItOff(@TempDir Path dir) throws IOException {
    String xml = new String(table().openStream().readAllBytes(), StandardCharsets.UTF_8);
    // drop the signatures of one type (BZip2): the table no longer describes the registry
    int type = xml.indexOf("<mime-type type=\"application/x-bzip2\">");
    int start = xml.indexOf("<magic", type);
    int end = xml.indexOf("</magic>", start) + "</magic>".length();
    Path edited = dir.resolve("tika-mimetypes.xml");
    Files.writeString(edited, xml.substring(0, start) + xml.substring(end), StandardCharsets.UTF_8);
    MagicPrefilter off = MagicPrefilter.of(TIKA, edited.toUri().toURL());
    assertThat(off.disabledReason()).hasValueSatisfying(r -> assertThat(r).contains("not the registry's"));
    assertThat(off.exactType("plain text".getBytes(StandardCharsets.US_ASCII))).isNull();
    assertThat(off.candidates(new byte[] {'a'})).hasSameSizeAs(withSignatures);
    // the unedited table gives a working prefilter
    assertThat(MagicPrefilter.of(TIKA, table()).disabledReason()).isEmpty();
  }

  @Test
  void aTableWithADoctype_isRefused(@TempDir Path dir) throws IOException {
    Path evil = dir.resolve("evil.xml");
    Files.writeString(evil, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<mime-info><mime-type type=\"text/x-e\"><magic><match value=\"&e;\"/></magic></mime-type></mime-info>");
    MagicPrefilter off = MagicPrefilter.of(TIKA, evil.toUri().toURL());
    assertThat(off.disabledReason()).hasValueSatisfying(r -> assertThat(r).contains("DOCTYPE"));
  }

  @Test
  void anotherRegistry_turnsItOff() throws Exception {
    MimeTypes other = MimeTypesFactory.create(table());
    assertThat(MagicPrefilter.of(other, table()).disabledReason()).isPresent();
  }

  @Test
  void onTheCorpus_noMatchingTypeIsRuledOut_andTheAnswersAreTikaCores() throws IOException {
    Corpus corpus = Corpus.onClassPath();
    List<String> problems = new ArrayList<>();
    int answered = 0;
    for (CorpusLabel label : corpus.labels()) {
      byte[] all = Files.readAllBytes(corpus.path(label));
      for (int cut : new int[] {all.length, HEAD, 4096, 300, 64, 30, 17, 8, 3, 1}) {
        byte[] data = Arrays.copyOf(all, Math.min(cut, all.length));
        if (checkTypes(data, label.file() + " (first " + data.length + " bytes)", problems)) {
          answered++;
        }
        checkDetection(data, label.file() + " (first " + data.length + " bytes)", problems);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(answered).as("buffers answered by the prefilter").isGreaterThan(100);
  }

  @Test
  void onMadeUpBuffers_noMatchingTypeIsRuledOut_andTheAnswersAreTikaCores() {
    Map<String, byte[]> buffers = new LinkedHashMap<>();
    for (int n : new int[] {1, 2, 7, 100, 511, 4096, 8200, HEAD}) {
      for (long seed = 1; seed <= 3; seed++) {
        buffers.put("random " + n + " seed " + seed, TriageFixtures.random(n, seed));
      }
      buffers.put("zeros " + n, new byte[n]);
      byte[] ff = new byte[n];
      Arrays.fill(ff, (byte) 0xFF);
      buffers.put("0xFF " + n, ff);
    }
    StringBuilder prose = new StringBuilder();
    while (prose.length() < 70_000) {
      prose.append("The quick brown fox jumps over the lazy dog. Subject: lab notes, Date: Monday.\n")
          .append("From the seized laptop: 3 folders, 1,204 files; hashes verified at 10:42.\r\n");
    }
    String text = prose.toString();
    String csv = "id,name,amount,date\n1,Alice,12.50,2024-01-02\n2,Bob,7.00,2024-01-03\n".repeat(200);
    String json = "{\"case\": 42, \"items\": [{\"name\": \"photo.jpg\", \"sha256\": \"00ff\"}], \"ok\": true}\n";
    String log = "2024-05-01T10:00:00Z INFO started pid=42\n2024-05-01T10:00:01Z WARN disk 91% full\n".repeat(300);
    String accents = "Déjà vu: naïve café, Ærø, Straße, Αθήνα, Москва, 東京\n".repeat(100);
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("prose", text);
    texts.put("csv", csv);
    texts.put("json", json);
    texts.put("log", log);
    texts.put("accents", accents);
    texts.put("digits", "12345 67890\n");
    texts.put("space", "   \n\t  indented\n");
    for (Map.Entry<String, String> e : texts.entrySet()) {
      buffers.put(e.getKey() + " UTF-8", e.getValue().getBytes(StandardCharsets.UTF_8));
      buffers.put(e.getKey() + " ISO-8859-1", e.getValue().getBytes(StandardCharsets.ISO_8859_1));
      buffers.put(e.getKey() + " UTF-16LE", e.getValue().getBytes(StandardCharsets.UTF_16LE));
      buffers.put(e.getKey() + " UTF-16BE", e.getValue().getBytes(StandardCharsets.UTF_16BE));
      buffers.put(e.getKey() + " UTF-16 with BOM", e.getValue().getBytes(StandardCharsets.UTF_16));
      buffers.put(e.getKey() + " with a NUL", (e.getValue().substring(0, Math.min(50, e.getValue().length())) + "\0")
          .getBytes(StandardCharsets.UTF_8));
    }
    List<String> problems = new ArrayList<>();
    int answered = 0;
    for (Map.Entry<String, byte[]> e : buffers.entrySet()) {
      for (int cut : new int[] {HEAD, 8192, 1000, 40}) {
        byte[] data = Arrays.copyOf(e.getValue(), Math.min(cut, e.getValue().length));
        if (checkTypes(data, e.getKey() + " (" + data.length + " bytes)", problems)) {
          answered++;
        }
        checkDetection(data, e.getKey() + " (" + data.length + " bytes)", problems);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(answered).as("buffers answered by the prefilter").isGreaterThan(buffers.size());
  }

  /** A match with the signatures it is nested in (outermost first) and the type it belongs to. */
  private record Placed(String type, List<Match> outer, Match match) {}

  private static List<Placed> allMatches() {
    List<Placed> out = new ArrayList<>();
    for (Signature s : signatures) {
      collect(s.type(), List.of(), s.clause(), out);
    }
    return out;
  }

  private static void collect(String type, List<Match> outer, Clause clause, List<Placed> out) {
    if (clause instanceof MinShouldMatch m) {
      m.children().forEach(c -> collect(type, outer, c, out));
      return;
    }
    Match match = (Match) clause;
    out.add(new Placed(type, outer, match));
    List<Match> inner = new ArrayList<>(outer);
    inner.add(match);
    match.children().forEach(c -> collect(type, List.copyOf(inner), c, out));
  }

  @Test
  void everyByteSignature_atEitherEndOfItsRange_isNeverRuledOut() throws IOException {
    List<String> problems = new ArrayList<>();
    int leaves = 0;
    int matched = 0;
    for (Placed placed : allMatches()) {
      Match m = placed.match();
      if (m.kind().equals("regex")) {
        continue;
      }
      leaves++;
      MagicPattern p = MagicPattern.parse(m.kind(), m.offset(), m.value(), m.mask());
      MagicDetector tika = MagicDetector.parse(MATCHED, m.kind(), m.offset(), m.value(), m.mask());
      boolean anyMatched = false;
      for (byte[] data : placements(p)) {
        boolean tikaMatches = tika.detect(new ByteArrayInputStream(data), new Metadata()).equals(MATCHED);
        anyMatched |= tikaMatches;
        if (tikaMatches && !MagicPrefilter.mayMatch(m, data)) {
          problems.add(placed.type() + " " + p + " ruled out on " + hex(data, p.end() + p.pattern().length));
        }
      }
      if (anyMatched) {
        matched++;
      } else {
        problems.add(placed.type() + " " + p + ": no placement matched (decoded differently from tika-core?)");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(matched).isEqualTo(leaves).isGreaterThan(1000);
  }

  @Test
  void everyByteSignature_withTheSignaturesItIsNestedIn_isNeverRuledOut() {
    List<String> problems = new ArrayList<>();
    Set<String> typesMatched = new TreeSet<>();
    for (Placed placed : allMatches()) {
      if (placed.match().kind().equals("regex")) {
        continue;
      }
      MagicPattern p = MagicPattern.parse(placed.match().kind(), placed.match().offset(), placed.match().value(),
          placed.match().mask());
      for (int at : new int[] {p.start(), p.end()}) {
        int length = at + p.pattern().length + 8;
        List<MagicPattern> outer = new ArrayList<>();
        for (Match o : placed.outer()) {
          if (!o.kind().equals("regex")) {
            MagicPattern op = MagicPattern.parse(o.kind(), o.offset(), o.value(), o.mask());
            outer.add(op);
            length = Math.max(length, op.start() + op.pattern().length + 8);
          }
        }
        byte[] data = new byte[length];
        for (MagicPattern op : outer) {
          System.arraycopy(op.pattern(), 0, data, op.start(), op.pattern().length);
        }
        System.arraycopy(p.pattern(), 0, data, at, p.pattern().length);
        byte[] head = Arrays.copyOf(data, Math.min(data.length, HEAD));
        checkTypes(head, placed.type() + " " + p + " at " + at, problems);
        try {
          if (TIKA.forName(placed.type()).matchesMagic(head)) {
            typesMatched.add(placed.type());
          }
        } catch (MimeTypeException e) {
          problems.add(placed.type() + ": " + e.getMessage());
        }
      }
    }
    assertThat(problems).isEmpty();
    // the placements are real matches for most types (the rest need a regular expression or several matches)
    assertThat(typesMatched).hasSizeGreaterThan(withSignatures.size() * 8 / 10);
  }

  /**
   * The pattern at the start and at the end of its range, in buffers of several fillings; with the bits
   * outside the mask flipped; in upper case where case is ignored; and cut where the pattern's last bytes
   * are zeros, which tika-core takes from beyond the end of the data.
   */
  private static List<byte[]> placements(MagicPattern p) {
    byte[] pattern = p.pattern();
    byte[] mask = p.mask();
    List<byte[]> variants = new ArrayList<>();
    variants.add(pattern);
    byte[] flipped = new byte[pattern.length];
    for (int j = 0; j < pattern.length; j++) {
      flipped[j] = (byte) (pattern[j] | ~mask[j]);
    }
    variants.add(flipped);
    if (p.ignoreCase()) {
      for (byte[] v : List.of(pattern, flipped)) {
        byte[] upper = v.clone();
        for (int j = 0; j < upper.length; j++) {
          if (upper[j] >= 'a' && upper[j] <= 'z') {
            upper[j] = (byte) (upper[j] - 32);
          }
        }
        variants.add(upper);
      }
    }
    List<byte[]> out = new ArrayList<>();
    for (int at : new int[] {p.start(), p.end()}) {
      for (byte filler : new byte[] {0, ' ', (byte) 0xFF, 'A'}) {
        for (byte[] v : variants) {
          byte[] data = new byte[at + v.length + 8];
          Arrays.fill(data, filler);
          System.arraycopy(v, 0, data, at, v.length);
          out.add(data);
          out.add(Arrays.copyOf(data, at + v.length));
          int t = at + v.length;
          while (t > Math.max(p.start() + v.length, at) && data[t - 1] == 0) {
            t--;
          }
          out.add(Arrays.copyOf(data, t));
        }
      }
    }
    return out;
  }

  @Test
  void everyRegularExpressionInTheTable_isNeverRuledOutOnSamplesItMatches() throws IOException {
    List<byte[]> samples = new ArrayList<>();
    for (String s : new String[] {
        "%!PS-Adobe-3.0\n%AI5_FileFormat 3\n", "JAVA PROFILE 1.0.2\0rest", "JAVA PROFILE 1.0.1,rest",
        "00714cam a2200205 a 4500", "00714nz  a2200205 a 4500", "00714cu  a2200205 a 4500",
        "00714nw  a2200205 a 4500", "00714nq  a2200205 a 4500", "FCS3.0    256", "BZh91AY&SY",
        "\r\nID3\u0004", "\0\0\0\u00ff\u00fb\u0090", "<HTML><body>", "<Body >", "<h1>Title</h1>",
        "  digraph G {}", "\n\tdigraph G {}", "\r\n\u000b\fgraph G {}", "\n// x\ngraph {}", "strict graph {}",
        "graph x {}", "// a graph\ngraph x {}", "/* c */ digraph {}",
        "function y = f(x)\n", "function out\n", "X-Mailer: x\n", "DKIM-Signature: v=1\n", "ARC-Seal: i=1\n",
        "  0\nSECTION\n  2\nHEADER\n", "999\ncomment line\n0\r\nSECTION\r\n  2\r\nENTITIES\r\n", "P4\n1 1\n",
        "P5\n1 1\n", "P6\n1 1\n", "DCx\u0001rest", "abcr", "abc3"}) {
      samples.add(s.getBytes(StandardCharsets.ISO_8859_1));
    }
    samples.add(("x".repeat(5000) + "\r%AI5_FileFormat 4\r").getBytes(StandardCharsets.ISO_8859_1));
    samples.add(withAt(64, 8, "TRUEVISION-XFILE.\0"));
    samples.add(withAt(64, 14, "\u0001"));
    samples.add(withAt(64, 14, "\u0020\u0040"));
    byte[] owner = new byte[100];
    owner[0] = 7;
    Arrays.fill(owner, 1, 11, (byte) 'a');
    Arrays.fill(owner, 11, 54, (byte) 'b');
    owner[54] = 7;
    samples.add(owner);
    byte[] nls = new byte[100];
    nls[0] = 0x0D;
    Arrays.fill(nls, 1, 52, (byte) 'x');
    System.arraycopy(new byte[] {0x0C, 0, 0x0D, 0, 0x0E}, 0, nls, 52, 5);
    samples.add(nls);
    byte[] dbf = new byte[64];
    System.arraycopy(new byte[] {0x03, 'x', 0x05, 0x10, 'a', 'a', 'a', 'a', 'A', 'A', 'A', 'A'}, 0, dbf, 0, 12);
    dbf[41] = 'n';
    dbf[42] = 'm';
    dbf[43] = 'N';
    samples.add(dbf);
    for (int at : new int[] {0, 512, 700, 8192}) {
      byte[] frames = new byte[at + 400];
      frames[at] = (byte) 0xFF;
      frames[at + 1] = (byte) 0xFB;
      samples.add(frames);
      byte[] aac = new byte[at + 400];
      aac[at] = (byte) 0xFF;
      aac[at + 1] = (byte) 0xF1;
      aac[at + 150] = (byte) 0xFF;
      aac[at + 151] = (byte) 0xF9;
      samples.add(aac);
    }
    List<String> problems = new ArrayList<>();
    Set<Match> regexes = new HashSet<>();
    Set<Match> matched = new HashSet<>();
    for (Placed placed : allMatches()) {
      Match m = placed.match();
      if (!m.kind().equals("regex")) {
        continue;
      }
      regexes.add(m);
      MagicDetector tika = MagicDetector.parse(MATCHED, m.kind(), m.offset(), m.value(), m.mask());
      for (byte[] sample : samples) {
        if (tika.detect(new ByteArrayInputStream(sample), new Metadata()).equals(MATCHED)) {
          matched.add(m);
          if (!MagicPrefilter.mayMatch(m, sample)) {
            problems.add(placed.type() + " " + m.value() + " ruled out on " + hex(sample, 80));
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(regexes).hasSizeGreaterThan(25);
    List<String> unmatched = regexes.stream().filter(m -> !matched.contains(m)).map(Match::value).toList();
    assertThat(unmatched).as("regular expressions no sample matches").isEmpty();
  }

  @Test
  void signaturesOfOneType_areAnsweredWithoutTikaCoresFullPass() throws IOException {
    Corpus corpus = Corpus.onClassPath();
    for (String name : new String[] {"email-1.eml", "mail-1.mbox", "mp3-1.mp3", "mp3-2.mp3", "html-1.html",
        "html-2.html", "html-3.htm"}) {
      byte[] all = Files.readAllBytes(corpus.dir().resolve(name));
      byte[] head = Arrays.copyOf(all, Math.min(all.length, HEAD));
      assertThat(PREFILTER.exactType(head)).as(name).isEqualTo(tika(head));
    }
    // an MP3 with an ID3 tag matches audio/mpeg's and audio/x-aac's signatures, of the same priority:
    // tika-core's order of signatures (priority, then size, then type) settles it
    byte[] mp3 = Files.readAllBytes(corpus.dir().resolve("mp3-2.mp3"));
    byte[] mp3Head = Arrays.copyOf(mp3, Math.min(mp3.length, HEAD));
    assertThat(PREFILTER.candidates(mp3Head).stream().filter(t -> t.matchesMagic(mp3Head)).map(MimeType::getName))
        .containsExactlyInAnyOrder("audio/mpeg", "audio/x-aac");
    assertThat(PREFILTER.exactType(mp3Head)).isEqualTo("audio/mpeg").isEqualTo(tika(mp3Head));
    // mbox also matches message/rfc822's signatures, all of lower priority than mbox's: tika-core's order is clear
    byte[] mbox = Files.readAllBytes(corpus.dir().resolve("mail-1.mbox"));
    byte[] head = Arrays.copyOf(mbox, Math.min(mbox.length, HEAD));
    assertThat(PREFILTER.candidates(head).stream().filter(t -> t.matchesMagic(head)).map(MimeType::getName))
        .containsExactlyInAnyOrder("application/mbox", "message/rfc822");
    assertThat(PREFILTER.exactType(head)).isEqualTo("application/mbox").isEqualTo(tika(head));
  }

  /**
   * Buffers holding two byte signatures of different types with the same priority, each at the start of
   * its range: the prefilter always answers, and its answer is tika-core's, also where both types match
   * and only tika-core's order of signatures (size, then type) can settle it.
   */
  @Test
  void typesWhosePrioritiesTie_areSettledAsTikaCoreOrdersItsSignatures() throws MimeTypeException {
    Map<Integer, List<Signature>> byPriority = new TreeMap<>();
    for (Signature s : signatures) {
      if (s.clause() instanceof Match m && m.children().isEmpty() && !m.kind().equals("regex")) {
        byPriority.computeIfAbsent(s.priority(), k -> new ArrayList<>()).add(s);
      }
    }
    List<List<Signature>> groups = byPriority.values().stream().filter(g -> g.size() > 1).toList();
    java.util.Random random = new java.util.Random(9162);
    List<String> problems = new ArrayList<>();
    int ties = 0;
    int pairs = 0;
    for (int i = 0; i < 40_000 && pairs < 5000; i++) {
      List<Signature> group = groups.get(random.nextInt(groups.size()));
      Signature a = group.get(random.nextInt(group.size()));
      Signature b = group.get(random.nextInt(group.size()));
      Match ma = (Match) a.clause();
      Match mb = (Match) b.clause();
      MagicPattern pa = MagicPattern.parse(ma.kind(), ma.offset(), ma.value(), ma.mask());
      MagicPattern pb = MagicPattern.parse(mb.kind(), mb.offset(), mb.value(), mb.mask());
      int aEnd = pa.start() + pa.pattern().length;
      int bEnd = pb.start() + pb.pattern().length;
      if (a.type().equals(b.type()) || (pa.start() < bEnd && pb.start() < aEnd)) {
        continue; // the same type, or the two would overlap
      }
      pairs++;
      byte[] data = new byte[Math.max(aEnd, bEnd) + 8];
      Arrays.fill(data, random.nextBoolean() ? (byte) 0 : (byte) ' ');
      System.arraycopy(pa.pattern(), 0, data, pa.start(), pa.pattern().length);
      System.arraycopy(pb.pattern(), 0, data, pb.start(), pb.pattern().length);
      byte[] head = Arrays.copyOf(data, Math.min(data.length, HEAD));
      String what = a.type() + " " + pa + " + " + b.type() + " " + pb;
      if (TIKA.forName(a.type()).matchesMagic(head) && TIKA.forName(b.type()).matchesMagic(head)) {
        ties++;
      }
      if (PREFILTER.exactType(head) == null) {
        problems.add(what + ": no answer");
      }
      checkTypes(head, what, problems);
    }
    assertThat(problems).isEmpty();
    assertThat(ties).as("buffers that two types of the same priority match").isGreaterThan(1000);
  }

  @Test
  void xmlAndHtml_rootElementOfEveryTypeInTheTable_givesTikaCoresType() throws IOException {
    MagicSignatures.Table table;
    try (InputStream in = table().openStream()) {
      table = MagicSignatures.readTable(in);
    }
    assertThat(table.rootXml()).hasSizeGreaterThan(60);
    List<String> problems = new ArrayList<>();
    int answered = 0;
    for (MagicSignatures.RootXml r : table.rootXml()) {
      String local = r.localName() == null || r.localName().isEmpty() ? "doc" : r.localName();
      String ns = r.namespaceUri() == null || r.namespaceUri().isEmpty() ? "" : " xmlns=\"" + r.namespaceUri() + "\"";
      for (String doc : new String[] {
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + local + ns + "><x/></" + local + ">\n",
          "<" + local + ns + "></" + local + ">",
          "<!DOCTYPE html>\n<" + local + ns + ">\n<body>hi</body></" + local + ">"}) {
        byte[] head = doc.getBytes(StandardCharsets.UTF_8);
        String fast = PREFILTER.exactType(head);
        if (fast != null) {
          answered++;
          if (!fast.equals(tika(head))) {
            problems.add(r + ": prefilter says " + fast + ", tika-core " + tika(head) + " for " + doc);
          }
        }
      }
    }
    // XML and HTML that name no known root, or are not well-formed
    for (String doc : new String[] {
        "<?xml version=\"1.0\"?>\n<inventory><item/></inventory>",
        "<?xml version=\"1.0\"?>\n<<< not xml",
        "<?xml version=\"1.0\"?>\n<html><body><p>unclosed</body>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html><html><head><title>t</title></head><body></body></html>",
        "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</body></html>",
        "<html><body>no doctype</body></html>",
        "<HTML><BODY>upper case</BODY></HTML>",
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"}) {
      byte[] head = doc.getBytes(StandardCharsets.UTF_8);
      String fast = PREFILTER.exactType(head);
      if (fast != null) {
        answered++;
        if (!fast.equals(tika(head))) {
          problems.add("prefilter says " + fast + ", tika-core " + tika(head) + " for " + doc);
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(answered).as("documents the prefilter answered").isGreaterThan(150);
  }

  @Test
  void plainText_isAnsweredAfterCheckingFewTypes() throws IOException {
    Corpus corpus = Corpus.onClassPath();
    for (String name : new String[] {"README", "text-1.txt", "csv-1.csv", "json-1.json", "holiday.jpg"}) {
      byte[] all = Files.readAllBytes(corpus.dir().resolve(name));
      byte[] head = Arrays.copyOf(all, Math.min(all.length, HEAD));
      assertThat(PREFILTER.exactType(head)).as(name).isEqualTo(tika(head));
      assertThat(PREFILTER.candidates(head)).as(name).hasSizeLessThan(withSignatures.size() / 20);
    }
  }

  /**
   * Checks that every type whose signatures match {@code data} is a candidate and that the prefilter's
   * answer, if any, is tika-core's; true when the prefilter answered.
   */
  private static boolean checkTypes(byte[] data, String what, List<String> problems) {
    byte[] head = Arrays.copyOf(data, Math.min(data.length, HEAD));
    Set<MimeType> candidates = new HashSet<>(PREFILTER.candidates(head));
    for (MimeType t : withSignatures) {
      if (!candidates.contains(t) && t.matchesMagic(head)) {
        problems.add(what + ": " + t + " matches but was ruled out");
      }
    }
    String fast = PREFILTER.exactType(head);
    if (fast != null) {
      String tika = tika(head);
      if (!fast.equals(tika)) {
        problems.add(what + ": prefilter says " + fast + ", tika-core " + tika);
      }
    }
    return fast != null;
  }

  /** The detector with the prefilter gives what tika-core alone gives, for whole files and heads. */
  private static void checkDetection(byte[] data, String what, List<String> problems) {
    Detection fast = TypeDetector.standard().detect(data, "");
    Detection tika = TypeDetector.tikaOnly().detect(data, "");
    if (!fast.equals(tika)) {
      problems.add(what + ": detected " + fast + ", with tika-core only " + tika);
    }
    if (data.length > 0) {
      Detection fastHead = TypeDetector.standard().detectHead(data, "");
      Detection tikaHead = TypeDetector.tikaOnly().detectHead(data, "");
      if (!fastHead.equals(tikaHead)) {
        problems.add(what + ": from the head detected " + fastHead + ", with tika-core only " + tikaHead);
      }
    }
  }

  private static String tika(byte[] head) {
    try {
      return TIKA.detect(new ByteArrayInputStream(head), new Metadata()).toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] withAt(int length, int offset, String text) {
    byte[] b = new byte[length];
    byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(t, 0, b, offset, t.length);
    return b;
  }

  private static String hex(byte[] data, int max) {
    return java.util.HexFormat.of().formatHex(data, 0, Math.min(data.length, max)) + (data.length > max ? "..." : "")
        + " (" + data.length + " bytes)";
  }
}
