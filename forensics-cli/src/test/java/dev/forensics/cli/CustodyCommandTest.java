package dev.forensics.cli;

import static dev.forensics.cli.CliRun.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustodyCommandTest {

  @TempDir Path dir;
  Path ledger;
  Path item;
  String sha256;

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  @BeforeEach
  void caseWithTwoCustodians() throws Exception {
    ok("custody", "keygen", "--name", "alice", "-d", dir.toString());
    ok("custody", "keygen", "--name", "bob", "-d", dir.toString());
    ledger = dir.resolve("case.jsonl");
    item = dir.resolve("ex1.dd");
    Files.write(item, "the image".getBytes(StandardCharsets.UTF_8));
    sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(item)));
    ok("custody", "init", ledger.toString(), "--case", "2026-001", "--key", p("alice.key"), "--custodian", p("bob.pub"));
    ok("custody", "add", ledger.toString(), "register", "-i", "EX-1", "--key", p("alice.key"),
        "-s", "description=USB stick", "-s", "location=Store A", "--hash", "sha256:" + sha256);
  }

  @Test
  void transferWithVerifyItem_thenVerifyAndStatus() throws Exception {
    CliRun t = ok("custody", "add", ledger.toString(), "transfer", "-i", "EX-1", "--key", p("alice.key"),
        "--receiver-key", p("bob.key"), "-s", "purpose=examination", "-s", "to=Lab 2", "-s", "seal-intact=yes",
        "-s", "condition=sealed", "--verify-item", item.toString());
    assertThat(t.out()).contains("recorded seq 2 (transfer EX-1)").contains("hashes MATCH");
    CliRun v = ok("custody", "verify", ledger.toString());
    assertThat(v.out()).contains("intact entries: 3").endsWith("forensics custody verify: INTACT\n");
    CliRun s = ok("custody", "status", ledger.toString());
    assertThat(s.out()).contains("EX-1: USB stick").contains("now: held, held by bob at Lab 2").contains("last re-hash: match at seq 2");
    CliRun show = ok("custody", "show", ledger.toString(), "-i", "EX-1");
    assertThat(show.out()).contains("register  alice").contains("transfer  alice").contains("rehash=match");
  }

  @Test
  void mismatch_isRecordedAndShouted_exit1() throws Exception {
    Files.write(item, "the image, changed".getBytes(StandardCharsets.UTF_8));
    CliRun r = CliRun.run("custody", "add", ledger.toString(), "verify", "-i", "EX-1", "--key", p("alice.key"),
        "--verify-item", item.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("HASH MISMATCH").contains("recorded at seq 2");
    assertThat(Files.readAllLines(ledger)).hasSize(3).last().asString().contains("\"result\":\"mismatch\"");
    assertThat(ok("custody", "status", ledger.toString()).out()).contains("last re-hash: MISMATCH at seq 2");
  }

  @Test
  void missingField_isAUsageErrorNamingIt() {
    CliRun r = CliRun.run("custody", "add", ledger.toString(), "examine", "-i", "EX-1", "--key", p("alice.key"), "-s", "tool=x");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("examine: missing required field 'purpose'");
  }

  @Test
  void custodyBreak_isRefused_exit1() {
    CliRun r = CliRun.run("custody", "add", ledger.toString(), "examine", "-i", "EX-1", "--key", p("bob.key"),
        "-s", "tool=x", "-s", "purpose=y");
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("REFUSED").contains("held by alice");
  }

  @Test
  void tamperedLedger_verifyExit1_json() throws Exception {
    List<String> lines = Files.readAllLines(ledger);
    Files.write(ledger, List.of(lines.get(0), lines.get(1).replace("Store A", "Store B")));
    CliRun r = CliRun.run("custody", "verify", "-f", "json", ledger.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("intact").asBoolean()).isFalse();
    assertThat(j.get("problem").get("kind").asText()).isEqualTo("signature");
    assertThat(j.get("problem").get("seq").asLong()).isEqualTo(1);
    assertThat(j.get("case").asText()).isEqualTo("2026-001");
  }

  @Test
  void verifyJson_intact_listsItemsAndHead() throws Exception {
    CliRun r = ok("custody", "verify", "-f", "json", ledger.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("intact").asBoolean()).isTrue();
    assertThat(j.get("entries").asLong()).isEqualTo(2);
    assertThat(j.get("head").asText()).matches("1:[0-9a-f]{64}");
    assertThat(j.get("items").get(0).get("reference").get("sha256").asText()).isEqualTo(sha256);
    // the head detects a later truncation
    String head = j.get("head").asText();
    ok("custody", "add", ledger.toString(), "note", "--key", p("bob.key"), "-s", "text=hello");
    ok("custody", "verify", "--head", head, ledger.toString());
    List<String> lines = Files.readAllLines(ledger);
    Files.write(ledger, lines.subList(0, 1));
    CliRun t = CliRun.run("custody", "verify", "--head", head, ledger.toString());
    assertThat(t.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(t.out()).contains("FIRST BAD ENTRY").contains("head: the ledger ends at seq 0");
  }

  @Test
  void notALedger_exit2_missing_exit3() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.txt"), "hello\n");
    assertThat(CliRun.run("custody", "verify", junk.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run("custody", "verify", p("nope.jsonl")).exit()).isEqualTo(ExitCodes.UNREADABLE);
  }

  @Test
  void tornLine_verifyExit1_repairThenIntact() throws Exception {
    byte[] before = Files.readAllBytes(ledger);
    Files.write(ledger, "{\"actor\":\"al".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
    CliRun v = CliRun.run("custody", "verify", ledger.toString());
    assertThat(v.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(v.out()).contains("torn");
    CliRun add = CliRun.run("custody", "add", ledger.toString(), "note", "--key", p("bob.key"), "-s", "text=x");
    assertThat(add.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(add.err()).contains("custody repair");
    assertThat(ok("custody", "repair", ledger.toString()).out()).contains("moved 12 bytes");
    assertThat(Files.readAllBytes(ledger)).isEqualTo(before);
    ok("custody", "verify", ledger.toString());
  }

  @Test
  void encryptedKey_withPassphraseFromEnvironment_missingVariableIsAUsageError() {
    CliRun r = CliRun.run("custody", "keygen", "--name", "carol", "-d", dir.toString(), "--passphrase-env", "FORENSICS_TEST_UNSET_VAR");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("FORENSICS_TEST_UNSET_VAR");
  }

  @Test
  void existingLedgerOrKey_isNeverOverwritten_exit2() {
    CliRun r = CliRun.run("custody", "init", ledger.toString(), "--case", "X", "--key", p("alice.key"));
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("exists already");
    assertThat(CliRun.run("custody", "keygen", "--name", "alice", "-d", dir.toString()).exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void help_hasExamples() {
    CliRun r = ok("custody", "add", "--help");
    assertThat(r.out()).contains("Examples:").contains("Exit codes:").contains("--verify-item");
  }
}
