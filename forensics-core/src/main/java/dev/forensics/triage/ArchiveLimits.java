package dev.forensics.triage;

/**
 * Whether and how far triage opens ZIP, TAR and gzip archives to examine their members (named
 * {@code outer.zip!/dir/file}). Every limit is checked while bytes are expanded, so a decompression
 * bomb is stopped and reported, never allowed to exhaust memory or disk (nothing is written to disk).
 *
 * @param maxDepth how many archive levels to open (0: archives are not opened)
 * @param maxEntries members examined per archive file on disk, all levels together
 * @param maxExpandedBytes bytes expanded per archive file on disk, all levels together
 * @param maxRatio expanded bytes per byte of the archive file on disk beyond which it is a bomb
 *     (checked once 1 MiB has been expanded)
 * @param maxMemberInMemory members up to this size are held in memory and examined fully (containers
 *     opened, nested archives expanded); larger ones are examined as they stream past
 */
public record ArchiveLimits(int maxDepth, long maxEntries, long maxExpandedBytes, long maxRatio, long maxMemberInMemory) {

  /** Archives are not opened. */
  public static final ArchiveLimits OFF = new ArchiveLimits(0, 0, 0, 1, 0);

  public ArchiveLimits {
    if (maxDepth < 0 || maxEntries < 0 || maxExpandedBytes < 0 || maxRatio < 1 || maxMemberInMemory < 0
        || maxMemberInMemory > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("invalid archive limits: depth " + maxDepth + ", entries " + maxEntries
          + ", bytes " + maxExpandedBytes + ", ratio " + maxRatio + ", in memory " + maxMemberInMemory);
    }
  }

  /** Three levels, 10,000 members, 1 GiB expanded, ratio 100, members up to 16 MiB in memory. */
  public static ArchiveLimits defaults() {
    return new ArchiveLimits(3, 10_000, 1L << 30, 100, 16L << 20);
  }

  public boolean enabled() {
    return maxDepth > 0;
  }
}
