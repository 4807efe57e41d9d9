package dev.forensics.hash;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our DFXML output against the real DFXML schema, when the shared reference data has it. */
class DfxmlSchemaTest {

  @Test
  void dfxmlOutput_validatesAgainstTheDfxmlSchema() throws Exception {
    assumeTrue(DfxmlSchema.location().isPresent(), DfxmlSchema.MISSING);
    List<HashAlgorithm> all = List.of(HashAlgorithm.values());
    byte[] abc = "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    MultiHasher h = MultiHasher.of(all).withPieceSize(2);
    HashResult r = h.hash(abc);
    Manifest m =
        new Manifest(
            ManifestInfo.of(all)
                .withPieceSize(2)
                .withProvenance("forensics 0.1.0", "forensics hash -p 2 abc", "/cases/01", Instant.parse("2026-11-28T10:00:00Z")),
            List.of(new ManifestEntry("dir/abc & <x>.txt", 3, Instant.parse("2026-01-02T03:04:05Z"), r.digests(), r.pieces())));
    DfxmlSchema.validate(Manifests.write(ManifestFormat.DFXML, m));
  }
}
