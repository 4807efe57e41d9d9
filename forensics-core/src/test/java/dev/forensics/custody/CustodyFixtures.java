package dev.forensics.custody;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keys, a ticking clock and a small ledger shared by the custody tests. */
final class CustodyFixtures {

  static final SigningKey ALICE = CustodianKeys.generate("alice");
  static final SigningKey BOB = CustodianKeys.generate("bob");
  static final SigningKey CAROL = CustodianKeys.generate("carol");

  private CustodyFixtures() {}

  /** A clock that moves one second per reading, in zone +07:00. */
  static final class Ticking extends Clock {
    private Instant now;
    private final ZoneId zone;

    Ticking(Instant start, ZoneId zone) {
      this.now = start;
      this.zone = zone;
    }

    Ticking() {
      this(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.ofHours(7));
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      return new Ticking(now, z);
    }

    @Override
    public synchronized Instant instant() {
      Instant t = now;
      now = now.plus(Duration.ofSeconds(1));
      return t;
    }

    synchronized void back(Duration d) {
      now = now.minus(d);
    }
  }

  /**
   * A ledger for case 2026-001: alice registers EX-1 at "Store A", transfers it to bob (to "Lab 2"),
   * bob examines it and checks it out to "Bench 3", then checks it in at "Lab 2"; a case note by carol.
   */
  static Ledger sample(Path file, Clock clock) throws Exception {
    Ledger l = Ledger.create(file, "2026-001", Optional.of("Burglary, 12 Main St"), ALICE,
        List.of(BOB.custodian(), CAROL.custodian()), clock);
    l.append(CustodyEvent.of(EventType.REGISTER, "EX-1",
        Map.of("description", "USB stick, black, 16 GB", "location", "Store A", "serial", "AA11", "seal", "S-100")),
        ALICE, null);
    l.append(transfer("EX-1", "alice", "bob", "Store A", "Lab 2"), ALICE, BOB);
    l.append(CustodyEvent.of(EventType.EXAMINE, "EX-1", Map.of("tool", "forensics 0.1", "purpose", "triage")), BOB, null);
    l.append(CustodyEvent.of(EventType.CHECK_OUT, "EX-1", Map.of("purpose", "imaging", "from", "Lab 2", "to", "Bench 3")), BOB, null);
    l.append(CustodyEvent.of(EventType.CHECK_IN, "EX-1", Map.of("to", "Lab 2", "seal-intact", "yes", "condition", "good")), BOB, null);
    l.append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "case conference held")), CAROL, null);
    return l;
  }

  static CustodyEvent transfer(String item, String from, String to, String fromLoc, String toLoc) {
    return CustodyEvent.of(EventType.TRANSFER, item, Map.of("released-by", from, "received-by", to,
        "purpose", "examination", "from", fromLoc, "to", toLoc, "seal-intact", "yes", "condition", "sealed bag, undamaged"));
  }

  static List<String> lines(Path file) throws Exception {
    return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  static void write(Path file, List<String> lines) throws Exception {
    Files.writeString(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  static LedgerVerification verify(Path file) throws Exception {
    return LedgerVerifier.verify(file, List.of(), Optional.empty(), e -> {});
  }
}
