import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.tika.Tika;

/**
 * Reference point for bench/triage/run.sh: files/s of tika-core's default detection over a list of files,
 * on one thread, best of N runs (after one warm-up run).
 * Usage: java TikaDetectBench LIST bytes|name RUNS
 *   bytes: new Tika().detect(stream) (the bytes only); name: new Tika().detect(path) (bytes and name).
 */
public final class TikaDetectBench {
  public static void main(String[] args) throws IOException {
    List<String> files = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    boolean withName = args[1].equals("name");
    int runs = Integer.parseInt(args[2]);
    Tika tika = new Tika();
    double best = Double.MAX_VALUE;
    long sink = 0;
    for (int run = 0; run <= runs; run++) {
      long t0 = System.nanoTime();
      for (String f : files) {
        Path p = Path.of(f);
        if (withName) {
          sink += tika.detect(p).length();
        } else {
          try (InputStream in = new BufferedInputStream(Files.newInputStream(p))) {
            sink += tika.detect(in).length();
          }
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (run > 0) {
        best = Math.min(best, seconds);
      }
    }
    System.out.printf(Locale.ROOT, "%.3f %.0f %d%n", best, files.size() / best, sink);
  }
}
