package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForensicsCliTest {

  @Test
  void help_listsCommandsExitCodesAndExamples() {
    CliRun r = CliRun.run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("Usage: forensics")
        .contains("hash")
        .contains("verify")
        .contains("completion")
        .contains("Exit codes:")
        .contains("3   an input could not be read")
        .contains("forensics hash -o case01.hashdeep evidence/case01");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void helpHash_describesEveryOption() {
    CliRun r = CliRun.run("help", "hash");
    assertThat(r.exit()).isZero();
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("Hash evidence files and folders into a manifest.")
        .contains("--algorithms=ALGS")
        .contains("--piece-size=SIZE")
        .contains("Examples:");
    assertThat(r.out().replaceAll("\\s+", ""))
        .contains("md5,sha1,sha256,sha512,sha3-256,blake3(default:md5,sha1,sha256)");
  }

  @Test
  void everyCommandAndOption_hasADescription() {
    picocli.CommandLine cl = ForensicsCli.newCommandLine(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()));
    for (picocli.CommandLine sub : cl.getSubcommands().values()) {
      var spec = sub.getCommandSpec();
      assertThat(spec.usageMessage().header().length + spec.usageMessage().description().length)
          .as("header or description of %s", spec.qualifiedName())
          .isPositive();
      for (var opt : spec.options()) {
        assertThat(opt.description()).as("description of %s %s", spec.qualifiedName(), opt.longestName()).isNotEmpty();
        assertThat(String.join("", opt.description())).as("description of %s %s", spec.qualifiedName(), opt.longestName()).isNotBlank();
      }
      for (var p : spec.positionalParameters()) {
        assertThat(String.join("", p.description())).as("description of %s %s", spec.qualifiedName(), p.paramLabel()).isNotBlank();
      }
    }
  }

  @Test
  void oneSubcommandBuilt_behavesAsInTheFullTree() {
    picocli.CommandLine full = ForensicsCli.newCommandLine(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()));
    int compared = 0;
    for (picocli.CommandLine sub : full.getSubcommands().values()) {
      String name = sub.getCommandName();
      java.util.List<String[]> runs = new java.util.ArrayList<>();
      runs.add(new String[] {name, "--help"});
      runs.add(new String[] {name, "--no-such-option"});
      runs.add(new String[] {name, "--stacktrace", "--no-such-option"});
      for (String child : sub.getSubcommands().keySet()) {
        runs.add(new String[] {name, child, "--help"});
        runs.add(new String[] {name, child, "--no-such-option"});
      }
      for (String[] args : runs) {
        assertThat(CliRun.run(args)).as(String.join(" ", args)).isEqualTo(CliRun.runFull(args));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(30);
    // the root's help and the help command still see every subcommand
    assertThat(CliRun.run("help", "triage")).isEqualTo(CliRun.runFull("help", "triage"));
    // --version alone is built without subcommands; with anything after it, it is not
    for (String[] args : java.util.List.of(new String[] {"--version"}, new String[] {"-V"},
        new String[] {"--version", "hash"}, new String[] {"-V", "--no-such-option"})) {
      assertThat(CliRun.run(args)).as(String.join(" ", args)).isEqualTo(CliRun.runFull(args));
    }
    assertThat(CliRun.run("--help").out()).contains("triage").contains("custody").contains("grade");
  }

  @Test
  void messages_numberedHelpLinesAreContiguous_andExamplesFitEightyColumns() throws Exception {
    java.util.List<String> lines;
    try (var in = ForensicsCli.class.getResourceAsStream("Messages.properties")) {
      lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
    java.util.regex.Pattern numbered = java.util.regex.Pattern.compile(
        "^(\\S+\\.usage\\.(?:description|footer|exitCodeList|header))\\.(\\d+) = (.*)$");
    java.util.Map<String, java.util.SortedSet<Integer>> groups = new java.util.TreeMap<>();
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (String line : lines) {
      int eq = line.indexOf(" = ");
      if (!line.startsWith("#") && eq > 0) {
        assertThat(keys.add(line.substring(0, eq))).as("duplicate key %s", line.substring(0, eq)).isTrue();
      }
      var m = numbered.matcher(line);
      if (m.matches()) {
        groups.computeIfAbsent(m.group(1), k -> new java.util.TreeSet<>()).add(Integer.parseInt(m.group(2)));
        String shown = m.group(3).replace("\\u0020", " ").replace("\\\\", "\\");
        if (m.group(1).endsWith(".footer") && shown.startsWith("  ")) {
          assertThat(shown.length()).as("example wider than 80 columns (wrap it with \\): %s", line).isLessThanOrEqualTo(80);
        }
      }
    }
    // picocli stops at the first missing number: a gap hides the lines after it
    groups.forEach((group, numbers) ->
        assertThat(numbers.last()).as("numbers of %s: %s", group, numbers).isEqualTo(numbers.size() - 1));
    assertThat(groups).hasSizeGreaterThan(40);
  }

  @Test
  void version_printsToolJavaAndOs() {
    CliRun r = CliRun.run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("forensics ").contains("Java ").contains("OS ");
  }

  @Test
  void completionBash_printsAScriptForTheSubcommands() {
    CliRun r = CliRun.run("completion", "bash");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("complete -F").contains("hash").contains("verify").contains("--piece-size");
  }

  @Test
  void unknownOption_isAUsageError() {
    CliRun r = CliRun.run("hash", "--no-such-option", ".");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Unknown option: '--no-such-option'");
  }
}
