package dev.forensics.custody;

import static dev.forensics.custody.CustodyFixtures.ALICE;
import static dev.forensics.custody.CustodyFixtures.BOB;
import static dev.forensics.custody.CustodyFixtures.lines;
import static dev.forensics.custody.CustodyFixtures.verify;
import static dev.forensics.custody.CustodyFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forensics.custody.internal.Jcs;
import dev.forensics.merkle.MerkleHash;
import dev.forensics.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of tampering is detected, and the first bad entry and the reason are named. */
class LedgerTamperTest {

  private static final ObjectMapper M = new ObjectMapper();

  @TempDir Path dir;
  Path f;
  List<String> good;
  LedgerHead head;

  @BeforeEach
  void ledger() throws Exception {
    f = dir.resolve("case.jsonl");
    head = CustodyFixtures.sample(f, new CustodyFixtures.Ticking()).head();
    good = lines(f);
    assertThat(verify(f).intact()).isTrue();
  }

  private LedgerProblem problem() throws Exception {
    return verify(f).problem().orElseThrow(() -> new AssertionError("tampering not detected"));
  }

  @Test
  void editedField_keptCanonical_breaksTheSignature() throws Exception {
    List<String> l = lines(f);
    l.set(1, l.get(1).replace("Store A", "Store B"));
    write(f, l);
    LedgerProblem p = problem();
    assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.SIGNATURE);
    assertThat(p.seq()).isEqualTo(1);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.message()).contains("signature by alice");
  }

  /** RFC 9162 root of the first {@code n} lines, computed from the file's bytes. */
  private static MerkleHash rootOf(List<String> lines, int n) {
    MerkleTree t = MerkleTree.create();
    lines.subList(0, n).forEach(l -> t.append(l.getBytes(StandardCharsets.UTF_8)));
    return t.root();
  }

  @Test
  void merkleRoot_coversExactlyTheIntactEntries() throws Exception {
    assertThat(verify(f).root()).contains(rootOf(good, good.size()));
    // a forged signature on entry 3 (found after the sequential pass went further): entries 0-2 are intact
    List<String> l = lines(f);
    ObjectNode e = (ObjectNode) M.readTree(l.get(3));
    byte[] sig = Base64.getDecoder().decode(e.get("sigs").get(0).get("sig").textValue());
    sig[5] ^= 0x40;
    ((ObjectNode) e.get("sigs").get(0)).put("sig", Base64.getEncoder().encodeToString(sig));
    l.set(3, new String(Jcs.canonicalize(e), StandardCharsets.UTF_8));
    write(f, l);
    LedgerVerification v = verify(f);
    assertThat(v.problem()).hasValueSatisfying(p -> assertThat(p.seq()).isEqualTo(3));
    assertThat(v.entries()).isEqualTo(3);
    assertThat(v.root()).contains(rootOf(good, 3));
    // nothing intact, no root
    write(f, List.of(l.get(0).replace("\"seq\":0", "\"seq\":1")));
    assertThat(verify(f).root()).isEmpty();
  }

  @Test
  void editedEntry_reSignedByItsActor_breaksTheChainAtTheNextEntry() throws Exception {
    List<String> l = lines(f);
    ObjectNode e = (ObjectNode) M.readTree(l.get(1));
    ((ObjectNode) e.get("data")).put("location", "Store B");
    e.remove("sigs");
    byte[] sig = ALICE.sign(Jcs.canonicalize(e));
    e.putArray("sigs").addObject().put("by", "alice").put("sig", Base64.getEncoder().encodeToString(sig));
    l.set(1, new String(Jcs.canonicalize(e), StandardCharsets.UTF_8));
    write(f, l);
    LedgerProblem p = problem();
    assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.CHAIN);
    assertThat(p.seq()).isEqualTo(2);
    assertThat(p.message()).contains("prev does not match the hash of entry 1");
  }

  @Test
  void editedByHand_notCanonical_isNamed() throws Exception {
    List<String> l = lines(f);
    l.set(3, l.get(3).replace("{\"actor\"", "{ \"actor\""));
    write(f, l);
    LedgerProblem p = problem();
    assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.NOT_CANONICAL);
    assertThat(p.line()).isEqualTo(4);
  }

  @Test
  void deletedEntry_isNamed() throws Exception {
    List<String> l = lines(f);
    l.remove(3);
    write(f, l);
    LedgerProblem p = problem();
    assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.SEQUENCE);
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.message()).contains("expected seq 3, found 4");
  }

  @Test
  void insertedEntry_isNamed() throws Exception {
    List<String> l = lines(f);
    l.add(4, l.get(2));
    write(f, l);
    LedgerProblem p = problem();
    assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.SEQUENCE);
    assertThat(p.line()).isEqualTo(5);
  }

  @Test
  void reorderedEntries_areNamed() throws Exception {
    List<String> l = lines(f);
    String x = l.get(3);
    l.set(3, l.get(4));
    l.set(4, x);
    write(f, l);
    LedgerProblem p = problem();
    assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.SEQUENCE);
    assertThat(p.line()).isEqualTo(4);
  }

  @Test
  void truncation_isFoundAgainstTheRememberedHead() throws Exception {
    List<String> l = lines(f);
    write(f, l.subList(0, 5));
    assertThat(verify(f).intact()).as("a truncated ledger is a valid shorter ledger").isTrue();
    LedgerVerification v = LedgerVerifier.verify(f, List.of(), Optional.of(head), e -> {});
    assertThat(v.problem().orElseThrow().kind()).isEqualTo(LedgerProblem.Kind.HEAD);
    assertThat(v.problem().orElseThrow().message()).contains("ends at seq 4 but the remembered head is seq 6");
  }

  @Test
  void rollbackAndRewrite_isFoundAgainstTheRememberedHead() throws Exception {
    write(f, lines(f).subList(0, 5));
    Ledger l = Ledger.open(f, List.of(), new CustodyFixtures.Ticking());
    l.append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "rewritten history 1")), BOB, null);
    l.append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "rewritten history 2")), BOB, null);
    assertThat(verify(f).intact()).isTrue();
    LedgerVerification v = LedgerVerifier.verify(f, List.of(), Optional.of(head), e -> {});
    assertThat(v.problem().orElseThrow().kind()).isEqualTo(LedgerProblem.Kind.HEAD);
    assertThat(v.problem().orElseThrow().message()).contains("does not have the remembered hash");
    assertThat(LedgerVerifier.verify(f, List.of(), Optional.of(l.head()), e -> {}).intact()).isTrue();
  }

  @Test
  void forgedSignature_byAnOutsider_isNamed() throws Exception {
    SigningKey mallory = CustodianKeys.generate("alice"); // claims to be alice
    List<String> l = lines(f);
    ObjectNode e = (ObjectNode) M.readTree(l.get(5));
    e.remove("sigs");
    ((ObjectNode) e.get("data")).put("condition", "damaged");
    byte[] sig = mallory.sign(Jcs.canonicalize(e));
    e.put("actor", "bob");
    e.remove("sigs");
    ObjectNode body = e.deepCopy();
    e.putArray("sigs").addObject().put("by", "bob").put("sig", Base64.getEncoder().encodeToString(mallory.sign(Jcs.canonicalize(body))));
    l.set(5, new String(Jcs.canonicalize(e), StandardCharsets.UTF_8));
    write(f, l);
    assertThat(sig).hasSize(64);
    LedgerProblem p = problem();
    assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.SIGNATURE);
    assertThat(p.seq()).isEqualTo(5);
  }

  @Test
  void transferWithTheReceiversSignatureRemoved_isNamed() throws Exception {
    List<String> l = lines(f);
    ObjectNode e = (ObjectNode) M.readTree(l.get(2));
    ((ArrayNode) e.get("sigs")).remove(1);
    l.set(2, new String(Jcs.canonicalize(e), StandardCharsets.UTF_8));
    write(f, l);
    LedgerProblem p = problem();
    assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.SIGNATURE);
    assertThat(p.message()).contains("must be signed by alice then bob");
  }

  @Test
  void everyByteOfAnEntry_mutated_isRejected() throws Exception {
    byte[] all = Files.readAllBytes(f);
    int start = good.get(0).getBytes(StandardCharsets.UTF_8).length + 1
        + good.get(1).getBytes(StandardCharsets.UTF_8).length + 1;
    int len = good.get(2).getBytes(StandardCharsets.UTF_8).length; // the transfer, two signatures
    for (int i = start; i < start + len; i++) {
      for (int flip : new int[] {0x01}) {
        byte[] m = all.clone();
        m[i] ^= (byte) flip;
        Files.write(f, m);
        boolean rejected;
        try {
          rejected = !verify(f).intact();
        } catch (LedgerParseException ex) {
          rejected = true;
        }
        assertThat(rejected).as("byte %d of the entry ^ 0x%02x", i - start, flip).isTrue();
      }
    }
  }

  @Test
  void everyByteOfASignature_mutated_isRejected() throws Exception {
    ObjectNode e = (ObjectNode) M.readTree(good.get(2));
    for (int s = 0; s < 2; s++) {
      byte[] sig = Base64.getDecoder().decode(e.get("sigs").get(s).get("sig").textValue());
      for (int i = 0; i < sig.length; i++) {
        byte[] m = sig.clone();
        m[i] ^= 0x01;
        ObjectNode copy = e.deepCopy();
        ((ObjectNode) copy.get("sigs").get(s)).put("sig", Base64.getEncoder().encodeToString(m));
        List<String> l = lines(f);
        l.set(2, new String(Jcs.canonicalize(copy), StandardCharsets.UTF_8));
        write(f, l);
        LedgerProblem p = problem();
        assertThat(p.kind()).as("signature %d byte %d", s, i).isEqualTo(LedgerProblem.Kind.SIGNATURE);
        assertThat(p.seq()).isEqualTo(2);
        write(f, good);
      }
    }
  }

  @Test
  void custodyBreak_writtenBehindTheToolsBack_isNamed() throws Exception {
    // carol (a listed custodian) appends a correctly signed and chained examine of an item bob holds
    List<String> l = lines(f);
    ObjectNode last = (ObjectNode) M.readTree(l.get(6));
    ObjectNode body = M.createObjectNode();
    body.put("seq", 7).put("type", "examine").put("time", "2026-03-01T03:00:00.000Z").put("offset", "+07:00")
        .put("actor", "carol").put("item", "EX-1")
        .put("prev", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(Jcs.canonicalize(last))));
    body.putObject("data").put("tool", "x").put("purpose", "y");
    ObjectNode full = body.deepCopy();
    full.putArray("sigs").addObject().put("by", "carol")
        .put("sig", Base64.getEncoder().encodeToString(CustodyFixtures.CAROL.sign(Jcs.canonicalize(body))));
    l.add(new String(Jcs.canonicalize(full), StandardCharsets.UTF_8));
    write(f, l);
    LedgerProblem p = problem();
    assertThat(p.kind()).isEqualTo(LedgerProblem.Kind.CUSTODY);
    assertThat(p.seq()).isEqualTo(7);
    assertThat(p.message()).contains("examine of item EX-1 by carol but the item is held by bob");
  }
}
