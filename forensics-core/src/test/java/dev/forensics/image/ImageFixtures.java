package dev.forensics.image;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Builds raw and split raw images and runs the coreutils the tests compare against. */
final class ImageFixtures {

  private ImageFixtures() {}

  /** Reproducible pseudo-random bytes. */
  static byte[] randomBytes(int length, long seed) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }

  /** Writes {@code data} to {@code NAME + suffix(i)} in pieces of {@code segmentSize}; returns the files. */
  static List<Path> splitByHand(Path dir, String prefix, List<String> suffixes, byte[] data, int segmentSize)
      throws IOException {
    List<Path> files = new ArrayList<>();
    int count = Math.max(1, (data.length + segmentSize - 1) / segmentSize);
    if (count > suffixes.size()) {
      throw new IllegalArgumentException("need " + count + " suffixes, got " + suffixes.size());
    }
    for (int i = 0; i < count; i++) {
      Path file = dir.resolve(prefix + suffixes.get(i));
      int from = i * segmentSize;
      Files.write(file, Arrays.copyOfRange(data, from, Math.min(data.length, from + segmentSize)));
      files.add(file);
    }
    return files;
  }

  /** {@code 001, 002, …} with {@code width} digits starting at {@code first}. */
  static List<String> numericSuffixes(int first, int width, int count) {
    List<String> suffixes = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      suffixes.add(String.format("%0" + width + "d", i));
    }
    return suffixes;
  }

  /** {@code aa, ab, …} (or upper case) with {@code width} letters. */
  static List<String> letterSuffixes(int width, boolean upper, int count) {
    List<String> suffixes = new ArrayList<>();
    char a = upper ? 'A' : 'a';
    for (int i = 0; i < count; i++) {
      char[] letters = new char[width];
      int n = i;
      for (int j = width - 1; j >= 0; j--) {
        letters[j] = (char) (a + n % 26);
        n /= 26;
      }
      suffixes.add(new String(letters));
    }
    return suffixes;
  }

  /** Every byte of the media, read through {@link EvidenceImage#openChannel()} in odd-sized reads. */
  static byte[] readAll(EvidenceImage image) throws IOException {
    try (SeekableByteChannel channel = image.openChannel()) {
      ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(image.size()));
      ByteBuffer buffer = ByteBuffer.allocate(777);
      while (channel.read(buffer.clear()) >= 0) {
        all.put(buffer.flip());
      }
      return all.array();
    }
  }

  /** SHA-256 of the media through {@link EvidenceImage#openChannel()}, lower-case hex. */
  static String sha256(EvidenceImage image) throws IOException {
    MessageDigest digest = sha256();
    try (SeekableByteChannel channel = image.openChannel()) {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      while (channel.read(buffer.clear()) >= 0) {
        digest.update(buffer.flip());
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Skips (or, under CI=true, fails) the calling test unless {@code tool} is on the PATH. */
  static void requireTool(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return;
      }
    }
    String message = tool + " is not installed (not on PATH)";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + "; CI=true requires it");
    }
    assumeTrue(false, message + "; skipping");
  }

  /** The exit code and output of a command run by {@link #exec}. */
  record ToolResult(int exitCode, String stdout, String stderr) {}

  /**
   * Runs a command in {@code dir} with {@code LC_ALL=C}, {@code TZ=UTC} and {@code env}, fails unless it
   * ends within a minute; any exit code is returned.
   */
  static ToolResult exec(Path dir, java.util.Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    requireTool(command[0]);
    Path out = Files.createTempFile("tool", ".out");
    Path err = Files.createTempFile("tool", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().put("LC_ALL", "C");
      pb.environment().put("TZ", "UTC");
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within 60 s");
      }
      return new ToolResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Runs a command in {@code dir}, fails unless it exits 0 within a minute, returns its stdout. */
  static String run(Path dir, String... command) throws IOException, InterruptedException {
    ToolResult r = exec(dir, java.util.Map.of(), command);
    if (r.exitCode() != 0) {
      fail(String.join(" ", command) + " exited " + r.exitCode() + ": " + r.stderr());
    }
    return r.stdout();
  }
}
