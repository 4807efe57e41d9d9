package dev.forensics.hash;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a hashing run, safe to read from another thread (for a progress bar). The totals
 * stay 0 unless someone estimates them ({@link EvidenceHasher#estimate}, or the manifest being
 * verified).
 */
public final class HashProgress {

  private final AtomicLong totalFiles = new AtomicLong();
  private final AtomicLong totalBytes = new AtomicLong();
  private final AtomicLong doneFiles = new AtomicLong();
  private final AtomicLong doneBytes = new AtomicLong();

  public long totalFiles() {
    return totalFiles.get();
  }

  public long totalBytes() {
    return totalBytes.get();
  }

  public long doneFiles() {
    return doneFiles.get();
  }

  public long doneBytes() {
    return doneBytes.get();
  }

  /** Adds to the totals expected. */
  public void planned(long files, long bytes) {
    totalFiles.addAndGet(files);
    totalBytes.addAndGet(bytes);
  }

  /** Counts {@code n} more bytes read. */
  public void bytes(long n) {
    doneBytes.addAndGet(n);
  }

  void fileDone() {
    doneFiles.incrementAndGet();
  }
}
