package dev.forensics.hash;

import static dev.forensics.hash.Manifests.MD5_SHA256;
import static dev.forensics.hash.Manifests.digests;
import static dev.forensics.hash.Manifests.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HashdeepFormatTest {

  private static final ManifestFormat F = ManifestFormat.HASHDEEP;

  @Test
  void write_knownManifest_matchesFixture() {
    assertThat(Manifests.writeText(F, Manifests.known(MD5_SHA256)))
        .isEqualTo(Manifests.resourceText("known/known.hashdeep"));
  }

  @Test
  void read_knownFixture_givesEntriesPiecesAndProvenance() throws Exception {
    Manifest known = Manifests.known(MD5_SHA256);
    ManifestReadResult r = Manifests.read(F, Manifests.resource("known/known.hashdeep"), "known.hashdeep");

    assertThat(r.problems()).isEmpty();
    assertThat(r.format()).isEqualTo(F);
    assertThat(r.manifest().entries())
        .containsExactlyElementsOf(known.entries().stream().map(Manifests::withoutTime).collect(Collectors.toList()));
    ManifestInfo info = r.manifest().info();
    assertThat(info.algorithms()).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA256);
    assertThat(info.pieceSize()).isEqualTo(4);
    assertThat(info.command()).contains("forensics hash -r evidence");
    assertThat(info.invokedFrom()).contains("/cases/2026-001");
    assertThat(info.creator()).isEmpty();
    assertThat(info.created()).isEmpty();
  }

  @Test
  void read_realHashdeepOutputWithCrlf_readsRootPromptCommandAndNames() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("hashdeep/real_hashdeep_crlf.hashdeep"), "crlf");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().info().command()).contains("hashdeep -c md5,sha256 -l -r .");
    assertThat(r.manifest().info().invokedFrom()).contains("/tmp/hd");
    assertThat(r.manifest().entries()).extracting(ManifestEntry::path)
        .containsExactly("./a.txt", "./empty", "./small", "./sub/b, c.txt");
    ManifestEntry comma = r.manifest().entries().get(3);
    assertThat(comma.size()).isEqualTo(3000);
    assertThat(comma.digests()).isEqualTo(digests(MD5_SHA256, utf8("x".repeat(3000))));
  }

  @Test
  void read_realHashdeepPiecewiseOutput_givesEntriesWithPiecesOnly() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("hashdeep/real_hashdeep_piecewise.hashdeep"), "p");

    assertThat(r.problems()).isEmpty();
    List<HashAlgorithm> md5 = List.of(HashAlgorithm.MD5);
    assertThat(r.manifest().entries()).containsExactly(
        new ManifestEntry("empty", 0, null, DigestSet.empty(), List.of(new Piece(0, 0, digests(md5, new byte[0])))),
        new ManifestEntry("small", 3, null, DigestSet.empty(), Manifests.pieces(md5, utf8("abc"), 1024)),
        new ManifestEntry("sub/b, c.txt", 3000, null, DigestSet.empty(),
            Manifests.pieces(md5, utf8("x".repeat(3000)), 1024)));
    assertThat(r.manifest().info().pieceSize()).isEqualTo(1024);
  }

  @Test
  void read_interleavedPieceLinesOfSeveralThreads_attachToTheirFiles() throws Exception {
    List<HashAlgorithm> md5 = List.of(HashAlgorithm.MD5);
    byte[] big = utf8("y".repeat(1500));
    List<Piece> bigPieces = Manifests.pieces(md5, big, 1024);
    String text = "%%%% HASHDEEP-1.0\n%%%% size,md5,filename\n## \n"
        + "1024," + bigPieces.get(0).digests().get(HashAlgorithm.MD5).orElseThrow().hex() + ",big offset 0-1023\n"
        + "3,900150983cd24fb0d6963f7d28e17f72,small offset 0-2\n"
        + "476," + bigPieces.get(1).digests().get(HashAlgorithm.MD5).orElseThrow().hex() + ",big offset 1024-1499\n";

    ManifestReadResult r = Manifests.read(F, text, "threads");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).containsExactly(
        new ManifestEntry("big", 1500, null, DigestSet.empty(), bigPieces),
        new ManifestEntry("small", 3, null, DigestSet.empty(), Manifests.pieces(md5, utf8("abc"), 1024)));
  }

  @Test
  void write_nameThatContinuesAnEarlierPieceOnlyFile_isRefused() throws Exception {
    List<HashAlgorithm> md5 = List.of(HashAlgorithm.MD5);
    try (ManifestWriter w = F.newWriter(new ByteArrayOutputStream(), ManifestInfo.of(md5))) {
      w.write(new ManifestEntry("p", 4, null, DigestSet.empty(), Manifests.pieces(md5, new byte[4], 4)));
      w.write(ManifestEntry.of("p a", 1, digests(md5, new byte[1])));
      assertThatThrownBy(() -> w.write(ManifestEntry.of("p offset 4-5", 2, digests(md5, new byte[2]))))
          .hasMessageContaining("would be read back as a piece");
      w.write(ManifestEntry.of("p offset 5-6", 2, digests(md5, new byte[2])));
    }
  }

  @Test
  void read_malformedLines_reportsEachWithLineAndKeepsTheRest() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("hashdeep/error_lines.hashdeep"), "bad.hashdeep");

    assertThat(r.problems()).extracting(ManifestProblem::toString).containsExactly(
        "bad.hashdeep:5: expected 4 comma-separated fields (size,md5,sha256,filename), found 3",
        "bad.hashdeep:6: size column: expected a non-negative integer, found 'x3'",
        "bad.hashdeep:7: md5 column: md5 digest must be 32 hex digits, got 31",
        "bad.hashdeep:8: md5 column: not a hex digit at position 32 of md5 digest: 'g'",
        "bad.hashdeep:9: filename column is empty",
        "bad.hashdeep:11: duplicate entry for 'good.txt' (first on line 4); this one is ignored");
    assertThat(r.manifest().entries()).extracting(ManifestEntry::path).containsExactly("also, good.txt", "good.txt");
  }

  @Test
  void read_headerWithoutColumnLine_throwsWithLineNumber() {
    assertThatThrownBy(() -> Manifests.read(F, Manifests.resource("hashdeep/error_missing_columns.hashdeep"), "m"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("m:2: expected the hashdeep column line '%%%% size,<algorithms>,filename', found"
            + " '## Invoked from: /cases'")
        .extracting(e -> ((ManifestParseException) e).line()).isEqualTo(2L);
  }

  @Test
  void read_withoutHeader_throwsOnLineOne() {
    assertThatThrownBy(() -> Manifests.read(F, Manifests.resource("hashdeep/error_no_header.hashdeep"), "n"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("n:1: expected the hashdeep header '%%%% HASHDEEP-1.0', found 'HASHDEEP-1.0'");
  }

  @Test
  void read_onlyUnsupportedColumns_throws() {
    assertThatThrownBy(() -> Manifests.read(F, Manifests.resource("hashdeep/error_no_supported_column.hashdeep"), "t"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("t:2: no supported hash algorithm among the columns 'size,tiger,whirlpool,filename'"
            + " (supported: md5, sha1, sha256, sha512, sha3-256, blake3)");
  }

  @Test
  void read_emptyFile_throws() {
    assertThatThrownBy(() -> Manifests.read(F, "", "e"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("e:1: expected the hashdeep header '%%%% HASHDEEP-1.0', found the end of the file");
  }

  @Test
  void read_unsupportedColumnAmongSupported_ignoresItsValues() throws Exception {
    String text = "%%%% HASHDEEP-1.0\n%%%% size,md5,tiger,filename\n##\n"
        + "3,900150983cd24fb0d6963f7d28e17f72,whatever,abc.txt\n";
    ManifestReadResult r = Manifests.read(F, text, "t");

    assertThat(r.problems()).extracting(ManifestProblem::toString)
        .containsExactly("t:2: column 'tiger' is not a supported hash algorithm; its values are ignored");
    assertThat(r.manifest().entries())
        .containsExactly(ManifestEntry.of("abc.txt", 3, digests(List.of(HashAlgorithm.MD5), utf8("abc"))));
  }

  @Test
  void read_bomAndInvalidUtf8Line_bomSkippedLineReported() throws Exception {
    byte[] head = utf8("\uFEFF%%%% HASHDEEP-1.0\n%%%% size,md5,filename\n3,900150983cd24fb0d6963f7d28e17f72,");
    byte[] bad = {(byte) 0xC3, (byte) 0x28, '\n'};
    byte[] tail = utf8("3,900150983cd24fb0d6963f7d28e17f72,ok\n");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(head);
    b.write(bad);
    b.write(tail);
    ManifestReadResult r = Manifests.read(F, b.toByteArray(), "u");

    assertThat(r.problems()).extracting(ManifestProblem::toString).containsExactly("u:3: line is not valid UTF-8");
    assertThat(r.manifest().entries()).extracting(ManifestEntry::path).containsExactly("ok");
  }

  @Test
  void read_concatenatedOutputs_switchColumnsAtEachHeader() throws Exception {
    String abc = "3,900150983cd24fb0d6963f7d28e17f72,";
    String text = "%%%% HASHDEEP-1.0\n%%%% size,md5,filename\n##\n" + abc + "one\n"
        + "%%%% HASHDEEP-1.0\n%%%% size,sha256,filename\n## \n"
        + "3,ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad,two\n"
        + "%%%% bogus\n3,ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad,three\n";
    ManifestReadResult r = Manifests.read(F, text, "cat");

    assertThat(r.problems()).extracting(ManifestProblem::toString).containsExactly(
        "cat:9: expected the hashdeep column line '%%%% size,<algorithms>,filename', found '%%%% bogus';"
            + " the columns before it stay in force");
    assertThat(r.manifest().entries()).containsExactly(
        ManifestEntry.of("one", 3, digests(List.of(HashAlgorithm.MD5), utf8("abc"))),
        ManifestEntry.of("three", 3, digests(List.of(HashAlgorithm.SHA256), utf8("abc"))),
        ManifestEntry.of("two", 3, digests(List.of(HashAlgorithm.SHA256), utf8("abc"))));
    assertThat(r.manifest().info().algorithms()).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA256);
  }

  @Test
  void write_nameWithNewline_isRefusedAndNothingOfItWritten() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ManifestWriter w = F.newWriter(out, ManifestInfo.of(MD5_SHA256))) {
      assertThatThrownBy(() -> w.write(ManifestEntry.of("a\nb", 0, digests(MD5_SHA256, new byte[0]))))
          .isInstanceOf(java.io.IOException.class)
          .hasMessage("cannot write 'a\\nb' to a hashdeep manifest: hashdeep lines cannot hold a newline or"
              + " carriage return in a file name (hashdeep bug #384); use another format");
      assertThatThrownBy(() -> w.write(ManifestEntry.of("c\rd", 0, digests(MD5_SHA256, new byte[0]))))
          .hasMessageContaining("cannot write 'c\\rd' to a hashdeep manifest");
      w.write(ManifestEntry.of("e", 0, digests(MD5_SHA256, new byte[0])));
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("%%%% HASHDEEP-1.0\n%%%% size,md5,sha256,filename\n##\n"
        + "0,d41d8cd98f00b204e9800998ecf8427e,e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,e\n");
  }

  @Test
  void write_nameThatReadsAsPieceLine_isRefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ManifestWriter w = F.newWriter(out, ManifestInfo.of(MD5_SHA256))) {
      assertThatThrownBy(() -> w.write(ManifestEntry.of("x offset 0-9", 10, digests(MD5_SHA256, new byte[10]))))
          .isInstanceOf(java.io.IOException.class)
          .hasMessage("cannot write 'x offset 0-9' to a hashdeep manifest: its name ends like a piece line"
              + " (' offset A-B' matching its size), so it would be read back as a piece");
    }
  }

  @Test
  void write_nameEndingInOffsetRangeOfAnotherSize_roundTrips() throws Exception {
    Manifest m = new Manifest(ManifestInfo.of(MD5_SHA256), List.of(
        ManifestEntry.of("x", 10, digests(MD5_SHA256, new byte[10])),
        ManifestEntry.of("x offset 0-9", 3, digests(MD5_SHA256, new byte[3])),
        ManifestEntry.of("x offset 10-19", 10, digests(MD5_SHA256, new byte[10]))));

    ManifestReadResult r = Manifests.read(F, Manifests.write(F, m), "x");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest().entries()).isEqualTo(m.entries());
  }

  @Test
  void write_entryWithoutSizeOrDigest_isRefused() throws Exception {
    try (ManifestWriter w = F.newWriter(new ByteArrayOutputStream(), ManifestInfo.of(MD5_SHA256))) {
      assertThatThrownBy(() -> w.write(ManifestEntry.of("a", ManifestEntry.UNKNOWN_SIZE, digests(MD5_SHA256, new byte[0]))))
          .hasMessage("cannot write 'a' to a hashdeep manifest: hashdeep lines need the file size, which this entry lacks");
      assertThatThrownBy(() -> w.write(ManifestEntry.of("b", 0, digests(List.of(HashAlgorithm.MD5), new byte[0]))))
          .hasMessage("cannot write 'b' to a hashdeep manifest: it has no sha256 digest, which the hashdeep columns need");
    }
  }

  @Test
  void write_piecesOnlyEntry_writesPieceLinesLikeHashdeepP() throws Exception {
    List<HashAlgorithm> md5 = List.of(HashAlgorithm.MD5);
    byte[] data = utf8("x".repeat(3000));
    Manifest m = new Manifest(ManifestInfo.of(md5).withPieceSize(1024), List.of(
        new ManifestEntry("sub/b, c.txt", 3000, null, DigestSet.empty(), Manifests.pieces(md5, data, 1024))));

    String text = Manifests.writeText(F, m);

    assertThat(text).endsWith("##\n"
        + "1024,7265f4d211b56873a381d321f586e4a9,sub/b, c.txt offset 0-1023\n"
        + "1024,7265f4d211b56873a381d321f586e4a9,sub/b, c.txt offset 1024-2047\n"
        + "952,611a8b2ca890e04a9c75cd3ae4999472,sub/b, c.txt offset 2048-2999\n");
    assertThat(Manifests.read(F, text, "p").manifest().entries()).isEqualTo(m.entries());
  }

  @Test
  void write_commandWithLineBreak_isRefusedAtCreation() {
    ManifestInfo info = ManifestInfo.of(MD5_SHA256).withProvenance(null, "echo 'a\nb'", null, null);
    assertThatThrownBy(() -> F.newWriter(new ByteArrayOutputStream(), info))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a hashdeep manifest cannot hold a command line with a line break: 'echo \\'a\\nb\\''");
  }

  @Test
  void write_outOfOrder_isRejected() throws Exception {
    try (ManifestWriter w = F.newWriter(new ByteArrayOutputStream(), ManifestInfo.of(MD5_SHA256))) {
      w.write(ManifestEntry.of("b", 0, digests(MD5_SHA256, new byte[0])));
      assertThatThrownBy(() -> w.write(ManifestEntry.of("a", 0, digests(MD5_SHA256, new byte[0]))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("entries must be written in path order: 'a' came after 'b'");
    }
  }
}
