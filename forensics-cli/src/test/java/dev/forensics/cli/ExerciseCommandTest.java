package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseCommandTest {

  @Test
  void list_showsTheBundledScenarios() {
    CliRun r = CliRun.run("exercise", "list");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("verify-evidence", "triage", "chain-of-custody", "deleted-files");
    CliRun csv = CliRun.run("exercise", "list", "-f", "csv");
    assertThat(csv.out().lines()).hasSize(5).first().isEqualTo("name,title,topic,evidence,questions,points");
  }

  @Test
  void build_thenCheck_thenTamper(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("lab");
    CliRun b = CliRun.run("exercise", "build", "triage", "-o", out.toString(), "--variant", "3");
    assertThat(b.err()).isEmpty();
    assertThat(b.exit()).isEqualTo(ExitCodes.OK);
    assertThat(b.out()).contains("variant variant:3", "training key");
    assertThat(out.resolve("handout.md")).content().contains("variant:3");

    CliRun ok = CliRun.run("exercise", "check", out.toString());
    assertThat(ok.exit()).isEqualTo(ExitCodes.OK);
    assertThat(ok.out()).contains("INTACT", "PASSED", " 0 changed");

    Files.writeString(out.resolve("answer-sheet.yaml"), "edited\n");
    CliRun bad = CliRun.run("exercise", "check", "-f", "json", out.toString());
    assertThat(bad.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(bad.out()).contains("\"passed\" : false", "\"status\" : \"CHANGED\"", "\"path\" : \"answer-sheet.yaml\"");

    CliRun again = CliRun.run("exercise", "build", "triage", "-o", out.toString());
    assertThat(again.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).contains("not empty", "--force");
    assertThat(CliRun.run("exercise", "build", "triage", "-o", out.toString(), "--force").exit()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void build_roster_oneFolderPerStudent_withTheGivenSeed(@TempDir Path tmp) throws Exception {
    Path roster = tmp.resolve("students.csv");
    Files.writeString(roster, "student-id,name\nab12,Ada Okafor\ncd34,Bui Thi Lan\n");
    Path out = tmp.resolve("class");
    CliRun r = CliRun.run("exercise", "build", "verify-evidence", "-o", out.toString(), "--roster", roster.toString(),
        "--seed", "77");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("variant student:ab12", "variant student:cd34");
    assertThat(out.resolve("ab12/handout.md")).content().contains("Student: Ada Okafor");
    assertThat(out.resolve("cd34/answer-key.json")).content().contains("\"scenarioSeed\": 77");
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "id,name\nx,y\n");
    CliRun refused = CliRun.run("exercise", "build", "triage", "-o", tmp.resolve("o2").toString(), "--roster", bad.toString());
    assertThat(refused.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("bad.csv:1: the header row must name the columns student-id and name");
  }

  @Test
  void build_withOwnKey_signsTheLedgerWithIt_andStaysReproducible(@TempDir Path tmp) throws Exception {
    assertThat(CliRun.run("custody", "keygen", "--name", "alice", "-d", tmp.toString()).exit()).isEqualTo(ExitCodes.OK);
    String key = tmp.resolve("alice.key").toString();
    CliRun one = CliRun.run("exercise", "build", "chain-of-custody", "-o", tmp.resolve("a").toString(), "--key", key);
    assertThat(one.exit()).as(one.err()).isEqualTo(ExitCodes.OK);
    assertThat(one.out()).doesNotContain("training key");
    assertThat(CliRun.run("exercise", "build", "chain-of-custody", "-o", tmp.resolve("b").toString(), "--key", key).exit())
        .isEqualTo(ExitCodes.OK);
    String ledger = Files.readString(tmp.resolve("a/custody.jsonl"));
    assertThat(ledger).contains("\"actor\":\"alice\"").doesNotContain("\"trainer\"");
    assertThat(Files.readString(tmp.resolve("b/custody.jsonl"))).isEqualTo(ledger);
    assertThat(CliRun.run("custody", "verify", tmp.resolve("a/custody.jsonl").toString()).exit()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void check_ledgerExtendedByAStudent_needsTheStudentsKey(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("set");
    assertThat(CliRun.run("exercise", "build", "chain-of-custody", "-o", out.toString()).exit()).isEqualTo(ExitCodes.OK);
    Path keys = Files.createDirectory(tmp.resolve("keys"));
    assertThat(CliRun.run("custody", "keygen", "--name", "bob", "-d", keys.toString()).exit()).isEqualTo(ExitCodes.OK);
    CliRun add = CliRun.run("custody", "add", out.resolve("custody.jsonl").toString(), "note", "--key",
        keys.resolve("bob.key").toString(), "--keys", keys.toString(), "-s", "text=received the set");
    assertThat(add.exit()).as(add.err()).isEqualTo(ExitCodes.OK);
    CliRun without = CliRun.run("exercise", "check", out.toString());
    assertThat(without.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(without.out()).contains("NOT INTACT", " 0 changed", " 0 new");
    CliRun with = CliRun.run("exercise", "check", out.toString(), "--keys", keys.toString());
    assertThat(with.exit()).as(with.out()).isEqualTo(ExitCodes.OK);
    assertThat(with.out()).contains("INTACT (4 entries)", "PASSED");
  }

  @Test
  void build_thenGrade_answersFromTheKey_getFullMarks(@TempDir Path tmp) throws Exception {
    Path set = tmp.resolve("set");
    assertThat(CliRun.run("exercise", "build", "triage", "-o", set.toString(), "--variant", "5").exit()).isEqualTo(ExitCodes.OK);
    com.fasterxml.jackson.databind.JsonNode key = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(set.resolve("answer-key.json").toFile());
    StringBuilder sheet = new StringBuilder("exercise: triage\nvariant: \"variant:5\"\nstudent-id: \"ada\"\nname: \"Ada\"\nanswers:\n");
    for (com.fasterxml.jackson.databind.JsonNode q : key.get("questions")) {
      com.fasterxml.jackson.databind.JsonNode e = q.get("expected");
      sheet.append("  ").append(q.get("id").asText()).append(":");
      switch (q.get("kind").asText()) {
        case "hash" -> sheet.append(" \"").append(e.get("value").asText()).append("\"\n");
        case "count" -> sheet.append(" \"").append(e.get("value").asLong()).append("\"\n");
        case "text" -> sheet.append(" \"").append(e.get("accepted").get(0).asText()).append("\"\n");
        case "file-set" -> {
          sheet.append("\n");
          e.get("items").forEach(i -> sheet.append("    - \"").append(i.get("path").asText()).append("\"\n"));
        }
        default -> throw new AssertionError("the triage exercise has no " + q.get("kind") + " question");
      }
    }
    Path ada = Files.createDirectories(tmp.resolve("submissions/ada"));
    Files.writeString(ada.resolve("answer-sheet.yaml"), sheet);
    CliRun g = CliRun.run("grade", "--key", set.resolve("answer-key.json").toString(), tmp.resolve("submissions").toString(),
        "-o", tmp.resolve("grades").toString());
    assertThat(g.exit()).as(g.out() + g.err()).isEqualTo(ExitCodes.OK);
    assertThat(g.out()).contains("1 passed").doesNotContain("0 full");
  }

  @Test
  void build_invalidScenario_namesFileLineAndField_exit2(@TempDir Path tmp) throws Exception {
    Path s = tmp.resolve("bad.yaml");
    Files.writeString(s, "version: 1\nid: x\ntitel: oops\n");
    CliRun r = CliRun.run("exercise", "build", s.toString(), "-o", tmp.resolve("o").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("bad.yaml:3: titel: unknown field");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void build_unknownScenario_exit3() {
    CliRun r = CliRun.run("exercise", "build", "no-such-scenario", "-o", "unused");
    assertThat(r.exit()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(r.err()).contains("no bundled scenario of that name");
  }

  @Test
  void check_folderWithoutManifest_exit3(@TempDir Path tmp) {
    CliRun r = CliRun.run("exercise", "check", tmp.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(r.err()).contains("MANIFEST");
  }

  @Test
  void help_hasExamplesAndExitCodes() {
    for (String sub : new String[] {"build", "check", "list"}) {
      CliRun r = CliRun.run("exercise", sub, "--help");
      assertThat(r.exit()).isEqualTo(ExitCodes.OK);
      assertThat(r.out()).as(sub).contains("Examples:", "forensics exercise " + sub);
    }
    assertThat(CliRun.run("exercise", "build", "--help").out()).contains("Exit codes:", "--roster", "--variant");
    assertThat(CliRun.run("exercise", "build", "triage", "-o", "x", "--variant", "1", "--roster", "r.csv").exit())
        .isEqualTo(ExitCodes.USAGE);
  }
}
