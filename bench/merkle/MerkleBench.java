import dev.forensics.checkpoint.Checkpoint;
import dev.forensics.checkpoint.NoteSigner;
import dev.forensics.checkpoint.NoteVerifier;
import dev.forensics.checkpoint.SignedNote;
import dev.forensics.merkle.ConsistencyProof;
import dev.forensics.merkle.InclusionProof;
import dev.forensics.merkle.MerkleHash;
import dev.forensics.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;

/**
 * Plain timing of the Merkle tree over N leaves (default 100,000): building it, computing roots,
 * generating and verifying inclusion and consistency proofs, signing and opening a checkpoint. Each
 * figure is the best of ROUNDS rounds after a warm-up. Run through run.sh.
 */
public final class MerkleBench {

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    byte[][] entries = new byte[n][];
    for (int i = 0; i < n; i++) {
      // a custody-ledger-sized JSONL entry (~200 bytes)
      entries[i] = String.format(Locale.ROOT, "{\"seq\":%d,\"case\":\"2024-17\",\"exhibit\":\"E%05d\","
          + "\"event\":\"transfer\",\"from\":\"evidence room\",\"to\":\"lab 2\",\"sha256\":\"%064x\"}\n",
          i, i % 99_999, (long) i * 2654435761L).getBytes(StandardCharsets.UTF_8);
    }
    Random rnd = new Random(42);
    int samples = 10_000;
    long[] idx = new long[samples];
    long[] old = new long[samples];
    for (int i = 0; i < samples; i++) {
      idx[i] = rnd.nextInt(n);
      old[i] = 1 + rnd.nextInt(n - 1);
    }

    double build = Double.MAX_VALUE;
    double rootFull = Double.MAX_VALUE;
    double rootsAny = Double.MAX_VALUE;
    double incl = Double.MAX_VALUE;
    double inclVerify = Double.MAX_VALUE;
    double cons = Double.MAX_VALUE;
    double consVerify = Double.MAX_VALUE;
    MerkleTree tree = null;
    long sink = 0;
    int maxIncl = 0;
    int maxCons = 0;
    long totalIncl = 0;
    for (int r = 0; r <= rounds; r++) {
      long t0 = System.nanoTime();
      tree = MerkleTree.create();
      for (byte[] e : entries) {
        tree.append(e);
      }
      long t1 = System.nanoTime();
      MerkleHash root = tree.root();
      long t2 = System.nanoTime();
      for (int i = 0; i < samples; i++) {
        sink += tree.root(old[i]).bytes()[0];
      }
      long t3 = System.nanoTime();
      InclusionProof[] ps = new InclusionProof[samples];
      for (int i = 0; i < samples; i++) {
        ps[i] = tree.inclusionProof(idx[i], n);
      }
      long t4 = System.nanoTime();
      for (int i = 0; i < samples; i++) {
        ps[i].verify(tree.leafHash(idx[i]), root);
      }
      long t5 = System.nanoTime();
      ConsistencyProof[] cs = new ConsistencyProof[samples];
      MerkleHash[] oldRoots = new MerkleHash[samples];
      for (int i = 0; i < samples; i++) {
        cs[i] = tree.consistencyProof(old[i], n);
        oldRoots[i] = tree.root(old[i]);
      }
      long t6 = System.nanoTime();
      for (int i = 0; i < samples; i++) {
        cs[i].verify(oldRoots[i], root);
      }
      long t7 = System.nanoTime();
      if (r == 0) {
        for (int i = 0; i < samples; i++) {
          maxIncl = Math.max(maxIncl, ps[i].hashes().size());
          totalIncl += ps[i].hashes().size();
          maxCons = Math.max(maxCons, cs[i].hashes().size());
        }
        continue; // warm-up
      }
      build = Math.min(build, (t1 - t0) / 1e6);
      rootFull = Math.min(rootFull, (t2 - t1) / 1e3);
      rootsAny = Math.min(rootsAny, (t3 - t2) / 1e3 / samples);
      incl = Math.min(incl, (t4 - t3) / 1e3 / samples);
      inclVerify = Math.min(inclVerify, (t5 - t4) / 1e3 / samples);
      cons = Math.min(cons, (t6 - t5) / 1e3 / samples - 0); // includes the old root
      consVerify = Math.min(consVerify, (t7 - t6) / 1e3 / samples);
    }

    NoteSigner signer = NoteSigner.generate("forensics.example/bench", new SecureRandom());
    NoteVerifier verifier = NoteVerifier.of(signer.verifierKey());
    Checkpoint cp = Checkpoint.of("forensics.example/bench", n, tree.root());
    double sign = Double.MAX_VALUE;
    double open = Double.MAX_VALUE;
    for (int r = 0; r <= rounds; r++) {
      long t0 = System.nanoTime();
      SignedNote note = null;
      for (int i = 0; i < 1000; i++) {
        note = cp.sign(signer);
      }
      long t1 = System.nanoTime();
      byte[] bytes = note.toBytes();
      for (int i = 0; i < 1000; i++) {
        Checkpoint.open(bytes, "forensics.example/bench", verifier);
      }
      long t2 = System.nanoTime();
      if (r > 0) {
        sign = Math.min(sign, (t1 - t0) / 1e3 / 1000);
        open = Math.min(open, (t2 - t1) / 1e3 / 1000);
      }
    }

    System.out.printf(Locale.ROOT, "leaves: %,d (entries of ~%d bytes), best of %d rounds, %s%n", n,
        entries[n / 2].length, rounds, System.getProperty("java.vm.version"));
    System.out.printf(Locale.ROOT, "build tree (hash + append all leaves): %.1f ms (%.2f us/leaf)%n", build, build * 1e3 / n);
    System.out.printf(Locale.ROOT, "root of the full tree: %.1f us%n", rootFull);
    System.out.printf(Locale.ROOT, "root of a random earlier size: %.1f us%n", rootsAny);
    System.out.printf(Locale.ROOT, "inclusion proof: generate %.1f us, verify %.1f us; hashes max %d, mean %.1f (%d bytes max)%n",
        incl, inclVerify, maxIncl, (double) totalIncl / samples, maxIncl * 32);
    System.out.printf(Locale.ROOT, "consistency proof (random old size): generate+old root %.1f us, verify %.1f us; hashes max %d (%d bytes)%n",
        cons, consVerify, maxCons, maxCons * 32);
    System.out.printf(Locale.ROOT, "checkpoint: sign %.0f us, parse+verify %.0f us (Ed25519)%n", sign, open);
    System.out.printf(Locale.ROOT, "heap used after build: %.1f MB (sink %d)%n", usedMb(), sink);
  }

  private static double usedMb() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / 1e6;
  }
}
