package dev.forensics.cli;

import static dev.forensics.cli.CliRun.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forensics.timestamp.TestTsa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustodyProofCommandTest {

  @TempDir Path dir;
  Path ledger;

  private CliRun fails(int code, String... args) {
    CliRun r = CliRun.run(args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isEqualTo(code);
    return r;
  }

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  @BeforeEach
  void caseWithTwoCustodians() {
    ok("custody", "keygen", "--name", "alice", "-d", dir.toString());
    ok("custody", "keygen", "--name", "bob", "-d", dir.toString());
    ledger = dir.resolve("case.jsonl");
    ok("custody", "init", ledger.toString(), "--case", "2026-001", "--key", p("alice.key"), "--custodian", p("bob.pub"));
    ok("custody", "add", ledger.toString(), "register", "-i", "EX-1", "--key", p("alice.key"),
        "-s", "description=USB stick", "-s", "location=Store A");
    ok("custody", "add", ledger.toString(), "note", "--key", p("bob.key"), "-s", "text=first look");
  }

  private void notes(int n) {
    for (int i = 0; i < n; i++) {
      ok("custody", "add", ledger.toString(), "note", "--key", p("bob.key"), "-s", "text=note " + i);
    }
  }

  @Test
  void checkpoint_prove_verifyProof_roundTrip() throws Exception {
    CliRun c = ok("custody", "checkpoint", ledger.toString(), "--key", p("bob.key"), "-o", p("cp"));
    assertThat(c.out()).contains("checkpoint of 3 entries of case 2026-001 written to " + p("cp"))
        .contains("origin forensics.custody/2026-001").contains("signed by bob");
    assertThat(Files.readString(dir.resolve("cp"))).startsWith("forensics.custody/2026-001\n3\n")
        .contains("\n\n\u2014 forensics.custody/2026-001 ");
    ok("custody", "verify", ledger.toString(), "--checkpoint", p("cp"));
    // plain verify shows the same Merkle root as the checkpoint (third line of the note)
    String root = Files.readAllLines(dir.resolve("cp")).get(2);
    assertThat(ok("custody", "verify", ledger.toString()).out())
        .contains("Merkle root (RFC 9162) of those entries: " + root + "\n");
    assertThat(new ObjectMapper().readTree(ok("custody", "verify", ledger.toString(), "-f", "json").out())
        .get("merkleRoot").asText()).isEqualTo(root);

    CliRun pr = ok("custody", "prove", ledger.toString(), "--entry", "1", "--checkpoint", p("cp"), "-o", p("e1.tlog-proof"));
    assertThat(pr.out()).contains("inclusion proof of entry 1 in the checkpoint of 3 entries");
    assertThat(Files.readString(dir.resolve("e1.tlog-proof"))).startsWith("c2sp.org/tlog-proof@v1\nextra ");

    // offline: only the proof and bob's public key
    CliRun v = ok("custody", "verify-proof", p("e1.tlog-proof"), "--key", p("bob.pub"), "--case", "2026-001");
    assertThat(v.out()).contains("checkpoint: forensics.custody/2026-001, 3 entries")
        .contains("entry: seq 1 register EX-1 by alice")
        .endsWith("forensics custody verify-proof: VERIFIED (the entry is in the ledger)\n");
    CliRun j = ok("custody", "verify-proof", p("e1.tlog-proof"), "--key", p("bob.pub"), "-f", "json");
    JsonNode n = new ObjectMapper().readTree(j.out());
    assertThat(n.get("verified").asBoolean()).isTrue();
    assertThat(n.get("kind").asText()).isEqualTo("inclusion");
    assertThat(n.get("entry").get("item").asText()).isEqualTo("EX-1");
    assertThat(n.get("size").asLong()).isEqualTo(3);

    ok("custody", "verify-proof", p("cp"), "--key", p("bob.pub"));
  }

  @Test
  void verifyProof_wrongKeyOrCase_exit1WithTheReason() {
    ok("custody", "prove", ledger.toString(), "--entry", "0", "--key", p("alice.key"), "-o", p("e0"));
    CliRun k = fails(1, "custody", "verify-proof", p("e0"), "--key", p("bob.pub"));
    assertThat(k.out()).contains("NOT VERIFIED: unknown-key");
    CliRun c = fails(1, "custody", "verify-proof", p("e0"), "--key", p("alice.pub"), "--case", "2026-009", "-f", "json");
    assertThat(c.out()).contains("\"verified\" : false").contains("\"reason\" : \"unknown-key\"");
  }

  @Test
  void tamperedProofHash_exit1_rootMismatch() throws Exception {
    ok("custody", "checkpoint", ledger.toString(), "--key", p("alice.key"), "-o", p("cp"));
    ok("custody", "prove", ledger.toString(), "--entry", "2", "--checkpoint", p("cp"), "-o", p("e2"));
    List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("e2")));
    int hashLine = 3; // magic, extra, index, then the hashes
    char[] h = lines.get(hashLine).toCharArray();
    h[5] = h[5] == 'A' ? 'B' : 'A';
    lines.set(hashLine, new String(h));
    Files.write(dir.resolve("e2"), lines);
    CliRun r = fails(1, "custody", "verify-proof", p("e2"), "--key", p("alice.pub"));
    assertThat(r.out()).contains("NOT VERIFIED: root-mismatch").contains("leads to root");
  }

  @Test
  void tamperedCheckpoint_exit1_badSignature_malformed_exit2() throws Exception {
    ok("custody", "checkpoint", ledger.toString(), "--key", p("alice.key"), "-o", p("cp"));
    String cp = Files.readString(dir.resolve("cp"));
    Files.writeString(dir.resolve("cp4"), cp.replaceFirst("\n3\n", "\n4\n"));
    CliRun r = fails(1, "custody", "verify-proof", p("cp4"), "--key", p("alice.pub"));
    assertThat(r.out()).contains("NOT VERIFIED: bad-signature");
    // a saved checkpoint that was altered does not vouch for the ledger either
    CliRun v = fails(1, "custody", "verify", ledger.toString(), "--checkpoint", p("cp4"));
    assertThat(v.out()).contains("FIRST BAD ENTRY").contains("checkpoint: the checkpoint is not signed by a custodian");
    Files.writeString(dir.resolve("junk"), "not a checkpoint\n");
    CliRun m = fails(2, "custody", "verify-proof", p("junk"), "--key", p("alice.pub"));
    assertThat(m.err()).contains(p("junk") + ":");
  }

  @Test
  void verifyWithCheckpoint_truncatedLedger_exit1() throws Exception {
    ok("custody", "checkpoint", ledger.toString(), "--key", p("alice.key"), "-o", p("cp"));
    notes(1);
    ok("custody", "verify", ledger.toString(), "--checkpoint", p("cp"));
    List<String> lines = Files.readAllLines(ledger);
    Files.write(ledger, lines.subList(0, 2));
    CliRun r = fails(1, "custody", "verify", ledger.toString(), "--checkpoint", p("cp"), "-f", "json");
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertThat(n.get("intact").asBoolean()).isFalse();
    assertThat(n.get("problem").get("kind").asText()).isEqualTo("checkpoint");
    assertThat(n.get("problem").get("message").asText())
        .contains("the ledger has 2 entries but the checkpoint has 3").contains("truncated or rolled back");
    // and no proof is made against the checkpoint from the cut ledger
    CliRun pr = fails(1, "custody", "prove", ledger.toString(), "--entry", "1", "--checkpoint", p("cp"), "-o", p("x"));
    assertThat(pr.err()).contains("NOT MATCHING").contains("has 2 entries but the checkpoint has 3");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void verifyWithCheckpoint_forkedLedger_exit1() throws Exception {
    ok("custody", "checkpoint", ledger.toString(), "--key", p("alice.key"), "-o", p("cp"));
    // the same case, written again by the same two custodians: valid signatures, another history
    Files.delete(ledger);
    ok("custody", "init", ledger.toString(), "--case", "2026-001", "--key", p("alice.key"), "--custodian", p("bob.pub"));
    ok("custody", "add", ledger.toString(), "register", "-i", "EX-1", "--key", p("alice.key"),
        "-s", "description=USB stick", "-s", "location=Store B");
    notes(2);
    ok("custody", "verify", ledger.toString());
    CliRun r = fails(1, "custody", "verify", ledger.toString(), "--checkpoint", p("cp"));
    assertThat(r.out()).contains("checkpoint: the first 3 entries have Merkle root").contains("(a fork)")
        .endsWith("TAMPERED OR INCONSISTENT\n");
  }

  @Test
  void consistency_since_roundTrip_andSizesLogarithmic() throws Exception {
    ok("custody", "checkpoint", ledger.toString(), "--key", p("alice.key"), "-o", p("old"));
    notes(20);
    CliRun pr = ok("custody", "prove", ledger.toString(), "--since", p("old"), "--key", p("alice.key"),
        "-o", p("since"), "-f", "json");
    JsonNode n = new ObjectMapper().readTree(pr.out());
    assertThat(n.get("oldSize").asLong()).isEqualTo(3);
    assertThat(n.get("size").asLong()).isEqualTo(23);
    assertThat(n.get("proofHashes").asInt()).isBetween(1, 2 * 5);
    CliRun v = ok("custody", "verify-proof", p("since"), "--key", p("alice.pub"), "--checkpoint", p("old"));
    assertThat(v.out()).contains("extends: the trusted checkpoint of 3 entries")
        .contains("VERIFIED (the ledger only grew since the older checkpoint)");
    CliRun missing = fails(2, "custody", "verify-proof", p("since"), "--key", p("alice.pub"));
    assertThat(missing.err()).contains("older checkpoint");
  }

  @Test
  void checkpoint_ofATamperedLedger_isRefused_nothingWritten() throws Exception {
    List<String> lines = Files.readAllLines(ledger);
    lines.set(1, lines.get(1).replace("Store A", "Store Z"));
    Files.write(ledger, lines);
    CliRun r = fails(1, "custody", "checkpoint", ledger.toString(), "--key", p("alice.key"), "-o", p("cp"));
    assertThat(r.err()).contains("FIRST BAD ENTRY").contains("REFUSED");
    assertThat(dir.resolve("cp")).doesNotExist();
  }

  @Test
  void checkpoint_byAStranger_exit2_existingOutput_exit2() throws Exception {
    ok("custody", "keygen", "--name", "mallory", "-d", dir.toString());
    CliRun r = fails(2, "custody", "checkpoint", ledger.toString(), "--key", p("mallory.key"));
    assertThat(r.err()).contains("not the key of a custodian");
    ok("custody", "checkpoint", ledger.toString(), "--key", p("alice.key"), "-o", p("cp"));
    CliRun again = fails(2, "custody", "checkpoint", ledger.toString(), "--key", p("alice.key"), "-o", p("cp"));
    assertThat(again.err()).contains("never overwritten");
    // without -o the signed note goes to stdout
    CliRun stdout = ok("custody", "checkpoint", ledger.toString(), "--key", p("alice.key"));
    assertThat(stdout.out()).isEqualTo(Files.readString(dir.resolve("cp"))); // Ed25519 is deterministic
  }

  @Test
  void tsa_timeStampedCheckpoint_verifies_andIsCheckedAgainstTheCa() throws Exception {
    try (TestTsa tsa = TestTsa.start()) {
      Path ca = TestTsa.writePem(tsa.ca, dir.resolve("ca.pem"));
      CliRun c = ok("custody", "checkpoint", ledger.toString(), "--key", p("alice.key"), "-o", p("cp"),
          "--tsa", tsa.uri().toString(), "--tsa-ca", ca.toString());
      assertThat(c.out()).contains("time stamp 20").contains("by CN=Test TSA").contains(p("cp.tst"));
      assertThat(dir.resolve("cp.tst")).isNotEmptyFile();

      CliRun v = ok("custody", "verify-proof", p("cp"), "--key", p("alice.pub"), "--timestamp", p("cp.tst"),
          "--tsa-ca", ca.toString(), "-f", "json");
      JsonNode n = new ObjectMapper().readTree(v.out());
      assertThat(n.get("timestamp").get("tsa").asText()).isEqualTo("CN=Test TSA");
      assertThat(n.get("timestamp").get("hashAlgorithm").asText()).isEqualTo("SHA-256");

      // the proof files carry the checkpoint verbatim: the same token vouches for their time
      ok("custody", "prove", ledger.toString(), "--entry", "2", "--checkpoint", p("cp"), "-o", p("e2"));
      CliRun e2 = ok("custody", "verify-proof", p("e2"), "--key", p("alice.pub"), "--timestamp", p("cp.tst"),
          "--tsa-ca", ca.toString());
      assertThat(e2.out()).contains("time stamp: 20").contains(" by CN=Test TSA\n").contains("VERIFIED (the entry is in the ledger)");

      // another CA: the TSA certificate does not chain to it
      Path other = TestTsa.writePem(TestTsa.caCertificate("CN=Other CA", TestTsa.ecKeys()), dir.resolve("other.pem"));
      CliRun u = fails(1, "custody", "verify-proof", p("cp"), "--key", p("alice.pub"), "--timestamp", p("cp.tst"),
          "--tsa-ca", other.toString());
      assertThat(u.out()).contains("NOT VERIFIED: timestamp-untrusted-certificate");

      // a token of another checkpoint: the imprint does not match
      notes(1);
      ok("custody", "checkpoint", ledger.toString(), "--key", p("alice.key"), "-o", p("cp2"));
      CliRun i = fails(1, "custody", "verify-proof", p("cp2"), "--key", p("alice.pub"), "--timestamp", p("cp.tst"),
          "--tsa-ca", ca.toString());
      assertThat(i.out()).contains("NOT VERIFIED: timestamp-imprint-mismatch");

      // --tsa without --tsa-ca is a usage error
      fails(2, "custody", "checkpoint", ledger.toString(), "--key", p("alice.key"), "-o", p("cp3"),
          "--tsa", tsa.uri().toString());
    }
  }

  @Test
  void help_hasExamplesAndExitCodes() {
    for (String c : List.of("checkpoint", "prove", "verify-proof")) {
      CliRun r = ok("custody", c, "--help");
      assertThat(r.out()).contains("Examples:").contains("Exit codes:").contains("forensics custody " + c);
    }
    assertThat(ok("custody", "verify", "--help").out()).contains("--checkpoint=FILE");
    assertThat(ok("custody", "verify-proof", "--help").out()).doesNotContain("{0}");
  }

  @Test
  void proofFile_isUtf8Text() throws Exception {
    ok("custody", "prove", ledger.toString(), "--entry", "0", "--key", p("alice.key"), "-o", p("e0"));
    byte[] b = Files.readAllBytes(dir.resolve("e0"));
    assertThat(new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(b);
  }
}
