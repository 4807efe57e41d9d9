package dev.forensics.custody;

import dev.forensics.custody.LedgerEntry.EntryException;
import dev.forensics.custody.internal.LineReader;
import dev.forensics.custody.internal.NativeEd25519;
import dev.forensics.merkle.MerkleHash;
import dev.forensics.merkle.MerkleTree;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SignatureException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Verifies a whole ledger: each line's canonical form and shape, sequence numbers, the hash chain,
 * every signature (on all cores), required fields, custody continuity, time order (a warning), and
 * optionally a remembered head. Stops at the first problem and names it.
 */
public final class LedgerVerifier {

  private static final int BATCH = 256;
  private static final int FIRST_BATCH = 16;
  /**
   * Entries from this line on are checked with libsodium first, when the machine has it: loading it
   * costs about as much as checking this many signatures with Bouncy Castle.
   */
  private static final long NATIVE_FROM = 1024;

  private LedgerVerifier() {}

  /**
   * Verifies {@code file}.
   *
   * @param keys public keys of custodians besides those in the init entry (a keys folder)
   * @param head a head remembered earlier: the ledger must contain it (detects truncation, rollback)
   * @param onEntry told each entry that passed the sequential checks, in order (e.g. to build Merkle
   *     leaves from {@link LedgerEntry#canonical()}); signatures are checked in parallel, so trust what
   *     it was given only when the result is {@linkplain LedgerVerification#intact() intact}
   * @throws LedgerParseException when the file is empty or does not start with an init entry
   */
  public static LedgerVerification verify(
      Path file, Collection<Custodian> keys, Optional<LedgerHead> head, Consumer<LedgerEntry> onEntry)
      throws IOException {
    return verifyWithTree(file, keys, head, onEntry).verification();
  }

  /** A verification and the Merkle tree of the entries that passed the sequential checks. */
  record WithTree(LedgerVerification verification, MerkleTree tree) {}

  /** As {@link #verify}, also giving the Merkle tree (for checkpoints and proofs). */
  static WithTree verifyWithTree(
      Path file, Collection<Custodian> keys, Optional<LedgerHead> head, Consumer<LedgerEntry> onEntry)
      throws IOException {
    Workers pool = new Workers(Math.max(1, Runtime.getRuntime().availableProcessors()));
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return run(file, in, keys, head, onEntry, pool, pool.threads);
    } finally {
      pool.shutdown();
    }
  }

  /** Signature-checking threads, started only for ledgers of more than one batch. */
  private static final class Workers {
    final int threads;
    private ExecutorService pool;

    Workers(int threads) {
      this.threads = threads;
    }

    Future<SigFailure> submit(java.util.concurrent.Callable<SigFailure> task) {
      if (pool == null) {
        pool = Executors.newFixedThreadPool(threads, r -> {
          Thread t = new Thread(r, "forensics-custody-verify");
          t.setDaemon(true);
          return t;
        });
      }
      return pool.submit(task);
    }

    void shutdown() {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** A failed signature check. */
  private record SigFailure(long line, long seq, String message) {}

  /** Entries whose signatures are checked together on one worker. */
  private record Batch(List<LedgerEntry> entries, List<List<CustodianKey.Prepared>> keys, List<Long> lines) {}

  private static WithTree run(
      Path file, InputStream in, Collection<Custodian> keys, Optional<LedgerHead> head,
      Consumer<LedgerEntry> onEntry, Workers pool, int threads) throws IOException {
    LedgerState state = new LedgerState(keys);
    MerkleTree tree = MerkleTree.create();
    java.util.Map<CustodianKey, CustodianKey.Prepared> prepared = new java.util.HashMap<>();
    LineReader lines = new LineReader(in, 0);
    List<LedgerProblem> warnings = new ArrayList<>();
    ArrayDeque<Future<SigFailure>> pending = new ArrayDeque<>();
    SigFailure sigFailure = null;
    LedgerProblem problem = null;
    Batch batch = newBatch();
    // small first batches: the signature workers start while this thread is still warming up
    int batchSize = FIRST_BATCH;
    long lineNo = 0;
    long verified = 0; // entries whose signatures were all submitted
    byte[] line;
    while ((line = lines.next()) != null) {
      lineNo++;
      LedgerEntry e;
      try {
        e = LedgerEntry.parse(line);
        Optional<String> w = state.apply(e);
        List<CustodianKey.Prepared> signers = new ArrayList<>(2);
        for (CustodianKey k : state.signerKeys(e)) {
          signers.add(prepared.computeIfAbsent(k, CustodianKey::prepare));
        }
        final long ln = lineNo;
        w.ifPresent(m -> warnings.add(new LedgerProblem(LedgerProblem.Kind.TIME_ORDER, ln, e.seq(), m)));
        batch.entries.add(e);
        batch.keys.add(signers);
        batch.lines.add(lineNo);
      } catch (EntryException x) {
        if (lineNo == 1 && (x.kind == LedgerProblem.Kind.MALFORMED)) {
          throw new LedgerParseException(file + ": line 1: not a custody ledger: " + x.getMessage());
        }
        problem = new LedgerProblem(x.kind, lineNo, x.seq, x.getMessage());
        break;
      }
      tree.append(e.canonicalShared());
      onEntry.accept(e);
      if (batch.entries.size() == batchSize) {
        Batch b = batch;
        boolean fast = lineNo >= NATIVE_FROM;
        pending.add(pool.submit(() -> check(b, fast)));
        batch = newBatch();
        batchSize = Math.min(BATCH, batchSize * 4);
        while (pending.size() > threads * 4 && sigFailure == null) {
          sigFailure = await(pending.poll());
        }
        if (sigFailure != null) {
          break;
        }
      }
    }
    if (lineNo == 0 && problem == null) {
      if (lines.torn()) {
        throw new LedgerParseException(file + ": line 1: not a custody ledger: no complete line (an interrupted 'custody init'?)");
      }
      throw new LedgerParseException(file + ": empty file: not a custody ledger");
    }
    if (sigFailure == null && !batch.entries.isEmpty()) {
      Batch b = batch;
      boolean fast = lineNo >= NATIVE_FROM;
      if (pending.isEmpty()) {
        SigFailure f = check(b, fast); // a small ledger: no threads needed
        pending.add(java.util.concurrent.CompletableFuture.completedFuture(f));
      } else {
        pending.add(pool.submit(() -> check(b, fast)));
      }
    }
    while (!pending.isEmpty()) {
      SigFailure f = await(pending.poll());
      if (f != null && (sigFailure == null || f.seq < sigFailure.seq)) {
        sigFailure = f;
      }
    }
    if (sigFailure != null && (problem == null || sigFailure.line <= problem.line())) {
      problem = new LedgerProblem(LedgerProblem.Kind.SIGNATURE, sigFailure.line, sigFailure.seq, sigFailure.message);
    }
    long torn = 0;
    if (problem == null && lines.torn()) {
      torn = Files.size(file) - lines.offset();
      problem = new LedgerProblem(LedgerProblem.Kind.TORN, lineNo + 1, -1,
          "the last line is incomplete (" + torn + " bytes without a newline): an append was interrupted;"
              + " 'forensics custody repair' moves it aside");
    }
    long entries = state.nextSeq();
    Optional<LedgerHead> lastHead = state.last().map(LedgerEntry::head);
    if (problem != null && problem.kind() == LedgerProblem.Kind.SIGNATURE) {
      // the sequential pass went past the bad entry: only the entries before it are intact
      entries = Math.min(entries, problem.seq());
      lastHead = Optional.empty();
    }
    if (problem == null && head.isPresent()) {
      problem = checkHead(head.get(), file, keys, state);
    }
    Optional<MerkleHash> root = entries > 0 && entries <= tree.size()
        ? Optional.of(tree.root(entries)) : Optional.empty();
    return new WithTree(new LedgerVerification(file.toString(), state.caseNumber(), entries, lastHead,
        Optional.ofNullable(problem), warnings, state.items(), torn, root), tree);
  }

  private static LedgerProblem checkHead(LedgerHead want, Path file, Collection<Custodian> keys, LedgerState state)
      throws IOException {
    long n = state.nextSeq();
    if (want.seq() >= n) {
      return new LedgerProblem(LedgerProblem.Kind.HEAD, n + 1, want.seq(),
          "the ledger ends at seq " + (n - 1) + " but the remembered head is seq " + want.seq()
              + ": entries were removed (truncated or rolled back)");
    }
    byte[] have = hashAt(file, want.seq());
    if (!MessageDigest.isEqual(have, want.hash())) {
      return new LedgerProblem(LedgerProblem.Kind.HEAD, want.seq() + 1, want.seq(),
          "entry " + want.seq() + " does not have the remembered hash " + want.hex()
              + ": the ledger was rewritten from there on");
    }
    return null;
  }

  private static byte[] hashAt(Path file, long seq) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      LineReader r = new LineReader(in, 0);
      byte[] line = null;
      for (long i = 0; i <= seq; i++) {
        line = r.next();
      }
      return LedgerEntry.sha256(line);
    }
  }

  private static Batch newBatch() {
    return new Batch(new ArrayList<>(BATCH), new ArrayList<>(BATCH), new ArrayList<>(BATCH));
  }

  /** The first bad signature in {@code b}; {@code libsodium}: try libsodium first (see {@link NativeEd25519}). */
  private static SigFailure check(Batch b, boolean libsodium) {
    for (int i = 0; i < b.entries.size(); i++) {
      LedgerEntry e = b.entries.get(i);
      List<CustodianKey.Prepared> ks = b.keys.get(i);
      byte[] msg = e.signedBytesShared();
      for (int j = 0; j < ks.size(); j++) {
        LedgerEntry.Signature s = e.signatures().get(j);
        try {
          ks.get(j).verify(msg, s.value(), libsodium);
        } catch (SignatureException x) {
          return new SigFailure(b.lines.get(i), e.seq(), "signature by " + s.by() + ": " + x.getMessage());
        }
      }
    }
    return null;
  }

  private static SigFailure await(Future<SigFailure> f) throws java.io.InterruptedIOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while verifying signatures");
    } catch (ExecutionException e) {
      throw new IllegalStateException("signature worker failed", e.getCause());
    }
  }
}
