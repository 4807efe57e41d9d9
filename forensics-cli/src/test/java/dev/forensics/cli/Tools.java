package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the Debian tools the CLI tests compare against (dc3dd, dcfldd, ewfacquire, coreutils). */
final class Tools {

  private Tools() {}

  /** Skips (or, under CI=true, fails) the calling test unless {@code tool} is on the PATH. */
  static void require(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return;
      }
    }
    String message = tool + " is not installed (not on PATH)";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + "; CI=true requires it");
    }
    assumeTrue(false, message + "; skipping");
  }

  /** Runs a command in {@code dir} with LC_ALL=C and TZ=UTC; fails unless it exits 0 within a minute. */
  static String run(Path dir, String... command) throws Exception {
    require(command[0]);
    Path out = Files.createTempFile("tool", ".out");
    Path err = Files.createTempFile("tool", ".err");
    try {
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
      assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), Files.readString(err)).isZero();
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
