import dev.forensics.custody.CustodianKeys;
import dev.forensics.custody.CustodyEvent;
import dev.forensics.custody.EventType;
import dev.forensics.custody.Ledger;
import dev.forensics.custody.LedgerVerification;
import dev.forensics.custody.LedgerVerifier;
import dev.forensics.custody.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Custody ledger speed; run through run.sh.
 *
 * <pre>
 *   append DIR N          N signed appends, one by one, each forced to disk: appends/s
 *   group DIR N G         N signed appends in groups of G (one fsync per group): appends/s
 *   make FILE N           write a ledger of N entries (groups of 1000) for verify, its key beside it
 *   mixed FILE N          a ledger of about N entries as a case has them: 1,000 items registered, then each in
 *                         turn transferred to the lab (two signatures), examined, transferred back (two
 *                         signatures) and noted: 1.5 signatures per entry
 *   verify FILE RUNS      verify it (signatures on all cores, chain, custody): best seconds of RUNS
 *   ed25519 N             one thread: microseconds per Ed25519 check, Bouncy Castle and libsodium alternately
 * </pre>
 */
public final class CustodyBench {

  public static void main(String[] a) throws Exception {
    switch (a[0]) {
      case "append" -> append(Path.of(a[1]), Integer.parseInt(a[2]), 1);
      case "group" -> append(Path.of(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]));
      case "threads" -> threads(Path.of(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]));
      case "make" -> make(Path.of(a[1]), Integer.parseInt(a[2]));
      case "mixed" -> mixed(Path.of(a[1]), Integer.parseInt(a[2]));
      case "verify" -> verify(Path.of(a[1]), Integer.parseInt(a[2]));
      case "ed25519" -> ed25519(Integer.parseInt(a[1]));
      default -> throw new IllegalArgumentException(a[0]);
    }
  }

  private static CustodyEvent note(int i) {
    return CustodyEvent.of(EventType.NOTE, null, Map.of("text", "bench note " + i + ", a line of ordinary length for a custody remark"));
  }

  static void append(Path dir, int n, int group) throws Exception {
    Path f = dir.resolve("append-" + group + ".jsonl");
    Files.deleteIfExists(f);
    SigningKey k = CustodianKeys.generate("bench");
    Ledger l = Ledger.create(f, "BENCH", Optional.empty(), k, List.of(), Clock.systemUTC());
    for (int i = 0; i < 200; i++) { // warm up the JIT
      l.append(note(i), k, null);
    }
    long t0 = System.nanoTime();
    if (group == 1) {
      for (int i = 0; i < n; i++) {
        l.append(note(i), k, null);
      }
    } else {
      for (int i = 0; i < n; i += group) {
        List<CustodyEvent> g = new ArrayList<>();
        for (int j = i; j < Math.min(n, i + group); j++) {
          g.add(note(j));
        }
        l.appendAll(g, k);
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%s: %d signed appends%s with fsync in %.2f s = %.0f appends/s%n",
        group == 1 ? "append" : "group", n, group == 1 ? " (one by one)" : " (groups of " + group + ")", s, n / s);
    Files.delete(f);
  }

  static void threads(Path dir, int n, int threads) throws Exception {
    Path f = dir.resolve("threads-" + threads + ".jsonl");
    Files.deleteIfExists(f);
    SigningKey k = CustodianKeys.generate("bench");
    Ledger l = Ledger.create(f, "BENCH", Optional.empty(), k, List.of(), Clock.systemUTC());
    for (int i = 0; i < 200; i++) {
      l.append(note(i), k, null);
    }
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      ts.add(new Thread(() -> {
        try {
          for (int i = 0; i < n / threads; i++) {
            l.append(note(i), k, null);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    long t0 = System.nanoTime();
    ts.forEach(Thread::start);
    for (Thread t : ts) {
      t.join();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "threads: %d signed appends from %d threads (group commit) with fsync in %.2f s = %.0f appends/s%n",
        n, threads, s, n / s);
    Files.delete(f);
  }

  static void make(Path f, int n) throws Exception {
    Files.deleteIfExists(f);
    SigningKey k = CustodianKeys.generate("bench");
    // keep the key beside the ledger (bench.key, bench.pub) for the checkpoint and proof commands
    Path dir = f.toAbsolutePath().getParent();
    Files.deleteIfExists(dir.resolve("bench.key"));
    Files.deleteIfExists(dir.resolve("bench.pub"));
    CustodianKeys.write(k, dir, null);
    Ledger l = Ledger.create(f, "BENCH", Optional.empty(), k, List.of(), Clock.systemUTC());
    for (int i = 1; i < n; i += 1000) {
      List<CustodyEvent> g = new ArrayList<>();
      for (int j = i; j < Math.min(n, i + 1000); j++) {
        g.add(note(j));
      }
      l.appendAll(g, k);
    }
    System.out.printf(Locale.ROOT, "made %s: %d entries, %d MB%n", f, n, Files.size(f) >> 20);
  }

  static void mixed(Path f, int n) throws Exception {
    Files.deleteIfExists(f);
    SigningKey alice = CustodianKeys.generate("alice");
    SigningKey bob = CustodianKeys.generate("bob");
    Ledger l = Ledger.create(f, "BENCH-MIXED", Optional.empty(), alice, List.of(bob.custodian()), Clock.systemUTC());
    int items = 1000;
    List<CustodyEvent> register = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      register.add(CustodyEvent.of(EventType.REGISTER, "EX-" + i,
          Map.of("description", "exhibit " + i + ", sealed bag", "location", "Store A", "seal", "S-" + i)));
    }
    l.appendAll(register, alice);
    long entries = 1 + items;
    for (int i = 0; entries < n; i = (i + 1) % items) {
      String item = "EX-" + i;
      l.append(transfer(item, "alice", "bob", "Store A", "Lab 2"), alice, bob);
      l.append(CustodyEvent.of(EventType.EXAMINE, item, Map.of("tool", "forensics 0.1", "purpose", "triage")), bob, null);
      l.append(transfer(item, "bob", "alice", "Lab 2", "Store A"), bob, alice);
      l.append(CustodyEvent.of(EventType.NOTE, item, Map.of("text", "returned to store after examination")), alice, null);
      entries += 4;
    }
    System.out.printf(Locale.ROOT, "made %s: %d entries, %d MB%n", f, entries, Files.size(f) >> 20);
  }

  private static CustodyEvent transfer(String item, String from, String to, String fromLoc, String toLoc) {
    return CustodyEvent.of(EventType.TRANSFER, item, Map.of("released-by", from, "received-by", to,
        "purpose", "examination", "from", fromLoc, "to", toLoc, "seal-intact", "yes", "condition", "sealed bag, undamaged"));
  }

  static void verify(Path f, int runs) throws Exception {
    double best = Double.MAX_VALUE;
    for (int r = 0; r < runs; r++) {
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      LedgerVerification v = LedgerVerifier.verify(f, List.of(), Optional.empty(), e -> {});
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - c0) / 1e9;
      if (!v.intact()) {
        throw new IllegalStateException("not intact: " + v.problem());
      }
      best = Math.min(best, s);
      System.out.printf(Locale.ROOT, "verify run %d: %d entries in %.2f s wall, %.2f s CPU (all threads), load %s%n",
          r + 1, v.entries(), s, cpu, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
    System.out.printf(Locale.ROOT, "verify: best %.2f s = %.0f entries/s (%d cores)%n", best,
        Files.lines(f).count() / best, Runtime.getRuntime().availableProcessors());
  }

  static void ed25519(int n) {
    java.util.Random r = new java.util.Random(1);
    byte[] seed = new byte[32];
    r.nextBytes(seed);
    byte[] pk = new byte[32];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pk, 0);
    var point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFullExport(pk, 0);
    byte[][] msgs = new byte[n][];
    byte[][] sigs = new byte[n][];
    for (int i = 0; i < n; i++) {
      msgs[i] = new byte[400]; // a ledger entry's signed bytes are about this long
      r.nextBytes(msgs[i]);
      sigs[i] = new byte[64];
      org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, msgs[i], 0, 400, sigs[i], 0);
    }
    System.out.println("libsodium: " + dev.forensics.custody.internal.NativeEd25519.version()
        .orElse("not used: " + dev.forensics.custody.internal.NativeEd25519.unavailableReason().orElse("?")));
    for (int round = 1; round <= 4; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        if (!org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sigs[i], 0, point, msgs[i], 0, 400)) {
          throw new AssertionError("Bouncy Castle rejected signature " + i);
        }
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        if (!dev.forensics.custody.internal.NativeEd25519.accepts(sigs[i], msgs[i], pk)) {
          throw new AssertionError("libsodium rejected signature " + i);
        }
      }
      long t2 = System.nanoTime();
      System.out.printf(Locale.ROOT, "ed25519 round %d: Bouncy Castle %.1f us, libsodium %.1f us per check (%.2fx)%n",
          round, (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (double) (t1 - t0) / (t2 - t1));
    }
  }
}
