package dev.forensics.hash;

import static dev.forensics.hash.Manifests.digest;
import static dev.forensics.hash.Manifests.digests;
import static dev.forensics.hash.Manifests.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DfxmlFormatTest {

  private static final ManifestFormat F = ManifestFormat.DFXML;
  private static final List<HashAlgorithm> ALL = Arrays.asList(HashAlgorithm.values());

  @Test
  void write_knownManifest_matchesFixtureAndValidatesAgainstDfxmlSchema() throws Exception {
    byte[] written = Manifests.write(F, Manifests.known(Manifests.MD5_SHA256));

    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(Manifests.resourceText("known/known.dfxml"));
    DfxmlSchema.validate(written);
  }

  @Test
  void read_knownFixture_givesEverythingBack() throws Exception {
    Manifest known = Manifests.known(Manifests.MD5_SHA256);
    ManifestReadResult r = Manifests.read(F, Manifests.resource("known/known.dfxml"), "known.dfxml");

    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest()).isEqualTo(known);
  }

  @Test
  void write_sha3AndBlake3_useTypeOtherWithNamespacedAlgorithmAndStayValid() throws Exception {
    byte[] abc = utf8("abc");
    Manifest m = new Manifest(ManifestInfo.of(ALL).withPieceSize(2), List.of(
        new ManifestEntry("abc", 3, null, digests(ALL, abc), Manifests.pieces(ALL, abc, 2))));

    byte[] written = Manifests.write(F, m);
    String text = new String(written, StandardCharsets.UTF_8);

    assertThat(text)
        .contains("xmlns:fx=\"urn:x-dev-forensics:dfxml\"")
        .contains("<hashdigest type=\"OTHER\" fx:algorithm=\"sha3-256\">"
            + digest(HashAlgorithm.SHA3_256, abc).hex() + "</hashdigest>")
        .contains("<hashdigest type=\"OTHER\" fx:algorithm=\"blake3\">"
            + digest(HashAlgorithm.BLAKE3, abc).hex() + "</hashdigest>")
        .contains("<hashdigest type=\"SHA512\">");
    DfxmlSchema.validate(written);
    assertThat(Manifests.read(F, written, "all").manifest()).isEqualTo(m);
  }

  @Test
  void write_hostileNames_validateAndRoundTrip() throws Exception {
    List<String> names = List.of("a\rb", "c\r\nd", "e\nf", "tab\there", "<&>\"'", "]]>", " lead", "trail ",
        "astral \uD83D\uDE00 \uD801\uDC37", "x offset 0-9");
    List<ManifestEntry> entries = names.stream()
        .map(n -> ManifestEntry.of(n, 0, digests(Manifests.MD5_SHA256, new byte[0]))).toList();
    Manifest m = new Manifest(ManifestInfo.of(Manifests.MD5_SHA256)
        .withProvenance("tool\r 1", "cmd\r\n<x>", "/dir\rx", Instant.parse("2026-01-02T03:04:05.123456789Z")), entries);

    byte[] written = Manifests.write(F, m);

    DfxmlSchema.validate(written);
    ManifestReadResult r = Manifests.read(F, written, "hostile");
    assertThat(r.problems()).isEmpty();
    assertThat(r.manifest()).isEqualTo(m);
  }

  @Test
  void write_minimalManifest_validates() throws Exception {
    byte[] written = Manifests.write(F, new Manifest(ManifestInfo.of(List.of(HashAlgorithm.SHA1)), List.of()));

    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<dfxml xmlns=\"http://www.forensicswiki.org/wiki/Category:Digital_Forensics_XML\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" version=\"2.0.0-beta.0\">\n"
        + "  <metadata>\n    <dc:type>Hash List</dc:type>\n  </metadata>\n</dfxml>\n");
    DfxmlSchema.validate(written);
  }

  @Test
  void write_nameWithCharacterXmlCannotHold_isRefused() throws Exception {
    try (ManifestWriter w = F.newWriter(new ByteArrayOutputStream(), ManifestInfo.of(Manifests.MD5_SHA256))) {
      assertThatThrownBy(() -> w.write(ManifestEntry.of("a\u0001b", 0, digests(Manifests.MD5_SHA256, new byte[0]))))
          .isInstanceOf(java.io.IOException.class)
          .hasMessage("cannot write 'a\\u0001b' to DFXML: XML 1.0 cannot hold U+0001");
    }
  }

  @Test
  void read_realHashdeepDfxml_readsPiecesCreatorAndTime() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("real_hashdeep_piecewise.dfxml"), "hashdeep.xml");

    assertThat(r.problems()).isEmpty();
    byte[] x3000 = utf8("x".repeat(3000));
    assertThat(r.manifest().entries()).containsExactly(
        new ManifestEntry("small", 3, Instant.parse("2026-11-28T13:22:39Z"), digests(Manifests.MD5_SHA256, utf8("abc")),
            Manifests.pieces(Manifests.MD5_SHA256, utf8("abc"), 1024)),
        new ManifestEntry("sub/b, c.txt", 3000, Instant.parse("2026-11-28T13:21:58Z"),
            digests(Manifests.MD5_SHA256, x3000), Manifests.pieces(Manifests.MD5_SHA256, x3000, 1024)));
    ManifestInfo info = r.manifest().info();
    assertThat(info.creator()).contains("MD5DEEP 4.4");
    assertThat(info.command()).contains("hashdeep -d -c md5,sha256 -p 1k -l -r sub small");
    assertThat(info.created()).contains(Instant.parse("2026-11-28T13:42:30Z"));
    assertThat(info.pieceSize()).isEqualTo(1024);
  }

  @Test
  void read_malformedFileobjects_reportsEachWithLineAndKeepsTheRest() throws Exception {
    ManifestReadResult r = Manifests.read(F, Manifests.resource("dfxml/error_entries.dfxml"), "p");

    assertThat(r.problems()).extracting(ManifestProblem::toString).containsExactly(
        "p:8: hashdigest type 'SHA224' is not supported; ignored",
        "p:12: hashdigest type 'MD5': md5 digest must be 32 hex digits, got 31; the fileobject is ignored",
        "p:16: hashdigest type 'OTHER' names no algorithm (expected the attribute algorithm of namespace"
            + " urn:x-dev-forensics:dfxml); ignored",
        "p:19: fileobject has no filename; it is ignored",
        "p:24: filesize: expected a non-negative integer, found '-1'; the fileobject is ignored",
        "p:29: mtime: expected an ISO-8601 time with zone such as 2024-01-31T12:00:00Z, found 'yesterday';"
            + " the fileobject is ignored",
        "p:39: byte_run with hashdigest needs the attributes file_offset and len; the fileobject is ignored");
    assertThat(r.manifest().entries()).extracting(ManifestEntry::path).containsExactly("good.txt", "other.txt");
  }

  @Test
  void read_doctype_isRefusedSoNoEntityIsExpanded() {
    assertThatThrownBy(() -> Manifests.read(F, Manifests.resource("dfxml/error_doctype.dfxml"), "xxe"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("xxe:2: DOCTYPE declarations are not allowed in DFXML");
    assertThatThrownBy(() -> Manifests.read(F, Manifests.resource("dfxml/error_billion_laughs.dfxml"), "lol"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("lol:6: DOCTYPE declarations are not allowed in DFXML");
  }

  @Test
  void read_notWellFormed_throwsWithLine() {
    assertThatThrownBy(() -> Manifests.read(F, Manifests.resource("dfxml/error_not_well_formed.dfxml"), "nwf"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageStartingWith("nwf:4: not well-formed XML: ")
        .hasMessageContaining("metadata");
  }

  @Test
  void read_otherRootElement_throws() {
    assertThatThrownBy(() -> Manifests.read(F, Manifests.resource("dfxml/error_wrong_root.dfxml"), "root"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("root:2: expected the DFXML root element 'dfxml' in namespace"
            + " http://www.forensicswiki.org/wiki/Category:Digital_Forensics_XML, found 'manifest'");
  }

  @Test
  void splitCreator_versionAfterLastSpace() throws Exception {
    for (String creator : List.of("forensics 0.1.0", "forensics", "my tool 2", "x 1 ", " 1", "a  1.0")) {
      Manifest m = new Manifest(ManifestInfo.of(Manifests.MD5_SHA256).withProvenance(creator, null, null, null), List.of());
      byte[] written = Manifests.write(F, m);
      DfxmlSchema.validate(written);
      assertThat(Manifests.read(F, written, "c").manifest().info().creator()).contains(creator);
    }
  }
}
