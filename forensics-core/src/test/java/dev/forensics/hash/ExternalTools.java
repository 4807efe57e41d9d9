package dev.forensics.hash;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent tools the interoperability tests compare against (hashdeep, coreutils, b3sum). A
 * missing tool skips the test, except under {@code CI=true}, where CI is expected to have installed it and
 * a missing tool fails.
 */
final class ExternalTools {

  private static final long TIMEOUT_SECONDS = 60;

  private ExternalTools() {}

  /** What a tool did: its exit code and output. */
  record Result(List<String> command, int exitCode, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** A description for assertion messages. */
    String describe() {
      return String.join(" ", command) + " exited " + exitCode + "\nstdout:\n" + out() + "\nstderr:\n" + stderr;
    }
  }

  /** Skips (or, under CI=true, fails) the calling test unless the tool is on the PATH. */
  static void require(String tool) {
    if (find(tool) == null) {
      String message = tool + " is not installed (not on PATH)";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + "; CI=true requires it (CI installs it)");
      }
      assumeTrue(false, message + "; skipping this interoperability test");
    }
  }

  /** Skips the calling test when an installed tool lacks a feature (a missing feature is not a missing tool). */
  static void requireFeature(boolean supported, String what) {
    assumeTrue(supported, what + "; skipping");
  }

  static Path find(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, tool);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Runs the command in {@code dir} with a UTF-8 C locale and waits at most a minute. */
  static Result run(Path dir, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("tool", ".out");
    Path err = Files.createTempFile("tool", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
      pb.environment().put("LC_ALL", "C.UTF-8");
      Process p = pb.start();
      p.getOutputStream().close();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(new ArrayList<>(List.of(command)), p.exitValue(), Files.readAllBytes(out),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
