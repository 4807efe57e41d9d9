package dev.forensics.triage;

import dev.forensics.knownfiles.KnownFileLibrary;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How triage runs and what it flags.
 *
 * @param entropyThreshold bits per byte from which a file of no known format is suspected to be
 *     encrypted (Autopsy uses 7.5)
 * @param minEncryptedSize the smallest file (bytes) suspected of encryption; Autopsy uses 5 MiB, the
 *     default here is 4 KiB so that small training files are examined (random data of 4 KiB already
 *     measures about 7.95 bits per byte)
 * @param md5 also compute MD5 (SHA-256 always)
 * @param library the known and notable hash sets to look files up in
 * @param clock "now", for timestamps in the future
 * @param threads files examined at once
 * @param root the folder reported paths are relative to
 * @param archives whether and how far archives are opened ({@link ArchiveLimits#OFF} by default)
 * @param typesOnly detect types only: no digests, entropy, hidden-data or known-set checks, so only the
 *     first bytes of a file (and a container's directory) are read; the records then carry no digests,
 *     an entropy of 0, and only the findings that follow from the type, the name and the times
 */
public record TriageOptions(
    double entropyThreshold, long minEncryptedSize, boolean md5, KnownFileLibrary library, Clock clock,
    int threads, Path root, ArchiveLimits archives, boolean typesOnly) {

  public static final double DEFAULT_ENTROPY_THRESHOLD = 7.5;
  public static final long DEFAULT_MIN_ENCRYPTED_SIZE = 4096;

  public TriageOptions {
    if (!(entropyThreshold >= 0 && entropyThreshold <= 8)) {
      throw new IllegalArgumentException("entropy threshold must be between 0 and 8 bits per byte, got " + entropyThreshold);
    }
    if (minEncryptedSize < 0) {
      throw new IllegalArgumentException("negative minimum size " + minEncryptedSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(clock, "clock");
    root = root.toAbsolutePath().normalize();
    Objects.requireNonNull(archives, "archives");
    if (typesOnly && (md5 || !library.sets().isEmpty() || archives.enabled())) {
      throw new IllegalArgumentException(
          "types only reads no content: it computes no MD5, looks nothing up in hash sets and opens no archives");
    }
  }

  /** Default thresholds, SHA-256 only, no hash sets, the system clock, one thread per core, the current folder. */
  public static TriageOptions defaults() {
    return new TriageOptions(DEFAULT_ENTROPY_THRESHOLD, DEFAULT_MIN_ENCRYPTED_SIZE, false, KnownFileLibrary.empty(),
        Clock.systemUTC(), Runtime.getRuntime().availableProcessors(), Path.of(""), ArchiveLimits.OFF, false);
  }

  public TriageOptions withEntropyThreshold(double bitsPerByte) {
    return new TriageOptions(bitsPerByte, minEncryptedSize, md5, library, clock, threads, root, archives, typesOnly);
  }

  public TriageOptions withMinEncryptedSize(long bytes) {
    return new TriageOptions(entropyThreshold, bytes, md5, library, clock, threads, root, archives, typesOnly);
  }

  public TriageOptions withMd5(boolean yes) {
    return new TriageOptions(entropyThreshold, minEncryptedSize, yes, library, clock, threads, root, archives, typesOnly);
  }

  public TriageOptions withLibrary(KnownFileLibrary sets) {
    return new TriageOptions(entropyThreshold, minEncryptedSize, md5, sets, clock, threads, root, archives, typesOnly);
  }

  public TriageOptions withClock(Clock now) {
    return new TriageOptions(entropyThreshold, minEncryptedSize, md5, library, now, threads, root, archives, typesOnly);
  }

  public TriageOptions withThreads(int n) {
    return new TriageOptions(entropyThreshold, minEncryptedSize, md5, library, clock, n, root, archives, typesOnly);
  }

  public TriageOptions withRoot(Path dir) {
    return new TriageOptions(entropyThreshold, minEncryptedSize, md5, library, clock, threads, dir, archives, typesOnly);
  }

  public TriageOptions withArchives(ArchiveLimits limits) {
    return new TriageOptions(entropyThreshold, minEncryptedSize, md5, library, clock, threads, root, limits, typesOnly);
  }

  /** Detect types only (see {@code typesOnly}): the fast pass that reads only what detection needs. */
  public TriageOptions withTypesOnly(boolean yes) {
    return new TriageOptions(entropyThreshold, minEncryptedSize, md5, library, clock, threads, root, archives, yes);
  }
}
