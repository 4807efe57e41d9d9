package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command of the lab guide docs/labs/chain-of-custody.md, in order, through the real command
 * line (in-process), so the guide cannot drift from the tool: the {@code ./forensics} and {@code mkdir -p}
 * lines of its {@code sh} blocks, with {@code lab/} in a temporary folder, {@code sample-evidence/} in
 * the project, and {@code <manifest-sha256>} the SHA-256 the guide's previous command printed.
 */
class ChainOfCustodyLabTest {

  private static final String GUIDE = "docs/labs/chain-of-custody.md";
  private static final Pattern GNU_LINE = Pattern.compile("(?m)^([0-9a-f]{64}) ");

  @TempDir Path tmp;

  static Optional<Path> projectRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve(GUIDE)) && Files.isDirectory(d.resolve("sample-evidence/case01"))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The command lines of the guide's sh blocks. */
  static List<String> commands(String markdown) {
    List<String> out = new ArrayList<>();
    boolean inSh = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        inSh = !inSh && line.equals("```sh");
        continue;
      }
      if (inSh && !line.isBlank() && !line.startsWith("#")) {
        out.add(line.strip());
      }
    }
    return out;
  }

  /** Splits a command line as a POSIX shell would, for the quoting the guide uses. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        if (w != null) {
          words.add(w.toString());
          w = null;
        }
        continue;
      }
      if (w == null) {
        w = new StringBuilder();
      }
      if (c == '"') {
        for (i++; line.charAt(i) != '"'; i++) {
          if (line.charAt(i) == '\\' && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
            i++;
          }
          w.append(line.charAt(i));
        }
      } else if (c == '\'') {
        for (i++; line.charAt(i) != '\''; i++) {
          w.append(line.charAt(i));
        }
      } else if (c == '\\') {
        w.append(line.charAt(++i));
      } else if (line.startsWith("<manifest-sha256>", i)) {
        w.append("<manifest-sha256>");
        i += "<manifest-sha256>".length() - 1;
      } else if ("$`;|&<>()*?~".indexOf(c) >= 0) {
        throw new IllegalArgumentException("the guide's command uses shell syntax the test cannot run: " + line);
      } else {
        w.append(c);
      }
    }
    if (w != null) {
      words.add(w.toString());
    }
    return words;
  }

  @Test
  void words_followShellQuoting() {
    assertThat(words("./forensics a -s x=\"b c\" 'd e' f\\ g \"q\\\"q\""))
        .containsExactly("./forensics", "a", "-s", "x=b c", "d e", "f g", "q\"q");
  }

  @Test
  void everyCommandOfTheGuide_works() throws Exception {
    Optional<Path> root = projectRoot();
    assumeTrue(root.isPresent(), "project folder with " + GUIDE + " not found above " + Path.of("").toAbsolutePath());
    List<String> commands = commands(Files.readString(root.get().resolve(GUIDE), StandardCharsets.UTF_8));
    assertThat(commands).hasSizeGreaterThan(15);
    String sha256 = null;
    List<String> ran = new ArrayList<>();
    for (String line : commands) {
      List<String> argv = new ArrayList<>();
      for (String word : words(line)) {
        String v = word.startsWith("lab/") || word.equals("lab") ? tmp.resolve(word).toString()
            : word.startsWith("sample-evidence/") ? root.get().resolve(word).toString() : word;
        if (v.contains("<manifest-sha256>")) {
          assertThat(sha256).as("a command before '" + line + "' prints the manifest's SHA-256").isNotNull();
          v = v.replace("<manifest-sha256>", sha256);
        }
        argv.add(v);
      }
      if (argv.get(0).equals("mkdir")) {
        assertThat(argv.get(1)).isEqualTo("-p");
        Files.createDirectories(Path.of(argv.get(2)));
        continue;
      }
      assertThat(argv.get(0)).as(line).isEqualTo("./forensics");
      CliRun r = CliRun.run(argv.subList(1, argv.size()).toArray(String[]::new));
      assertThat(r.exit()).as(line + "\n" + r.out() + r.err()).isZero();
      Matcher m = GNU_LINE.matcher(r.out());
      if (m.find()) {
        sha256 = m.group(1);
      }
      if (line.contains("--verify-item")) {
        assertThat(r.out()).as(line).contains("hashes MATCH the reference");
      }
      if (line.startsWith("./forensics custody verify")) {
        assertThat(r.out()).endsWith("forensics custody verify: INTACT\n");
      }
      ran.add(argv.get(1) + " " + argv.get(2));
    }
    assertThat(ran).contains("custody keygen", "custody init", "custody add", "custody verify", "custody export");
    List<String> ledger = Files.readAllLines(tmp.resolve("lab/case.jsonl"));
    assertThat(ledger).hasSize(9);
    assertThat(ledger.get(3)).contains("\"type\":\"transfer\"").contains("{\"by\":\"amara\"").contains("{\"by\":\"ben\"");
    assertThat(Files.readString(tmp.resolve("lab/custody-report.html"))).contains("Ledger verification: INTACT")
        .contains("Exhibit EX-1").contains("S-0419");
    assertThat(Files.readAllLines(tmp.resolve("lab/custody.csv"))).hasSize(9);
    assertThat(Files.readString(tmp.resolve("lab/case.jsonld"))).contains("case-investigation:ProvenanceRecord");
  }
}
