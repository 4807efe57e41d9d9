package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compiler directives the {@code ./forensics} launcher gives the JVM for {@code hash} and
 * {@code verify}: a file HotSpot cannot parse would stop the JVM from starting, so this test starts one
 * with it.
 */
class HashDirectivesTest {

  private static final String FILE = "forensics-cli/src/jvm/hash-directives.json";
  private static final String ARGS = "forensics-cli/src/jvm/jit.args";

  @Test
  void hotSpotParsesTheLaunchersDirectives() throws Exception {
    Path root = null;
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve(FILE)) && Files.isRegularFile(d.resolve("forensics"))) {
        root = d;
        break;
      }
    }
    assumeTrue(root != null, FILE + " not found above " + Path.of("").toAbsolutePath());
    assumeTrue(System.getProperty("java.vm.name", "").contains("HotSpot")
        || System.getProperty("java.vm.name", "").contains("OpenJDK"), "not a HotSpot JVM");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-XX:+UnlockDiagnosticVMOptions",
        "-XX:CompilerDirectivesFile=" + root.resolve(FILE), "-version")
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    long directives = Files.readAllLines(root.resolve(FILE), StandardCharsets.UTF_8).stream()
        .filter(l -> l.trim().startsWith("{ match:")).count();
    assertThat(directives).isGreaterThanOrEqualTo(2);
    assertThat(out).contains(directives + " compiler directives added");
    // and the launcher really passes it, for hash, verify and triage only
    String launcher = Files.readString(root.resolve("forensics"), StandardCharsets.UTF_8);
    assertThat(launcher).contains("src/jvm/hash-directives.json").contains("hash|verify|triage)");
  }

  /**
   * The launcher's JIT options (an @argfile) on this JVM: every flag known (no
   * IgnoreUnrecognizedVMOptions here), every compile command parsed, and each method pattern given a
   * threshold scaling is one that the directives let C2 compile.
   */
  @Test
  void hotSpotTakesTheLaunchersJitOptions() throws Exception {
    Path root = projectRoot();
    assumeTrue(root != null, ARGS + " not found above " + Path.of("").toAbsolutePath());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> lines = Files.readAllLines(root.resolve(ARGS), StandardCharsets.UTF_8);
    // without "quiet", HotSpot echoes each compile command it parsed
    Path loud = Files.createTempFile("jit", ".args");
    try {
      Files.write(loud, lines.stream().filter(l -> !l.equals("-XX:CompileCommand=quiet")).toList(), StandardCharsets.UTF_8);
      Process p = new ProcessBuilder(java.toString(), "-XX:+UnlockDiagnosticVMOptions", "@" + loud,
          "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).doesNotContain("Unrecognized VM option").doesNotContain("CompileCommand: An error");
      assertThat(out).containsPattern("bool C1ProfileCalls += false +\\{C1 product\\} \\{command line\\}")
          .containsPattern("bool C1UpdateMethodData += false +\\{C1 product\\} \\{command line\\}")
          .containsPattern("intx Tier4InvocationThreshold += 100000 +\\{product\\} \\{command line\\}");
      List<String> scaled = lines.stream().filter(l -> l.startsWith("-XX:CompileCommand=CompileThresholdScaling,"))
          .map(l -> l.split(",")[1]).toList();
      assertThat(scaled).hasSize(5);
      String directives = Files.readString(root.resolve(FILE), StandardCharsets.UTF_8);
      for (String pattern : scaled) {
        assertThat(out).contains("CompileCommand: CompileThresholdScaling " + pattern + " double CompileThresholdScaling = 0.003");
        assertThat(directives).as("C2 may compile " + pattern).contains("\"" + pattern + "\"");
      }
    } finally {
      Files.delete(loud);
    }
    String launcher = Files.readString(root.resolve("forensics"), StandardCharsets.UTF_8);
    assertThat(launcher).contains("src/jvm/jit.args").contains("\"@$jit_args\"");
  }

  private static Path projectRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve(ARGS)) && Files.isRegularFile(d.resolve("forensics"))) {
        return d;
      }
    }
    return null;
  }
}
