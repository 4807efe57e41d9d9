package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.triage.Category;
import dev.forensics.triage.Finding;
import dev.forensics.triage.FindingKind;
import dev.forensics.triage.Triage;
import dev.forensics.triage.TriageOptions;
import dev.forensics.triage.TriageRecord;
import dev.forensics.triage.TriageResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report read back with an HTML5 parser (jsoup): content, escaping, self-containment, determinism. */
class TriageHtmlRendererTest {

  @TempDir static Path dir;
  private static TriageOptions options;
  private static TriageResult result;

  @BeforeAll
  static void triage() throws Exception {
    TriageHtmlFixture.write(dir);
    options = TriageOptions.defaults().withRoot(dir).withThreads(2);
    result = Triage.run(List.of(dir), options);
  }

  private static String html(Optional<Instant> time) {
    return TriageHtmlRenderer.html(result, new TriageHtmlRenderer.Run(List.of(dir.toString()), options, time));
  }

  private static Document doc() {
    return Jsoup.parse(html(Optional.empty()));
  }

  @Test
  void sameInput_sameBytes_andNoClockUnlessATimeIsGiven() throws Exception {
    String first = html(Optional.empty());
    TriageResult again = Triage.run(List.of(dir), options.withThreads(1));
    assertThat(TriageHtmlRenderer.html(again, new TriageHtmlRenderer.Run(List.of(dir.toString()), options,
        Optional.empty()))).isEqualTo(first);
    assertThat(first).doesNotContain("<time").contains("not recorded").doesNotContain("\r");
    String timed = html(Optional.of(Instant.parse("2026-01-02T03:04:05.678Z")));
    assertThat(timed).contains("<time datetime=\"2026-01-02T03:04:05Z\">2026-01-02T03:04:05Z (UTC)</time>");
    assertThat(timed.replaceAll("<time[^>]*>[^<]*</time>", "not recorded")).isEqualTo(first);
  }

  @Test
  void everyFileIsARow_hostileNamesStayText() {
    Document d = doc();
    Elements rows = d.select("table#files > tbody > tr");
    assertThat(rows).hasSize(result.records().size()).hasSize(8);
    List<String> paths = rows.stream().map(r -> r.child(1).text()).toList();
    assertThat(paths).containsExactlyInAnyOrderElementsOf(TriageHtmlFixture.SHOWN);
    assertThat(d.title()).isEqualTo("Triage report");
    assertThat(d.select("img, iframe, object, embed, link, base, form")).isEmpty();
    assertThat(d.select("script")).hasSize(1);
    assertThat(d.select("script").first().data()).isEqualTo(TriageHtmlRenderer.SCRIPT);
    Element rtl = rows.stream().filter(r -> r.child(1).text().startsWith("invoice")).findFirst().orElseThrow();
    assertThat(rtl.child(1).select("span.ctl").attr("title")).isEqualTo("U+202E");
    assertThat(d.text()).doesNotContain("\u202E", "\u202e");
    // highest score first, then path order
    List<Integer> scores = rows.stream().map(r -> Integer.parseInt(r.child(0).attr("data-v"))).toList();
    assertThat(scores).isSortedAccordingTo((a, b) -> b - a);
    assertThat(scores.get(0)).isEqualTo(result.ranked().get(0).score());
  }

  @Test
  void everyFindingIsExplained_withTheCliReason() {
    Document d = doc();
    Map<String, Element> byPath = new LinkedHashMap<>();
    for (Element r : d.select("table#files > tbody > tr")) {
      byPath.put(r.child(1).text(), r);
    }
    int findings = 0;
    for (TriageRecord x : result.ranked()) {
      Element row = byPath.get(x.path().replace("\u202E", "\\u202e").replace("\n", "\\n"));
      assertThat(row).as(x.path()).isNotNull();
      Elements items = row.select("ul.findings > li");
      assertThat(items).hasSize(x.findings().size());
      for (int i = 0; i < items.size(); i++) {
        Finding f = x.findings().get(i);
        String reason = TriageRenderer.reason(f).replace("\u202E", "\\u202e");
        assertThat(items.get(i).text()).isEqualTo(f.kind().id() + " (+" + f.kind().weight() + "): " + reason);
        assertThat(items.get(i).select("a.kind").attr("href")).isEqualTo("#kind-" + f.kind().id());
        assertThat(d.getElementById("kind-" + f.kind().id())).isNotNull();
        findings++;
      }
    }
    assertThat(findings).isGreaterThanOrEqualTo(3);
    Element docx = byPath.get("contract.docx");
    assertThat(docx.text()).contains("application/zip", "the extension '.docx' does not fit the content");
    assertThat(docx.select("td.yes").text()).isEqualTo("yes");
    assertThat(byPath.get("invoice\\u202efdp.exe").text()).contains("direction-control-in-name (+60)");
    assertThat(byPath.get("holiday.jpg").text()).contains("encryption-suspected", "encrypted");
  }

  @Test
  void chart_hasOneBarPerCategory_withItsCount() {
    Document d = doc();
    Map<String, Long> bars = new LinkedHashMap<>();
    for (Element g : d.select("svg#chart g.bar")) {
      bars.put(g.attr("data-category"), Long.parseLong(g.attr("data-count")));
      assertThat(g.select("text.label").text()).isEqualTo(g.attr("data-category"));
      assertThat(g.select("text.count").text()).isEqualTo(g.attr("data-count"));
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    for (Map.Entry<Category, Long> e : result.countsByCategory().entrySet()) {
      expected.put(e.getKey().id(), e.getValue());
    }
    assertThat(bars).containsExactlyEntriesOf(expected);
    assertThat(bars).containsEntry("text", 6L).containsEntry("archive", 1L).containsEntry("encrypted", 1L);
  }

  @Test
  void selfContained_onlyItsOwnStyleAndScriptMayRun() throws Exception {
    Document d = doc();
    assertThat(d.select("[src]")).isEmpty();
    for (Element a : d.select("[href]")) {
      assertThat(a.attr("href")).startsWith("#");
    }
    String html = html(Optional.empty());
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:", "//cdn");
    String csp = d.select("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertThat(csp).startsWith("default-src 'none';")
        .contains("script-src '" + sha256(d.select("script").first().data()) + "'")
        .contains("style-src '" + sha256(d.select("style").first().data()) + "'");
    assertThat(d.select("[style]")).isEmpty(); // an inline style attribute would be blocked by the policy
    assertThat(d.select("meta[charset]").attr("charset")).isEqualTo("utf-8");
    assertThat(d.select("html").attr("lang")).isEqualTo("en");
  }

  @Test
  void scoreSection_explainsEveryKindOfFinding_withItsWeight() {
    Document d = doc();
    List<String> rows = new ArrayList<>();
    for (Element tr : d.select("section#score table.kinds > tbody > tr")) {
      rows.add(tr.child(0).text() + " " + tr.child(1).text());
      assertThat(tr.child(2).text()).isNotBlank();
    }
    List<String> expected = new ArrayList<>();
    for (FindingKind k : FindingKind.values()) {
      expected.add(k.id() + " " + (k.weight() > 0 ? "+" : "") + k.weight());
    }
    assertThat(rows).containsExactlyElementsOf(expected);
    assertThat(d.select("section#score").text()).contains("sum of the weights");
  }

  @Test
  void runSection_statesTheParameters() {
    Element run = doc().selectFirst("section#run");
    assertThat(run.text()).contains(dir.toString(), "7.500 bits per byte", "4096 bytes", "SHA-256", "not opened",
        "8 files examined, 3 with findings, 0 unreadable, 0 skipped", "forensics ");
  }

  @Test
  void unreadableFiles_areListedLast_withTheReason() throws Exception {
    Path gone = dir.resolve("gone.bin");
    TriageResult withGone = Triage.run(List.of(dir, gone), options);
    Document d = Jsoup.parse(TriageHtmlRenderer.html(withGone,
        new TriageHtmlRenderer.Run(List.of(dir.toString(), gone.toString()), options, Optional.empty())));
    Elements rows = d.select("table#files > tbody > tr");
    assertThat(rows).hasSize(9);
    Element last = rows.last();
    assertThat(last.hasClass("not-examined")).isTrue();
    assertThat(last.child(1).text()).isEqualTo("gone.bin");
    assertThat(TriageHtmlFixture.cell(last, "type").text()).isEqualTo("not examined: could not be read: no such file or directory");
    assertThat(last.children()).hasSize(d.select("table#files thead th").size());
    assertThat(d.select("section#run").text()).contains("8 files examined, 3 with findings, 1 unreadable");
  }

  private static String sha256(String s) throws Exception {
    return "sha256-" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
