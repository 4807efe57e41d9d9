import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.knownfiles.HashSetFormat;
import dev.forensics.knownfiles.HashSetKind;
import dev.forensics.knownfiles.KnownFileSet;
import dev.forensics.knownfiles.KnownFileSetLoadResult;
import dev.forensics.knownfiles.KnownFileSets;
import dev.forensics.knownfiles.LoadOptions;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Load-time and memory measurement for a large sha256sum list; run through run.sh.
 *
 * <pre>
 *   generate FILE N        write N lines "SHA256(i)  data/dNNN/file_i.bin"
 *   load FILE keep|drop N  load it (keeping or dropping names) and print time, retained heap, peak heap
 * </pre>
 */
public final class KnownSetLoadBench {

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]));
      case "load" -> load(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("usage: generate FILE N | load FILE keep|drop N");
    }
  }

  private static byte[] digestOf(MessageDigest md, int i) {
    return md.digest(Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
  }

  private static void generate(Path file, int n) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    HexFormat hex = HexFormat.of();
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < n; i++) {
        w.write(hex.formatHex(digestOf(md, i)));
        w.write("  data/d" + (i % 1000) + "/file_" + i + ".bin\n");
      }
    }
  }

  private static void load(Path file, String names, int n) throws Exception {
    LoadOptions options =
        LoadOptions.defaults()
            .withNames(names.equals("drop") ? LoadOptions.NameRetention.DROP : LoadOptions.NameRetention.KEEP);
    // warm the classes used by loading on a tiny file so their one-off cost is not counted
    Path tiny = Files.createTempFile("kfbench", ".txt");
    Files.writeString(tiny, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  empty\n");
    KnownFileSets.load(tiny, HashSetFormat.CHECKSUM_LIST, HashSetKind.KNOWN, "warm", options);
    Files.delete(tiny);

    long before = settledHeapUsed();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long t0 = System.nanoTime();
    KnownFileSetLoadResult result =
        KnownFileSets.load(file, HashSetFormat.CHECKSUM_LIST, HashSetKind.KNOWN, "bench", options);
    long t1 = System.nanoTime();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long after = settledHeapUsed();
    KnownFileSet set = result.set();

    // 50,000 prepared probes, half in the set and half not, looked up 20 times over
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    int probeCount = Math.min(50_000, n);
    DigestSet[] probes = new DigestSet[probeCount];
    for (int i = 0; i < probeCount; i++) {
      int value = i % 2 == 0 ? i * (n / probeCount) : n + i;
      probes[i] = DigestSet.of(new Digest(HashAlgorithm.SHA256, digestOf(md, value)));
    }
    int rounds = 20;
    long hits = 0;
    long t2 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (DigestSet probe : probes) {
        if (set.match(probe).isPresent()) {
          hits++;
        }
      }
    }
    long t3 = System.nanoTime();
    long lookups = (long) rounds * probeCount;

    System.out.printf(
        Locale.ROOT,
        "names=%s entries=%d distinct=%d problems=%d%n"
            + "  load time          %.2f s (%.0f lines/s)%n"
            + "  retained heap      %.1f MB (after System.gc(), MemoryMXBean heap used, minus baseline)%n"
            + "  peak heap in load  %.1f MB (sum of heap pool peaks; includes garbage not yet collected)%n"
            + "  lookups            %d in %.2f s (%d hits), %.2f us each%n",
        names, result.entriesRead(), set.size(), result.problems().size(),
        (t1 - t0) / 1e9, result.entriesRead() / ((t1 - t0) / 1e9),
        (after - before) / 1e6,
        peak / 1e6,
        lookups, (t3 - t2) / 1e9, hits, (t3 - t2) / 1e3 / lookups);
    Reference.reachabilityFence(result);
  }

  private static long settledHeapUsed() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
