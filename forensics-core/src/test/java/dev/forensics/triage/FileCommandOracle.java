package dev.forensics.triage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code file --mime-type -b} as ONE process over the whole list ({@code -f LIST}), the way the speed
 * benchmark runs it. The answers come back one line per listed file, in list order.
 */
final class FileCommandOracle implements TypeOracle {

  private static final long TIMEOUT_SECONDS = 120;

  private final Path executable;
  private final String version;

  private FileCommandOracle(Path executable, String version) {
    this.executable = executable;
    this.version = version;
  }

  /** The {@code file} on the PATH, or empty when it is not installed. */
  static Optional<FileCommandOracle> find() throws IOException {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = dir.isEmpty() ? null : Path.of(dir, "file");
      if (p != null && Files.isRegularFile(p) && Files.isExecutable(p)) {
        List<String> out = run(List.of(p.toString(), "--version"));
        String version = out.isEmpty() ? "file" : out.get(0).trim();
        return Optional.of(new FileCommandOracle(p, version));
      }
    }
    return Optional.empty();
  }

  @Override
  public String name() {
    return version;
  }

  @Override
  public List<String> detect(List<Path> files) throws IOException {
    Path list = Files.createTempFile("file-list", ".txt");
    try {
      List<String> names = new ArrayList<>();
      for (Path f : files) {
        String s = f.toAbsolutePath().toString();
        if (s.contains("\n")) {
          throw new IOException("a file name with a newline cannot be listed for file -f: " + s);
        }
        names.add(s);
      }
      Files.write(list, names, StandardCharsets.UTF_8);
      List<String> out = run(List.of(executable.toString(), "--mime-type", "-b", "-f", list.toString()));
      if (out.size() != files.size()) {
        throw new IOException("file printed " + out.size() + " lines for " + files.size() + " files");
      }
      return out.stream().map(String::trim).toList();
    } finally {
      Files.deleteIfExists(list);
    }
  }

  private static List<String> run(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("LC_ALL", "C.UTF-8");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] stdout = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + String.join(" ", command), e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + p.exitValue());
    }
    return new String(stdout, StandardCharsets.UTF_8).lines().toList();
  }
}
