package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compiler directives the {@code ./forensics} launcher gives the JVM for {@code hash} and
 * {@code verify}: a file HotSpot cannot parse would stop the JVM from starting, so this test starts one
 * with it.
 */
class HashDirectivesTest {

  private static final String FILE = "forensics-cli/src/jvm/hash-directives.json";

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
}
