package dev.forensics.exercise.fat;

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
 * Runs the independent FAT tools (dosfstools, Sleuth Kit, mtools) with a UTF-8 locale and TZ=UTC. A missing
 * tool skips the test, except under {@code CI=true}, where CI installs it and a missing tool fails.
 */
final class FatTools {

  private FatTools() {}

  /** What a tool did. */
  record Result(List<String> command, int exitCode, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    String describe() {
      return String.join(" ", command) + " exited " + exitCode + "\nstdout:\n" + out() + "\nstderr:\n" + stderr;
    }
  }

  /** Skips (or under CI=true fails) unless {@code tool} is on the PATH (also searched: /usr/sbin, /sbin). */
  static String require(String tool, String debianPackage) {
    String found = find(tool);
    if (found == null) {
      String message = tool + " is not installed (Debian package " + debianPackage + ")";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + "; CI=true requires it (.ci/run installs it)");
      }
      assumeTrue(false, message + "; skipping this FAT interoperability test");
    }
    return found;
  }

  /** The tool's path, or null when it is not installed. */
  static String find(String tool) {
    String path = System.getenv("PATH");
    String dirs = (path == null ? "" : path) + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
    for (String dir : dirs.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path p = Path.of(dir, tool);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  /** Runs {@code command} and waits at most a minute. */
  static Result run(Path dir, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "tool", ".out");
    Path err = Files.createTempFile(dir, "tool", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().put("LC_ALL", "C.UTF-8");
      pb.environment().put("TZ", "UTC");
      pb.environment().put("MTOOLS_SKIP_CHECK", "1");
      Process p = pb.start();
      p.getOutputStream().close();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within 60 s");
      }
      return new Result(List.of(command), p.exitValue(), Files.readAllBytes(out),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
