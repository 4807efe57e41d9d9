package dev.forensics.custody;

import static dev.forensics.custody.CustodyFixtures.ALICE;
import static dev.forensics.custody.CustodyFixtures.BOB;
import static dev.forensics.custody.CustodyFixtures.CAROL;
import static dev.forensics.custody.CustodyFixtures.transfer;
import static dev.forensics.custody.CustodyFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

  @TempDir Path dir;

  @Test
  void sampleLedger_verifiesIntact_withHolderAndLocation() throws Exception {
    Path f = dir.resolve("case.jsonl");
    Ledger l = CustodyFixtures.sample(f, new CustodyFixtures.Ticking());
    List<byte[]> leaves = new ArrayList<>();
    LedgerVerification v = LedgerVerifier.verify(f, List.of(), Optional.empty(), e -> leaves.add(e.canonical()));
    assertThat(v.problem()).isEmpty();
    assertThat(v.entries()).isEqualTo(7);
    assertThat(v.caseNumber()).contains("2026-001");
    assertThat(v.head()).contains(l.head());
    assertThat(leaves).hasSize(7);
    ItemStatus s = v.items().get(0);
    assertThat(s.item()).isEqualTo("EX-1");
    assertThat(s.holder()).isEqualTo("bob");
    assertThat(s.location()).isEqualTo("Lab 2");
    assertThat(s.state()).isEqualTo(ItemStatus.State.HELD);
    // every line is its own canonical form, the leaves are the lines, prev chains the SHA-256 of the line
    List<String> lines = CustodyFixtures.lines(f);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(new String(leaves.get(i), StandardCharsets.UTF_8)).isEqualTo(lines.get(i));
      JsonNode j = new ObjectMapper().readTree(lines.get(i));
      assertThat(j.get("seq").asLong()).isEqualTo(i);
      String expectedPrev = i == 0 ? "0".repeat(64)
          : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lines.get(i - 1).getBytes(StandardCharsets.UTF_8)));
      assertThat(j.get("prev").asText()).isEqualTo(expectedPrev);
      assertThat(j.get("offset").asText()).isEqualTo("+07:00");
    }
    assertThat(lines.get(2)).contains("\"sigs\":[{\"by\":\"alice\"").contains("{\"by\":\"bob\"").contains("\"seal-intact\":true");
  }

  @Test
  void missingRequiredField_isAnErrorNamingTheField() {
    assertThatThrownBy(() -> CustodyEvent.of(EventType.TRANSFER, "EX-1", Map.of("released-by", "alice", "received-by", "bob",
        "purpose", "x", "from", "a", "to", "b", "seal-intact", "yes")))
        .isInstanceOf(InvalidEventException.class).hasMessage("transfer: missing required field 'condition'");
    assertThatThrownBy(() -> CustodyEvent.of(EventType.REGISTER, null, Map.of("description", "d", "location", "l")))
        .hasMessageContaining("register: missing required field 'item'");
    assertThatThrownBy(() -> CustodyEvent.of(EventType.ACQUIRE, "EX-1", Map.of("tool", "dc3dd", "tool-version", "7.2",
        "source", "/dev/sdb", "image", "ex1.dd")))
        .hasMessage("acquire: missing required field 'hashes'");
    assertThatThrownBy(() -> CustodyEvent.of(EventType.VERIFY, "EX-1", Map.of()))
        .hasMessage("verify: missing required field 'rehash'");
    assertThatThrownBy(() -> CustodyEvent.of(EventType.DISPOSE, "EX-1", Map.of("authorizer", "judge", "method", "shred")))
        .hasMessage("dispose: missing required field 'witness'");
  }

  @Test
  void unknownField_andBadSealValue_areRefused() {
    assertThatThrownBy(() -> CustodyEvent.of(EventType.NOTE, null, Map.of("text", "x", "colour", "red")))
        .hasMessageStartingWith("note: unknown field 'colour'");
    assertThatThrownBy(() -> CustodyEvent.of(EventType.CHECK_IN, "EX-1", Map.of("to", "a", "seal-intact", "maybe", "condition", "ok")))
        .hasMessageContaining("seal-intact must be yes or no");
  }

  @Test
  void transferByWhoDoesNotHoldIt_isRefused() throws Exception {
    Ledger l = CustodyFixtures.sample(dir.resolve("c.jsonl"), new CustodyFixtures.Ticking());
    assertThatThrownBy(() -> l.append(transfer("EX-1", "alice", "carol", "Lab 2", "Store A"), ALICE, CAROL))
        .isInstanceOf(CustodyViolationException.class).hasMessageContaining("released by alice but held by bob");
    assertThatThrownBy(() -> l.append(transfer("EX-1", "bob", "carol", "Store A", "Lab 9"), BOB, CAROL))
        .isInstanceOf(CustodyViolationException.class).hasMessageContaining("taken from Store A but it is at Lab 2");
    assertThatThrownBy(() -> l.append(CustodyEvent.of(EventType.EXAMINE, "EX-1", Map.of("tool", "t", "purpose", "p")), CAROL, null))
        .hasMessageContaining("by carol but the item is held by bob");
    assertThatThrownBy(() -> l.append(CustodyEvent.of(EventType.EXAMINE, "EX-9", Map.of("tool", "t", "purpose", "p")), CAROL, null))
        .hasMessageContaining("item EX-9 was never registered");
  }

  @Test
  void nothingHappensAfterDisposal() throws Exception {
    Ledger l = CustodyFixtures.sample(dir.resolve("c.jsonl"), new CustodyFixtures.Ticking());
    l.append(CustodyEvent.of(EventType.DISPOSE, "EX-1", Map.of("authorizer", "Judge K", "method", "shredded", "witness", "carol")), BOB, null);
    assertThatThrownBy(() -> l.append(CustodyEvent.of(EventType.EXAMINE, "EX-1", Map.of("tool", "t", "purpose", "p")), BOB, null))
        .hasMessageContaining("examine of item EX-1 after it was disposed");
    assertThat(l.item("EX-1").orElseThrow().state()).isEqualTo(ItemStatus.State.DISPOSED);
  }

  @Test
  void transfer_needsBothSignersKeys() throws Exception {
    Ledger l = CustodyFixtures.sample(dir.resolve("c.jsonl"), new CustodyFixtures.Ticking());
    assertThatThrownBy(() -> l.append(transfer("EX-1", "bob", "carol", "Lab 2", "Store A"), BOB, null))
        .hasMessageContaining("receiving custodian must sign");
    assertThatThrownBy(() -> l.append(transfer("EX-1", "bob", "carol", "Lab 2", "Store A"), BOB, ALICE))
        .hasMessageContaining("received-by is carol but the receiver key is alice's");
  }

  @Test
  void unknownCustodian_isRefused_untilTheKeysFolderHasThem() throws Exception {
    Path f = dir.resolve("c.jsonl");
    Ledger.create(f, "C-1", Optional.empty(), ALICE, List.of(), new CustodyFixtures.Ticking());
    SigningKey dave = CustodianKeys.generate("dave");
    Ledger l = Ledger.open(f, List.of(), new CustodyFixtures.Ticking());
    CustodyEvent note = CustodyEvent.of(EventType.NOTE, null, Map.of("text", "hello"));
    assertThatThrownBy(() -> l.append(note, dave, null)).hasMessageContaining("custodian dave is not listed");
    Ledger withKeys = Ledger.open(f, List.of(dave.custodian()), new CustodyFixtures.Ticking());
    withKeys.append(note, dave, null);
    assertThat(verify(f).problem().orElseThrow().kind()).isEqualTo(LedgerProblem.Kind.UNKNOWN_SIGNER);
    assertThat(LedgerVerifier.verify(f, List.of(dave.custodian()), Optional.empty(), e -> {}).intact()).isTrue();
    // a key of the same name that differs from the init entry's is refused
    SigningKey fakeAlice = CustodianKeys.generate("alice");
    assertThat(LedgerVerifier.verify(f, List.of(fakeAlice.custodian()), Optional.empty(), e -> {}).problem().orElseThrow().message())
        .contains("different key for custodian alice");
    assertThatThrownBy(() -> withKeys.append(note, fakeAlice, null)).hasMessageContaining("not the one the ledger knows");
  }

  @Test
  void rehash_recordsMatchAndMismatch() throws Exception {
    Path f = dir.resolve("c.jsonl");
    Path item = dir.resolve("ex1.dd");
    Files.write(item, "disk image bytes".getBytes(StandardCharsets.UTF_8));
    DigestSet ref = DigestSet.of(Digest.ofHex(HashAlgorithm.SHA256,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(item)))));
    Ledger l = Ledger.create(f, "C-1", Optional.empty(), ALICE, List.of(BOB.custodian()), new CustodyFixtures.Ticking());
    l.append(CustodyEvent.of(EventType.REGISTER, "EX-1", Map.of("description", "image", "location", "Store A")).withHashes(ref), ALICE, null);
    ItemStatus s = l.item("EX-1").orElseThrow();
    ItemRehash ok = ItemRehash.compute(item, s.reference(), s.referenceSeq().getAsLong());
    assertThat(ok.result()).isEqualTo(ItemRehash.Result.MATCH);
    l.append(new CustodyEvent(EventType.VERIFY, Optional.of("EX-1"), Map.of(), DigestSet.empty(), Optional.of(ok)), ALICE, null);
    Files.write(item, "disk image bytes, altered".getBytes(StandardCharsets.UTF_8));
    ItemRehash bad = ItemRehash.compute(item, s.reference(), s.referenceSeq().getAsLong());
    assertThat(bad.result()).isEqualTo(ItemRehash.Result.MISMATCH);
    l.append(transfer("EX-1", "alice", "bob", "Store A", "Lab").withRehash(bad), ALICE, BOB);
    LedgerVerification v = verify(f);
    assertThat(v.intact()).isTrue();
    ItemStatus after = v.items().get(0);
    assertThat(after.lastRehash().orElseThrow().result()).isEqualTo(ItemRehash.Result.MISMATCH);
    assertThat(after.lastRehashSeq()).hasValue(3);
    assertThat(CustodyFixtures.lines(f).get(3)).contains("\"result\":\"mismatch\"").contains("\"against\":1");
  }

  @Test
  void timeGoingBackwards_isAWarningOnly() throws Exception {
    Path f = dir.resolve("c.jsonl");
    CustodyFixtures.Ticking clock = new CustodyFixtures.Ticking();
    Ledger l = Ledger.create(f, "C-1", Optional.empty(), ALICE, List.of(), clock);
    clock.back(java.time.Duration.ofHours(1));
    l.append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "clock was wrong")), ALICE, null);
    LedgerVerification v = verify(f);
    assertThat(v.intact()).isTrue();
    assertThat(v.warnings()).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo(LedgerProblem.Kind.TIME_ORDER);
      assertThat(w.seq()).isEqualTo(1);
    });
  }

  @Test
  void tornLastLine_isReported_refusedForAppend_andRepairedKeepingCommittedLines() throws Exception {
    Path f = dir.resolve("c.jsonl");
    CustodyFixtures.sample(f, new CustodyFixtures.Ticking());
    byte[] committed = Files.readAllBytes(f);
    byte[] torn = "{\"actor\":\"bob\",\"data\":{\"te".getBytes(StandardCharsets.UTF_8);
    Files.write(f, torn, java.nio.file.StandardOpenOption.APPEND);
    LedgerVerification v = verify(f);
    assertThat(v.problem().orElseThrow().kind()).isEqualTo(LedgerProblem.Kind.TORN);
    assertThat(v.tornBytes()).isEqualTo(torn.length);
    assertThat(v.entries()).isEqualTo(7);
    assertThatThrownBy(() -> Ledger.open(f, List.of(), new CustodyFixtures.Ticking()))
        .isInstanceOf(CustodyViolationException.class).hasMessageContaining("custody repair");
    Ledger.Repair r = Ledger.repair(f, new CustodyFixtures.Ticking());
    assertThat(r.tornBytes()).isEqualTo(torn.length);
    assertThat(Files.readAllBytes(r.sideFile().orElseThrow())).isEqualTo(torn);
    assertThat(Files.readAllBytes(f)).isEqualTo(committed);
    assertThat(verify(f).intact()).isTrue();
    assertThat(Ledger.repair(f, new CustodyFixtures.Ticking()).tornBytes()).isZero();
    Ledger.open(f, List.of(), new CustodyFixtures.Ticking())
        .append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "after repair")), BOB, null);
    assertThat(verify(f).entries()).isEqualTo(8);
  }

  @Test
  void emptyOrForeignFile_isNotALedger() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jsonl"));
    assertThatThrownBy(() -> verify(empty)).isInstanceOf(LedgerParseException.class).hasMessageContaining("empty file");
    Path csv = dir.resolve("x.csv");
    Files.writeString(csv, "a,b,c\n1,2,3\n");
    assertThatThrownBy(() -> verify(csv)).isInstanceOf(LedgerParseException.class).hasMessageContaining("line 1: not a custody ledger");
  }

  @Test
  void appendAll_writesAGroup_orNothing() throws Exception {
    Path f = dir.resolve("c.jsonl");
    Ledger l = Ledger.create(f, "C-1", Optional.empty(), ALICE, List.of(BOB.custodian()), new CustodyFixtures.Ticking());
    List<LedgerEntry> written = l.appendAll(List.of(
        CustodyEvent.of(EventType.REGISTER, "EX-1", Map.of("description", "phone", "location", "Store A")),
        CustodyEvent.of(EventType.REGISTER, "EX-2", Map.of("description", "laptop", "location", "Store A")),
        CustodyEvent.of(EventType.SEAL, "EX-2", Map.of("seal", "S-2"))), ALICE);
    assertThat(written).extracting(LedgerEntry::seq).containsExactly(1L, 2L, 3L);
    long size = Files.size(f);
    assertThatThrownBy(() -> l.appendAll(List.of(
        CustodyEvent.of(EventType.NOTE, "EX-1", Map.of("text", "fine")),
        CustodyEvent.of(EventType.REGISTER, "EX-1", Map.of("description", "again", "location", "Store A"))), ALICE))
        .isInstanceOf(CustodyViolationException.class).hasMessageContaining("event 2 of 2").hasMessageContaining("already registered");
    assertThat(Files.size(f)).isEqualTo(size);
    l.append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "after the refused group")), BOB, null);
    LedgerVerification v = verify(f);
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(5);
  }
}
