package dev.forensics.exercise.files;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent tools the generator tests cross-check with ({@code file}, python3, unzip). A
 * missing tool skips the test, except under {@code CI=true}, where CI installs it and a missing tool fails.
 */
final class Tools {

  private Tools() {}

  record Result(List<String> command, int exitCode, String out, String err) {
    String describe() {
      return String.join(" ", command) + " exited " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  static void require(String tool) {
    requirePresent(find(tool) != null, tool + " is not installed (not on PATH)");
  }

  /** Skips (or, under CI=true, fails) the calling test unless {@code present}. */
  static void requirePresent(boolean present, String message) {
    if (!present) {
      if ("true".equals(System.getenv("CI"))) {
        fail(message + "; CI=true requires it (.ci/run installs it)");
      }
      assumeTrue(false, message + "; skipping this cross-check");
    }
  }

  static Path find(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path p = Path.of(dir, tool);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  static Result run(Path dir, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "tool", ".out");
    Path err = Files.createTempFile(dir, "tool", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("LC_ALL", "C.UTF-8");
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within 60 s");
    }
    Result r = new Result(List.of(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
