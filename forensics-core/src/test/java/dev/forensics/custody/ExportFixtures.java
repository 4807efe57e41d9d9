package dev.forensics.custody;

import static dev.forensics.custody.CustodyFixtures.ALICE;
import static dev.forensics.custody.CustodyFixtures.BOB;
import static dev.forensics.custody.CustodyFixtures.CAROL;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.MultiHasher;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A realistic ledger for the export tests: every kind of handling of one exhibit (register, acquire, seal,
 * transfer signed by both custodians with a re-hash, check-out, check-in with a re-hash, examine, verify,
 * return), a second exhibit with hostile text (resealed,
 * disposed), and a case note.
 */
final class ExportFixtures {

  static final String HOSTILE = "<script>alert(\"x\")</script>, 'quoted', comma,\nnew line & \u00e9t\u00e9 \u0e17\u0e14\u0e2a\u0e2d\u0e1a \ud83d\udd12";

  private ExportFixtures() {}

  /** Writes the ledger {@code dir/case.jsonl} (and the item files it re-hashes) and returns its path. */
  static Path realistic(Path dir) throws Exception {
    Path stick = dir.resolve("stick.bin");
    Files.write(stick, "contents of the seized USB stick".getBytes(StandardCharsets.UTF_8));
    Path image = dir.resolve("ex1.dd");
    Files.write(image, "image of the seized USB stick".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("case.jsonl");
    var clock = new CustodyFixtures.Ticking(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.ofHours(7));
    Ledger l = Ledger.create(file, "2026-017", Optional.of("Fraud at \"Harbour & Co\""), ALICE,
        List.of(BOB.custodian(), CAROL.custodian()), clock);
    l.append(CustodyEvent.of(EventType.REGISTER, "EX-1", Map.of("description", "USB stick, black, 16 GB",
        "location", "Scene, 12 Main St", "make", "Kingston", "model", "DT50", "serial", "AA11", "seal", "S-100",
        "condition", "good")).withHashes(hashes(stick)), ALICE, null);
    l.append(new CustodyEvent(EventType.ACQUIRE, Optional.of("EX-1"), Map.of("tool", "dc3dd", "tool-version", "7.2.646",
        "source", "/dev/sdb", "image", "ex1.dd"), hashes(image), Optional.empty()), ALICE, null);
    l.append(CustodyEvent.of(EventType.SEAL, "EX-1", Map.of("seal", "S-101", "reason", "after imaging")), ALICE, null);
    l.append(CustodyFixtures.transfer("EX-1", "alice", "bob", "Scene, 12 Main St", "Lab 2")
        .withRehash(ItemRehash.compute(image, hashes(image), 2)), ALICE, BOB);
    l.append(CustodyEvent.of(EventType.CHECK_OUT, "EX-1", Map.of("purpose", "imaging", "from", "Lab 2", "to", "Bench 3")), BOB, null);
    l.append(CustodyEvent.of(EventType.CHECK_IN, "EX-1", Map.of("to", "Lab 2", "seal-intact", "yes", "condition", "good"))
        .withRehash(ItemRehash.compute(image, hashes(image), 2)), BOB, null);
    l.append(CustodyEvent.of(EventType.EXAMINE, "EX-1", Map.of("tool", "forensics", "tool-version", "0.1.0",
        "purpose", "triage of documents")), BOB, null);
    l.append(new CustodyEvent(EventType.VERIFY, Optional.of("EX-1"), Map.of(), DigestSet.empty(),
        Optional.of(ItemRehash.compute(image, hashes(image), 2))), BOB, null);
    l.append(CustodyEvent.of(EventType.REGISTER, "EX-2", Map.of("description", HOSTILE, "location", "Store A",
        "seal", "S-200")), CAROL, null);
    l.append(CustodyEvent.of(EventType.NOTE, "EX-2", Map.of("text", HOSTILE)), CAROL, null);
    l.append(CustodyEvent.of(EventType.RETURN, "EX-1", Map.of("authorizer", "Prosecutor D. Nguyen",
        "method", "handed over in person", "witness", "Sgt. K. Somchai", "returned-to", "owner, Ms. T. Tran")), BOB, null);
    l.append(CustodyEvent.of(EventType.RESEAL, "EX-2", Map.of("seal", "S-201", "previous-seal", "S-200",
        "reason", "bag torn")), CAROL, null);
    l.append(CustodyEvent.of(EventType.DISPOSE, "EX-2", Map.of("authorizer", "Court order 17/2026",
        "method", "shredded", "witness", "Sgt. K. Somchai")), CAROL, null);
    l.append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "case closed")), CAROL, null);
    return file;
  }

  static DigestSet hashes(Path f) throws Exception {
    try (InputStream in = Files.newInputStream(f)) {
      return MultiHasher.of(EnumSet.of(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256)).hash(in).digests();
    }
  }
}
