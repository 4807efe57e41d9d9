package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lab 3 ({@code docs/labs/triage.md}) works as written: every command of its {@code sh} blocks is run in
 * order, from the project folder, {@code ./forensics} in-process and the rest (mkdir, cp, printf, cat)
 * with bash, with {@code /tmp/lab3} moved into a temporary folder; the findings the lab announces are
 * checked.
 */
class TriageLabTest {

  private static final Path ROOT = Path.of(System.getProperty("forensics.projectRoot", "..")).toAbsolutePath().normalize();
  private static final Path LAB = ROOT.resolve("docs/labs/triage.md");

  @TempDir Path tmp;

  @Test
  void everyCommandOfTheLab_runs_andFindsWhatTheLabSays() throws Exception {
    assumeTrue(Files.isRegularFile(LAB) && Files.isDirectory(ROOT.resolve("sample-evidence/case01")),
        "the lab guide or sample-evidence is not beside this module: " + ROOT);
    Path lab = tmp.resolve("lab3");
    List<CliRun> runs = runAll(commands(LAB), "/tmp/lab3", lab);
    assertThat(runs).as("./forensics commands in the lab (update this test with the lab)").hasSize(8);

    // step 1: two findings in case01
    assertThat(runs.get(0).out()).contains(
        "   40  sample-evidence/case01/documents/passwords.txt",
        "the extension '.txt' does not fit the content, which is image/png",
        "   40  sample-evidence/case01/usb stick/.hidden/backup.bin",
        "entropy 7.953 bits per byte (threshold 7.500) over 4096 bytes",
        "Files by category: spreadsheet 1, image 2, text 4, encrypted 1",
        "8 files examined, 2 with findings");
    // step 2: every file, how each type was decided
    assertThat(runs.get(1).out()).contains("text/csv (spreadsheet, name-refinement)",
        "backup.bin  application/octet-stream (encrypted, none)");
    assertThat(scores(runs.get(1).out())).hasSize(8).containsExactly(40, 40, 0, 0, 0, 0, 0, 0);
    // step 3: Autopsy's size rule
    assertThat(runs.get(2).out()).contains("passwords.txt", "1 with findings").doesNotContain("backup.bin");
    // step 4: a notable set
    assertThat(runs.get(4).out()).contains("  140  sample-evidence/case01/usb stick/.hidden/backup.bin",
        "listed in the notable hash set");
    assertThat(scores(runs.get(4).out())).containsExactly(140, 40);
    // step 5: the HTML report of the whole folder
    assertThat(runs.get(5).out()).contains("   40  sample-evidence/case01/documents/passwords.txt",
        "   40  sample-evidence/case01/usb stick/.hidden/backup.bin");
    Document report = Jsoup.parse(Files.readString(lab.resolve("triage.html"), StandardCharsets.UTF_8));
    Element passwords = row(report, "sample-evidence/case01/documents/passwords.txt");
    assertThat(passwords.text()).contains("image/png", "extension-mismatch (+40)");
    Element e01 = row(report, "sample-evidence/case02-usb/e01/usb.E01");
    assertThat(TriageHtmlFixture.cell(e01, "entropy").text()).isEqualTo("7.978");
    assertThat(e01.select("ul.findings")).isEmpty();
    assertThat(report.select("svg#chart g.bar[data-category=disk-image]").attr("data-count")).isEqualTo("3");
    assertThat(report.select("section#run").text()).contains("(UTC)", "7.500 bits per byte");
    // step 6: the planted tricks, in the announced order
    String planted = runs.get(6).out();
    assertThat(scores(planted)).containsExactly(90, 60, 40, 40, 35);
    assertThat(order(planted, "documents/invoice.pdf.exe", "usb stick/photo\\u202egpj.sh", "documents/passwords.txt",
        "usb stick/.hidden/backup.bin", "pictures/harbour.png")).isTrue();
    assertThat(planted).contains("double extension: '.pdf' is shown, but the name really ends in '.exe'",
        "U+202E RIGHT-TO-LEFT OVERRIDE", "its real ending is '.sh'",
        "132 bytes after the PNG IEND chunk, from offset 2265");
    // step 7: the seizure manifest as a known set
    String known = runs.get(7).out();
    assertThat(scores(known)).containsExactly(60, 35, -10, -60, -100, -100, -100, -100, -100, -100);
    assertThat(order(known, "photo\\u202egpj.sh", "pictures/harbour.png", "documents/invoice.pdf.exe",
        "documents/passwords.txt")).isTrue();
  }


  /**
   * Runs the commands from the project folder, {@code tmpPath} moved to {@code into}: {@code ./forensics}
   * in-process (triage with {@code --root} the project folder, so paths read as a student sees them),
   * the rest with bash; each must exit 0. Returns the {@code ./forensics} runs.
   */
  private List<CliRun> runAll(List<String> commands, String tmpPath, Path into) throws Exception {
    List<CliRun> runs = new ArrayList<>();
    for (String command : commands) {
      String line = command.replace(tmpPath, into.toString());
      assertThat(command.replace(tmpPath, "")).as("a command uses /tmp outside " + tmpPath).doesNotContain("/tmp");
      if (line.startsWith("./forensics ")) {
        List<String> args = new ArrayList<>();
        for (String w : words(line.substring("./forensics ".length()))) {
          args.add(w.startsWith("sample-evidence") ? ROOT.resolve(w).toString() : w);
        }
        if (args.get(0).equals("triage")) {
          args.addAll(1, List.of("--root", ROOT.toString(), "-q"));
        }
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.exit()).as("%s%n%s%s", command, r.out(), r.err()).isZero();
        runs.add(r);
      } else {
        bash(line);
      }
    }
    return runs;
  }

  @Test
  void readmeQuickStart_triagesTheSampleEvidence_intoAnHtmlReport() throws Exception {
    Path readme = ROOT.resolve("README.md");
    assumeTrue(Files.isRegularFile(readme) && Files.isDirectory(ROOT.resolve("sample-evidence/case01")),
        "README.md or sample-evidence is not beside this module: " + ROOT);
    List<String> first = firstBlock(readme);
    assertThat(first).hasSize(1);
    assertThat(first.get(0)).startsWith("./forensics triage ").contains("sample-evidence");
    Path out = Files.createDirectory(tmp.resolve("out"));
    List<CliRun> runs = runAll(first, "/tmp", out);
    assertThat(runs.get(0).out()).contains("sample-evidence/case01/documents/passwords.txt", "with findings");
    try (var files = Files.list(out)) {
      Path report = files.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
      assertThat(Jsoup.parse(Files.readString(report, StandardCharsets.UTF_8)).select("table#files > tbody > tr"))
          .hasSizeGreaterThanOrEqualTo(18);
    }
  }

  /** The lines of a document's first {@code sh} block. */
  private static List<String> firstBlock(Path doc) throws IOException {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      if (!in && line.equals("```sh")) {
        in = true;
      } else if (in && line.equals("```")) {
        return out;
      } else if (in && !line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }

  /** The lines of a document's {@code sh} blocks, without blank lines and comments. */
  private static List<String> commands(Path doc) throws IOException {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      if (!in && line.equals("```sh")) {
        in = true;
      } else if (in && line.equals("```")) {
        in = false;
      } else if (in && !line.isBlank() && !line.startsWith("#")) {
        out.add(line.strip());
      }
    }
    return out;
  }

  /** The words bash makes of {@code text} (quotes, escapes and comments as a student's shell reads them). */
  private List<String> words(String text) throws Exception {
    String out = bash("printf '%s\\0' " + text);
    List<String> words = new ArrayList<>(List.of(out.split("\0", -1)));
    words.remove(words.size() - 1);
    return words;
  }

  private String bash(String line) throws Exception {
    Path out = Files.createTempFile(tmp, "bash", ".out");
    Path err = Files.createTempFile(tmp, "bash", ".err");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", line).directory(ROOT.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("LC_ALL", "C.UTF-8");
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(line).isTrue();
    assertThat(p.exitValue()).as("%s: %s", line, Files.readString(err)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** The scores of the listed files, in the order listed. */
  private static List<Integer> scores(String out) {
    List<Integer> s = new ArrayList<>();
    Matcher m = Pattern.compile("^ *(-?\\d+)  \\S", Pattern.MULTILINE).matcher(out);
    while (m.find()) {
      s.add(Integer.parseInt(m.group(1)));
    }
    return s;
  }

  private static boolean order(String out, String... names) {
    int at = -1;
    for (String n : names) {
      int i = out.indexOf(n, at + 1);
      if (i < 0) {
        return false;
      }
      at = i;
    }
    return true;
  }

  private static Element row(Document report, String path) {
    for (Element tr : report.select("table#files > tbody > tr")) {
      if (tr.child(1).text().equals(path)) {
        return tr;
      }
    }
    throw new AssertionError("no row for " + path);
  }
}
