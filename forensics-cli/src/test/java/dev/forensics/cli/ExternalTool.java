package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the Debian tools the CLI tests use as oracles: skipped when absent, except under CI=true. */
final class ExternalTool {

  private ExternalTool() {}

  /** Skips (or, under CI=true, fails) the calling test unless {@code tool} is on the PATH. */
  static void require(String tool, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return;
      }
    }
    String message = tool + " (Debian package " + debianPackage + ") is not installed";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + "; CI=true requires it");
    }
    assumeTrue(false, message + ": test skipped");
  }

  /**
   * Runs a command in {@code dir} with {@code LC_ALL=C} and {@code TZ=UTC}; fails unless it exits 0 within a
   * minute; returns its standard output (standard error goes to a file next to it, shown on failure).
   */
  static String run(Path dir, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "tool", ".out");
    Path err = Files.createTempFile(dir, "tool", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("LC_ALL", "C");
    pb.environment().put("TZ", "UTC");
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within 60 s");
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + Files.readString(err, StandardCharsets.UTF_8))
        .isZero();
    Files.delete(out);
    Files.delete(err);
    return stdout;
  }
}
