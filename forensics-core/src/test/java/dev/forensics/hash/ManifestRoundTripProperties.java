package dev.forensics.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every format gives back what it holds, for file names chosen to break parsers. */
class ManifestRoundTripProperties {

  /** Pieces of hostile names: separators, quotes, escapes, line breaks, markup, astral characters, piece suffixes. */
  private static final List<String> FRAGMENTS = List.of(
      "a", "Z", "0", "9", ".", "-", "/", " ", "  ", ",", "\"", "'", "*", "\\", "\\n", "\n", "\r", "\r\n", "\t",
      "(", ")", ") = ", " (", "=", "#", "%%%% ", "##", "<", "&", "]]>", "&amp;", "é", "ß", "\u00A0", "\u2028",
      "日本", "\uD83D\uDE00", "\uD801\uDC37", " offset 0-9", " offset 0-0", " offset 10-19", "{", "}", "[");

  private static final Instant EPOCH_2100 = Instant.parse("2100-01-01T00:00:00Z");

  // ---------------------------------------------------------------- generators

  static Arbitrary<String> names() {
    return Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
  }

  static Arbitrary<String> namesWithoutLineBreaks() {
    return names().map(n -> n.replace("\r", "").replace("\n", "")).filter(n -> !n.isEmpty());
  }

  static Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(0, EPOCH_2100.getEpochSecond()),
            Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
        .as(Instant::ofEpochSecond);
  }

  static Arbitrary<DigestSet> digestSets(List<HashAlgorithm> algorithms) {
    List<Arbitrary<Digest>> each = new ArrayList<>();
    for (HashAlgorithm a : algorithms) {
      each.add(Arbitraries.bytes().array(byte[].class).ofSize(a.lengthBytes()).map(b -> new Digest(a, b)));
    }
    return Combinators.combine(each).as(DigestSet::of);
  }

  /** What an entry generator may produce. */
  record Shape(boolean unknownSizes, boolean times, boolean pieces) {}

  static Arbitrary<ManifestEntry> entries(List<HashAlgorithm> algorithms, Arbitrary<String> names, Shape shape) {
    Arbitrary<List<Long>> lengths = shape.pieces()
        ? Arbitraries.longs().between(0, 1 << 20).list().ofMaxSize(3)
        : Arbitraries.just(List.of());
    Arbitrary<List<DigestSet>> pieceDigests = digestSets(algorithms).list().ofSize(3);
    Arbitrary<Long> extra = Arbitraries.longs().between(0, 1L << 40).edgeCases(c -> c.add(0L).add(1L));
    Arbitrary<Instant> time = shape.times() ? instants().injectNull(0.3) : Arbitraries.just(null);
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 9);
    return Combinators.combine(names, lengths, pieceDigests, extra, time, digestSets(algorithms), kind)
        .as((name, lens, pds, more, modified, digests, k) -> {
          List<Piece> pieces = new ArrayList<>();
          long offset = 0;
          for (int i = 0; i < lens.size(); i++) {
            pieces.add(new Piece(offset, lens.get(i), pds.get(i)));
            offset += lens.get(i);
          }
          boolean piecesOnly = k == 0 && !pieces.isEmpty();
          boolean unknown = shape.unknownSizes() && k == 1;
          long size = unknown ? ManifestEntry.UNKNOWN_SIZE : piecesOnly ? offset : offset + more;
          return new ManifestEntry(name, size, modified, piecesOnly ? DigestSet.empty() : digests, pieces);
        });
  }

  static Arbitrary<List<ManifestEntry>> entryLists(List<HashAlgorithm> algs, Arbitrary<String> names, Shape shape) {
    return entries(algs, names, shape).list().ofMaxSize(8).uniqueElements(ManifestEntry::path);
  }

  @Provide
  Arbitrary<List<HashAlgorithm>> algorithmLists() {
    return Arbitraries.of(HashAlgorithm.values()).list().ofMinSize(1).ofMaxSize(6).uniqueElements();
  }

  static Arbitrary<ManifestInfo> infos(List<HashAlgorithm> algs, Arbitrary<String> texts) {
    return Combinators.combine(
            Arbitraries.longs().between(0, 1 << 20),
            texts.injectNull(0.3), texts.injectNull(0.3), texts.injectNull(0.3), instants().injectNull(0.3))
        .as((pieceSize, creator, command, dir, created) -> new ManifestInfo(algs, pieceSize, creator, command, dir, created));
  }

  // ---------------------------------------------------------------- properties

  @Provide
  Arbitrary<Manifest> fullManifests() {
    return algorithmLists().flatMap(algs -> Combinators.combine(
            infos(algs, names()), entryLists(algs, names(), new Shape(true, true, true)))
        .as(Manifest::new));
  }

  @Property(tries = 200)
  void json_givesBackEverything(@ForAll("fullManifests") Manifest m) throws IOException {
    ManifestReadResult r = Manifests.read(ManifestFormat.JSON, Manifests.write(ManifestFormat.JSON, m), "p.json");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest()).isEqualTo(m);
  }

  @Property(tries = 200)
  void csv_givesBackEntriesAndColumns(@ForAll("fullManifests") Manifest m) throws IOException {
    ManifestReadResult r = Manifests.read(ManifestFormat.CSV, Manifests.write(ManifestFormat.CSV, m), "p.csv");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).isEqualTo(m.entries());
    assertThat(r.manifest().info().algorithms()).isEqualTo(m.info().algorithms());
  }

  @Property(tries = 100)
  void dfxml_givesBackEntriesAndProvenanceAndStaysValid(@ForAll("fullManifests") Manifest m) throws Exception {
    byte[] written = Manifests.write(ManifestFormat.DFXML, m);

    DfxmlSchema.validate(written);
    ManifestReadResult r = Manifests.read(ManifestFormat.DFXML, written, "p.xml");
    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).isEqualTo(m.entries());
    ManifestInfo info = r.manifest().info();
    assertThat(info.creator()).isEqualTo(m.info().creator());
    assertThat(info.command()).isEqualTo(m.info().command());
    assertThat(info.invokedFrom()).isEqualTo(m.info().invokedFrom());
    assertThat(info.created()).isEqualTo(m.info().created());
    if (!m.entries().isEmpty()) {
      assertThat(info.algorithms()).isEqualTo(new ArrayList<>(EnumSet.copyOf(m.info().algorithms())));
    }
  }

  @Provide
  Arbitrary<Manifest> hashdeepManifests() {
    return algorithmLists().flatMap(algs -> Combinators.combine(
            infos(algs, namesWithoutLineBreaks()),
            entryLists(algs, namesWithoutLineBreaks(), new Shape(false, true, true)))
        .as(Manifest::new));
  }

  @Property(tries = 300)
  void hashdeep_givesBackEntriesWithoutTimes_orRefusesNamesThatReadAsPieces(@ForAll("hashdeepManifests") Manifest m)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<ManifestEntry> accepted = new ArrayList<>();
    try (ManifestWriter w = ManifestFormat.HASHDEEP.newWriter(out, m.info())) {
      for (ManifestEntry e : m.entries()) {
        try {
          w.write(e);
          accepted.add(Manifests.withoutTime(e));
        } catch (IOException refused) {
          assertThat(e.path()).matches("(?s).* offset \\d+-\\d+");
          assertThat(refused).hasMessageContaining("would be read back as a piece");
        }
      }
    }

    ManifestReadResult r = Manifests.read(ManifestFormat.HASHDEEP, out.toByteArray(), "p.hashdeep");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).isEqualTo(accepted);
    assertThat(r.manifest().info().algorithms()).isEqualTo(m.info().algorithms());
    assertThat(r.manifest().info().command()).isEqualTo(m.info().command());
    assertThat(r.manifest().info().invokedFrom()).isEqualTo(m.info().invokedFrom());
  }

  @Provide
  Arbitrary<String> namesWithLineBreak() {
    return Combinators.combine(names(), Arbitraries.of("\n", "\r", "\r\n"), names()).as((a, nl, b) -> a + nl + b);
  }

  @Property(tries = 100)
  void hashdeep_refusesNamesWithNewlineOrCarriageReturn(@ForAll("namesWithLineBreak") String name) throws IOException {
    List<HashAlgorithm> md5 = List.of(HashAlgorithm.MD5);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ManifestWriter w = ManifestFormat.HASHDEEP.newWriter(out, ManifestInfo.of(md5))) {
      int before = out.size();
      assertThatThrownBy(() -> w.write(ManifestEntry.of(name, 0, Manifests.digests(md5, new byte[0]))))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("newline or carriage return");
      assertThat(out.size()).isEqualTo(before);
    }
  }

  @Provide
  Arbitrary<HashAlgorithm> algorithms() {
    return Arbitraries.of(HashAlgorithm.values());
  }

  @Property(tries = 200)
  void gnu_givesBackDigestsOfOneAlgorithm(@ForAll("algorithms") HashAlgorithm a, @ForAll("gnuLists") List<List<ManifestEntry>> byAlgorithm)
      throws IOException {
    List<ManifestEntry> entries = byAlgorithm.get(a.ordinal());
    Manifest m = new Manifest(ManifestInfo.of(List.of(a)), entries);
    String source = a == HashAlgorithm.BLAKE3 ? "files.b3" : a == HashAlgorithm.SHA3_256 ? "SHA3-256SUMS" : "SUMS";

    ManifestReadResult r = Manifests.read(ManifestFormat.GNU, Manifests.write(ManifestFormat.GNU, m), source);

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).isEqualTo(m.entries().stream().map(Manifests::digestsOnly).collect(Collectors.toList()));
    if (!entries.isEmpty()) {
      assertThat(r.manifest().info().algorithms()).containsExactly(a);
    }
  }

  @Provide
  Arbitrary<List<List<ManifestEntry>>> gnuLists() {
    List<Arbitrary<List<ManifestEntry>>> each = new ArrayList<>();
    for (HashAlgorithm a : HashAlgorithm.values()) {
      each.add(entryLists(List.of(a), names(), new Shape(true, false, false)));
    }
    return Combinators.combine(each).as(l -> l);
  }

  @Property(tries = 200)
  void bsd_givesBackDigestsOfEveryAlgorithm(@ForAll("fullManifests") Manifest full) throws IOException {
    List<ManifestEntry> withDigests = full.entries().stream().filter(e -> !e.digests().isEmpty()).collect(Collectors.toList());
    Manifest m = new Manifest(full.info(), withDigests);

    ManifestReadResult r = Manifests.read(ManifestFormat.BSD, Manifests.write(ManifestFormat.BSD, m), "p.tag");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).isEqualTo(withDigests.stream().map(Manifests::digestsOnly).collect(Collectors.toList()));
  }

  @Property(tries = 100)
  void detect_recognisesEveryWrittenFormat(@ForAll("fullManifests") Manifest full) throws IOException {
    List<ManifestEntry> entries = full.entries().stream()
        .filter(e -> !e.digests().isEmpty() && e.hasSize() && e.path().indexOf('\n') < 0 && e.path().indexOf('\r') < 0)
        .filter(e -> !e.path().matches("(?s).* offset \\d+-\\d+"))
        .collect(Collectors.toList());
    ManifestInfo info = ManifestInfo.of(full.info().algorithms());
    Manifest m = new Manifest(info, entries);
    for (ManifestFormat f : Arrays.asList(ManifestFormat.HASHDEEP, ManifestFormat.BSD, ManifestFormat.DFXML,
        ManifestFormat.CSV, ManifestFormat.JSON)) {
      byte[] written = Manifests.write(f, m);
      if (f == ManifestFormat.BSD && entries.isEmpty()) {
        continue;
      }
      assertThat(ManifestFormat.detect(written, "p")).as(f.id()).isEqualTo(f);
    }
    if (!entries.isEmpty()) {
      Manifest one = new Manifest(ManifestInfo.of(List.of(info.algorithms().get(0))), entries);
      assertThat(ManifestFormat.detect(Manifests.write(ManifestFormat.GNU, one), "p")).isEqualTo(ManifestFormat.GNU);
    }
  }
}
