package dev.forensics.cli;

import static dev.forensics.cli.CliRun.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustodyExportCommandTest {

  static final String HOSTILE =
      "<script>alert(\"x\")</script> & 'q', comma,\r\nnew line \u00e9t\u00e9 \u0e17\u0e14\u0e2a\u0e2d\u0e1a \ud83d\udd12 =1+1";

  @TempDir Path dir;
  Path ledger;
  Path item;

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  @BeforeEach
  void ledgerWithTransferAndHostileText() throws Exception {
    ok("custody", "keygen", "--name", "alice", "-d", dir.toString());
    ok("custody", "keygen", "--name", "bob", "-d", dir.toString());
    ledger = dir.resolve("case.jsonl");
    item = dir.resolve("ex1.dd");
    Files.write(item, "the image".getBytes(StandardCharsets.UTF_8));
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(item)));
    ok("custody", "init", ledger.toString(), "--case", "2026-001", "--title", HOSTILE, "--key", p("alice.key"),
        "--custodian", p("bob.pub"));
    ok("custody", "add", ledger.toString(), "register", "-i", "EX-1", "--key", p("alice.key"),
        "-s", "description=" + HOSTILE, "-s", "location=Store A", "-s", "seal=S-100", "--hash", "sha256:" + sha256);
    ok("custody", "add", ledger.toString(), "transfer", "-i", "EX-1", "--key", p("alice.key"),
        "--receiver-key", p("bob.key"), "-s", "purpose=examination", "-s", "to=Lab \"2\"", "-s", "seal-intact=yes",
        "-s", "condition=sealed, undamaged", "--verify-item", item.toString());
    ok("custody", "add", ledger.toString(), "note", "--key", p("bob.key"), "-s", "text=" + HOSTILE);
  }

  private byte[] export(String format) throws Exception {
    Path out = dir.resolve("out." + format);
    Files.deleteIfExists(out);
    CliRun r = ok("custody", "export", ledger.toString(), "--format", format, "-o", out.toString());
    assertThat(r.out()).contains("wrote " + out).containsPattern("\\d+ verified entries");
    return Files.readAllBytes(out);
  }

  @Test
  void html_isSelfContained_escaped_andStatesZoneAndVerification() throws Exception {
    String html = new String(export("html"), StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
        .contains("Ledger verification: INTACT").contains("Exhibit EX-1").contains("@media print")
        .contains("Released by").contains("Received by").contains("<td>alice</td><td>bob</td>")
        .contains("seal intact: yes").contains("S-100").contains("<span class=\"match\">match</span>").contains("alice, bob");
    assertThat(html).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC[+-]\\d\\d:\\d\\d");
    // no network, no script, nothing unescaped from the ledger
    assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
        .doesNotContain(" src=").doesNotContain("<link").doesNotContain("\r");
    assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;, comma,&#13;\nnew line "
        + "\u00e9t\u00e9 \u0e17\u0e14\u0e2a\u0e2d\u0e1a \ud83d\udd12 =1+1");
    assertThat(html).contains("Lab &quot;2&quot;");
  }

  @Test
  void html_shoutsARecordedMismatchAndABrokenSeal_onTop() throws Exception {
    ok("custody", "add", ledger.toString(), "check-out", "-i", "EX-1", "--key", p("bob.key"), "-s", "purpose=imaging",
        "-s", "to=Bench 1");
    ok("custody", "add", ledger.toString(), "check-in", "-i", "EX-1", "--key", p("bob.key"), "-s", "to=Lab",
        "-s", "seal-intact=no", "-s", "condition=bag cut open");
    Files.write(item, "changed".getBytes(StandardCharsets.UTF_8));
    CliRun v = CliRun.run("custody", "add", ledger.toString(), "verify", "-i", "EX-1", "--key", p("bob.key"),
        "--verify-item", item.toString());
    assertThat(v.exit()).isEqualTo(ExitCodes.FAILED);
    String html = new String(export("html"), StandardCharsets.UTF_8);
    int header = html.indexOf("</header>");
    assertThat(html.indexOf("Re-hash MISMATCH recorded for exhibit EX-1 at seq 6")).isBetween(0, header);
    assertThat(html.indexOf("Seal NOT intact at hand-over: exhibit EX-1, seq 5.")).isBetween(0, header);
    assertThat(html).contains("<span class=\"mismatch\">seal intact: NO</span>")
        .contains("<span class=\"mismatch\">MISMATCH</span>");
  }

  @Test
  void html_escaper_handlesEveryDangerousCharacter() {
    assertThat(HtmlText.escape("<a href='x' onclick=\"y\">&amp;</a>\u0000\u0007\u007f\ud800"))
        .isEqualTo("&lt;a href=&#39;x&#39; onclick=&quot;y&quot;&gt;&amp;amp;&lt;/a&gt;\ufffd\ufffd\ufffd\ufffd");
  }

  @Test
  void csv_isRfc4180_oneRowPerEvent_hostileValuesRoundTrip() throws Exception {
    byte[] bytes = export("csv");
    String csv = new String(bytes, StandardCharsets.UTF_8);
    assertThat(csv).startsWith(String.join(",", CustodyReportCsv.COLUMNS) + "\r\n").endsWith("\r\n");
    CsvMapper m = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows;
    try (MappingIterator<List<String>> it = m.readerFor(List.class).readValues(csv)) {
      rows = it.readAll();
    }
    assertThat(rows).hasSize(4);
    List<String> register = rows.get(1);
    assertThat(register.get(CustodyReportCsv.COLUMNS.indexOf("description"))).isEqualTo(HOSTILE);
    assertThat(register.get(CustodyReportCsv.COLUMNS.indexOf("type"))).isEqualTo("register");
    List<String> transfer = rows.get(2);
    assertThat(transfer.get(CustodyReportCsv.COLUMNS.indexOf("released_by"))).isEqualTo("alice");
    assertThat(transfer.get(CustodyReportCsv.COLUMNS.indexOf("received_by"))).isEqualTo("bob");
    assertThat(transfer.get(CustodyReportCsv.COLUMNS.indexOf("to"))).isEqualTo("Lab \"2\"");
    assertThat(transfer.get(CustodyReportCsv.COLUMNS.indexOf("condition"))).isEqualTo("sealed, undamaged");
    assertThat(transfer.get(CustodyReportCsv.COLUMNS.indexOf("rehash_result"))).isEqualTo("match");
    assertThat(transfer.get(CustodyReportCsv.COLUMNS.indexOf("rehash_against"))).isEqualTo("1");
    assertThat(transfer.get(CustodyReportCsv.COLUMNS.indexOf("signed_by"))).isEqualTo("alice bob");
    assertThat(transfer.get(CustodyReportCsv.COLUMNS.indexOf("time_local"))).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d");
    assertThat(rows.get(3).get(CustodyReportCsv.COLUMNS.indexOf("details"))).isEqualTo("text=" + HOSTILE);
  }

  @Test
  void csv_readBackByPython_anIndependentRfc4180Reader() throws Exception {
    byte[] bytes = export("csv");
    Process py;
    try {
      py = new ProcessBuilder("python3", "-c",
          "import csv,sys,json; rows=list(csv.reader(open(sys.argv[1],newline='',encoding='utf-8'))); print(json.dumps(rows))",
          dir.resolve("out.csv").toString()).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "python3 not installed: skipping the cross-check with Python's csv module");
      return;
    }
    assertThat(py.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(py.exitValue()).as(out).isZero();
    JsonNode rows = new ObjectMapper().readTree(out);
    assertThat(rows).hasSize(4);
    assertThat(rows.get(1).get(CustodyReportCsv.COLUMNS.indexOf("description")).textValue()).isEqualTo(HOSTILE);
    assertThat(rows.get(3).get(CustodyReportCsv.COLUMNS.indexOf("details")).textValue()).isEqualTo("text=" + HOSTILE);
    assertThat(bytes.length).isPositive();
  }

  @Test
  void everyFormat_isDeterministic() throws Exception {
    for (String f : List.of("html", "csv", "case")) {
      assertThat(export(f)).as(f).isEqualTo(export(f));
    }
  }

  @Test
  void caseFormat_isJsonLd_toStdout() throws Exception {
    CliRun r = ok("custody", "export", ledger.toString(), "-f", "case");
    assertThat(ok("custody", "export", ledger.toString(), "-f", "case", "-o", "-").out()).isEqualTo(r.out());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("@context").get("case-investigation").textValue())
        .isEqualTo("https://ontology.caseontology.org/case/investigation/");
    assertThat(doc.get("@graph").toString()).contains("\"uco-core:name\":\"transfer\"");
  }

  @Test
  void tamperedLedger_htmlSaysNotIntact_exit1_caseRefused() throws Exception {
    List<String> lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
    lines.set(2, lines.get(2).replace("examination", "examinatioN"));
    Files.writeString(ledger, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    CliRun html = CliRun.run("custody", "export", ledger.toString(), "-o", p("r.html"));
    assertThat(html.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(html.err()).contains("NOT intact");
    assertThat(Files.readString(dir.resolve("r.html"))).contains("Ledger verification: NOT INTACT").contains("seq 2")
        .doesNotContain("examinatioN");
    CliRun cs = CliRun.run("custody", "export", ledger.toString(), "-f", "case", "-o", p("r.jsonld"));
    assertThat(cs.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(cs.err()).contains("nothing exported");
    assertThat(dir.resolve("r.jsonld")).doesNotExist();
  }

  @Test
  void existingOutput_needsForce_andTheLedgerIsNeverOverwritten() throws Exception {
    Files.writeString(dir.resolve("r.html"), "keep");
    CliRun r = CliRun.run("custody", "export", ledger.toString(), "-o", p("r.html"));
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(dir.resolve("r.html"))).isEqualTo("keep");
    ok("custody", "export", ledger.toString(), "-o", p("r.html"), "--force");
    assertThat(Files.readString(dir.resolve("r.html"))).startsWith("<!DOCTYPE html>");
    byte[] before = Files.readAllBytes(ledger);
    CliRun self = CliRun.run("custody", "export", ledger.toString(), "-o", ledger.toString(), "--force");
    assertThat(self.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(self.err()).contains("the output is the ledger itself");
    assertThat(Files.readAllBytes(ledger)).isEqualTo(before);
  }

  @Test
  void help_listsFormatsAndExitCodes() {
    CliRun r = ok("custody", "export", "--help");
    assertThat(r.out()).contains("--format").contains("case").contains("Exit codes:").contains("Examples:");
  }
}
