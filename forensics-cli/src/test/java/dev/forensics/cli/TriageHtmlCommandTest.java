package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forensics triage --html FILE}: the report file beside the usual output, its overwrite rules,
 * and, where Chromium is installed (Debian package {@code chromium}), the page as a browser renders it.
 */
class TriageHtmlCommandTest {

  @TempDir Path work;
  private Path evidence;

  @BeforeEach
  void evidence() throws Exception {
    evidence = Files.createDirectory(work.resolve("evidence"));
    TriageHtmlFixture.write(evidence);
  }

  private CliRun triage(Path report, String... more) {
    List<String> args = new ArrayList<>(List.of("triage", "--root", evidence.toString(), "--html", report.toString()));
    args.addAll(List.of(more));
    args.add(evidence.toString());
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void html_isWrittenBesideTheTextOutput_andRefusesToOverwriteWithoutForce() throws Exception {
    Path report = work.resolve("report.html");
    CliRun r = triage(report);
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("contract.docx", "Files by category:");
    assertThat(r.err()).isEqualTo("HTML report written to " + report + System.lineSeparator());
    String first = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(first).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n");
    assertThat(Jsoup.parse(first).select("table#files > tbody > tr")).hasSize(8);
    assertThat(first).containsPattern("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\">");

    CliRun refused = triage(report);
    assertThat(refused.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("output file exists (use --force to overwrite)");
    assertThat(refused.out()).isEmpty(); // refused before the run, not after it
    assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo(first);

    CliRun forced = triage(report, "--force", "-q");
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(forced.err()).isEmpty();
    String second = Files.readString(report, StandardCharsets.UTF_8);
    String noTime = "<time[^>]*>[^<]*</time>";
    assertThat(second.replaceAll(noTime, "T")).isEqualTo(first.replaceAll(noTime, "T"));
    try (var files = Files.list(work)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("evidence", "report.html");
    }
  }

  @Test
  void html_toAFolder_isAUsageError() {
    CliRun r = triage(work);
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("the output is a folder");
  }

  /**
   * Two Chromium launches: the page as loaded (rows, hostile names as text, chart, rank order), then the
   * same page opened as {@code #sort=size:asc}, which clicks the Size header through the page's own
   * script, so the rows must come back in size order (and the script must have been allowed to run).
   */
  @Test
  void chromium_rendersTheTable_keepsHostileNamesAsText_andSortsOnClick() throws Exception {
    ExternalTool.require("chromium", "chromium");
    Path report = work.resolve("report.html");
    CliRun r = triage(report, "-q");
    assertThat(r.exit()).as(r.err()).isZero();

    Document loaded = Jsoup.parse(chromiumDom(report.toUri().toString()));
    assertThat(loaded.title()).isEqualTo("Triage report"); // an injected onerror/script would have renamed it
    assertThat(loaded.select("img, iframe, object, embed")).isEmpty();
    assertThat(loaded.select("script")).hasSize(1);
    List<Element> rows = loaded.select("table#files > tbody > tr");
    assertThat(rows.stream().map(x -> x.child(1).text()).toList())
        .containsExactlyInAnyOrderElementsOf(TriageHtmlFixture.SHOWN);
    assertThat(rows.get(0).child(1).text()).isEqualTo("invoice\\u202efdp.exe"); // the highest score
    assertThat(loaded.select("th[data-key=score]").attr("aria-sort")).isEqualTo("descending");
    List<String> bars = loaded.select("svg#chart g.bar").stream()
        .map(g -> g.select("text.label").text() + " " + g.select("text.count").text()).toList();
    assertThat(bars).containsExactly("archive 1", "text 6", "encrypted 1");

    Document sorted = Jsoup.parse(chromiumDom(report.toUri() + "#sort=size:asc"));
    List<Long> sizes = sorted.select("table#files > tbody > tr").stream()
        .map(x -> Long.parseLong(TriageHtmlFixture.cell(x, "size").text())).toList();
    assertThat(sizes).hasSize(8).isSorted().doesNotHaveDuplicates();
    assertThat(sorted.select("th[data-key=size]").attr("aria-sort")).isEqualTo("ascending");
    assertThat(sorted.select("th[aria-sort]")).hasSize(1);
  }

  private String chromiumDom(String url) throws Exception {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    return ExternalTool.run(work, "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", url);
  }
}
