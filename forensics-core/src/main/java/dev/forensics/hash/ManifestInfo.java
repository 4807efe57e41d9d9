package dev.forensics.hash;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a manifest says about itself: the algorithms of its columns, the piece size of piecewise
 * hashing, and, where known, the program that wrote it, the command line, the directory it was invoked
 * from and when it was created (UTC).
 */
public record ManifestInfo(
    List<HashAlgorithm> algorithms,
    long pieceSize,
    String creatorOrNull,
    String commandOrNull,
    String invokedFromOrNull,
    Instant createdOrNull) {

  public ManifestInfo {
    algorithms = List.copyOf(algorithms);
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("a manifest needs at least one hash algorithm");
    }
    if (algorithms.stream().distinct().count() != algorithms.size()) {
      throw new IllegalArgumentException("duplicate algorithm in " + algorithms);
    }
    if (pieceSize < 0) {
      throw new IllegalArgumentException("negative piece size " + pieceSize);
    }
  }

  /** Info with only the algorithms (no pieces, creator, command, directory or time). */
  public static ManifestInfo of(List<HashAlgorithm> algorithms) {
    return new ManifestInfo(algorithms, 0, null, null, null, null);
  }

  public Optional<String> creator() {
    return Optional.ofNullable(creatorOrNull);
  }

  public Optional<String> command() {
    return Optional.ofNullable(commandOrNull);
  }

  public Optional<String> invokedFrom() {
    return Optional.ofNullable(invokedFromOrNull);
  }

  public Optional<Instant> created() {
    return Optional.ofNullable(createdOrNull);
  }

  /** A copy with the creator, command line, directory and time set. */
  public ManifestInfo withProvenance(String creator, String command, String invokedFrom, Instant created) {
    return new ManifestInfo(algorithms, pieceSize, creator, command, invokedFrom, created);
  }

  /** A copy with another piece size (0 = no pieces). */
  public ManifestInfo withPieceSize(long size) {
    return new ManifestInfo(algorithms, size, creatorOrNull, commandOrNull, invokedFromOrNull, createdOrNull);
  }

}
