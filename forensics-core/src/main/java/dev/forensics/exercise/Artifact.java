package dev.forensics.exercise;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something planted in the evidence for students to find. One record type per {@link ArtifactKind}.
 * Every artifact has an id (questions refer to it), an optional {@code finding} (what a student should
 * report, copied to the answer key) and chosen {@link FileTimes}. Where an artifact has an optional
 * {@code text}, it is the secret the artifact carries; when absent the builder draws one from the
 * variant's seed, so that variants differ in their secrets.
 */
public sealed interface Artifact {

  /** Unique id within the scenario. */
  String id();

  /** The artifact's kind. */
  ArtifactKind kind();

  /** Every evidence path this artifact occupies (empty for unallocated data). */
  List<String> paths();

  /** Chosen timestamps. */
  FileTimes times();

  /** What a student should find, in the trainer's words; empty to let the answer key describe it. */
  Optional<String> finding();

  /** A file of a type under an honest name, with chosen content and timestamps. */
  record PlainFile(
      String id, String path, FileType type, Optional<String> text, FileTimes times, Optional<String> finding)
      implements Artifact {
    public PlainFile {
      Ids.require(id);
      Paths.requireRelativePath(path, "path");
      Objects.requireNonNull(type, "type");
      common(text, times, finding);
      if (!type.matchesName(Paths.fileName(path))) {
        throw new IllegalArgumentException(
            "must end in ." + String.join(" or .", type.extensions()) + " for a " + type.id()
                + " file (use kind renamed for a mismatch), got '" + path + "'");
      }
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.FILE;
    }

    @Override
    public List<String> paths() {
      return List.of(path);
    }
  }

  /** A file of one type under a name with another type's extension (or none). */
  record Renamed(String id, String path, FileType type, FileTimes times, Optional<String> finding)
      implements Artifact {
    public Renamed {
      Ids.require(id);
      Paths.requireRelativePath(path, "path");
      Objects.requireNonNull(type, "type");
      common(Optional.empty(), times, finding);
      if (type.matchesName(Paths.fileName(path))) {
        throw new IllegalArgumentException(
            "must not end in an extension of " + type.id() + " (the point is the mismatch), got '" + path + "'");
      }
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.RENAMED;
    }

    @Override
    public List<String> paths() {
      return List.of(path);
    }
  }

  /** How a hidden file hides. */
  enum Hiding {
    /** The name starts with a dot. */
    DOTFILE("dotfile"),
    /** The file sits at least {@link #MIN_DEPTH} folders deep. */
    DEEP_PATH("deep-path"),
    /** The name suggests something harmless (checked by the trainer, not the reader). */
    MISLEADING_NAME("misleading-name");

    /** Folders a deep-path file must be nested in. */
    public static final int MIN_DEPTH = 4;

    private final String id;

    Hiding(String id) {
      this.id = id;
    }

    /** The name used in scenario files. */
    public String id() {
      return id;
    }
  }

  /** A file hidden by a dot name, a deep path or a misleading name. */
  record Hidden(
      String id, String path, FileType type, Hiding hiding, Optional<String> text, FileTimes times,
      Optional<String> finding)
      implements Artifact {
    public Hidden {
      Ids.require(id);
      Paths.requireRelativePath(path, "path");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(hiding, "hiding");
      common(text, times, finding);
      if (hiding == Hiding.DOTFILE && !Paths.fileName(path).startsWith(".")) {
        throw new IllegalArgumentException("must have a name starting with '.' for a dotfile, got '" + path + "'");
      }
      if (hiding == Hiding.DEEP_PATH && Paths.depth(path) < Hiding.MIN_DEPTH) {
        throw new IllegalArgumentException(
            "must be at least " + Hiding.MIN_DEPTH + " folders deep for deep-path, got '" + path + "'");
      }
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.HIDDEN;
    }

    @Override
    public List<String> paths() {
      return List.of(path);
    }
  }

  /** A picture with data of another type appended after its end marker. */
  record AppendedData(
      String id, String path, FileType carrier, FileType payload, Optional<String> text, FileTimes times,
      Optional<String> finding)
      implements Artifact {
    public AppendedData {
      Ids.require(id);
      Paths.requireRelativePath(path, "path");
      requireImage(carrier);
      Objects.requireNonNull(payload, "payload");
      common(text, times, finding);
      requireHonestName(carrier, path);
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.APPENDED_DATA;
    }

    @Override
    public List<String> paths() {
      return List.of(path);
    }
  }

  /** A picture with a ZIP archive holding the named entries embedded after its end. */
  record EmbeddedArchive(
      String id, String path, FileType carrier, List<String> entries, FileTimes times, Optional<String> finding)
      implements Artifact {
    public EmbeddedArchive {
      Ids.require(id);
      Paths.requireRelativePath(path, "path");
      requireImage(carrier);
      common(Optional.empty(), times, finding);
      entries = List.copyOf(entries);
      if (entries.isEmpty()) {
        throw new IllegalArgumentException("must list at least one entry");
      }
      entries.forEach(e -> Paths.requireRelativePath(e, "entry"));
      requireHonestName(carrier, path);
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.EMBEDDED_ARCHIVE;
    }

    @Override
    public List<String> paths() {
      return List.of(path);
    }
  }

  /** A high-entropy blob (an encrypted container) under an innocent name. */
  record EncryptedContainer(String id, String path, long sizeBytes, FileTimes times, Optional<String> finding)
      implements Artifact {
    /** Largest container accepted: 256 MiB. */
    public static final long MAX_SIZE = 256L * 1024 * 1024;

    public EncryptedContainer {
      Ids.require(id);
      Paths.requireRelativePath(path, "path");
      common(Optional.empty(), times, finding);
      if (sizeBytes < 512 || sizeBytes > MAX_SIZE) {
        throw new IllegalArgumentException("must be between 512 bytes and 256 MiB, got " + sizeBytes);
      }
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.ENCRYPTED_CONTAINER;
    }

    @Override
    public List<String> paths() {
      return List.of(path);
    }
  }

  /**
   * A known-bad file: its hashes are written to the notable hash set file {@code hashSet} in the output
   * folder (hashdeep format), which students load to find it.
   */
  record KnownBad(
      String id, String path, FileType type, String hashSet, FileTimes times, Optional<String> finding)
      implements Artifact {
    public KnownBad {
      Ids.require(id);
      Paths.requireRelativePath(path, "path");
      Objects.requireNonNull(type, "type");
      Paths.requireFileName(hashSet, "hash set");
      common(Optional.empty(), times, finding);
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.KNOWN_BAD;
    }

    @Override
    public List<String> paths() {
      return List.of(path);
    }
  }

  /**
   * A file changed after the evidence was hashed at seizure: the seizure manifest {@code manifest} (hashdeep
   * format, written beside the evidence) lists every evidence file with the hashes it had then, and this
   * file with its original hashes, so that verifying the manifest finds exactly this file changed.
   */
  record Altered(
      String id, String path, FileType type, String manifest, FileTimes times, Optional<String> finding)
      implements Artifact {
    public Altered {
      Ids.require(id);
      Paths.requireRelativePath(path, "path");
      Objects.requireNonNull(type, "type");
      Paths.requireFileName(manifest, "manifest");
      common(Optional.empty(), times, finding);
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.ALTERED;
    }

    @Override
    public List<String> paths() {
      return List.of(path);
    }
  }

  /** Copies of another artifact's file under other names. */
  record Duplicate(String id, String of, List<String> copies, FileTimes times, Optional<String> finding)
      implements Artifact {
    public Duplicate {
      Ids.require(id);
      Ids.require(of);
      common(Optional.empty(), times, finding);
      copies = List.copyOf(copies);
      if (copies.isEmpty()) {
        throw new IllegalArgumentException("must list at least one path");
      }
      copies.forEach(p -> Paths.requireRelativePath(p, "path"));
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.DUPLICATE;
    }

    @Override
    public List<String> paths() {
      return copies;
    }
  }

  /** A file written to the disk image and then deleted (its directory entry marked free, data left). */
  record DeletedFile(
      String id, String path, FileType type, Optional<String> text, FileTimes times, Optional<String> finding)
      implements Artifact {
    public DeletedFile {
      Ids.require(id);
      Paths.requireRelativePath(path, "path");
      Objects.requireNonNull(type, "type");
      common(text, times, finding);
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.DELETED_FILE;
    }

    @Override
    public List<String> paths() {
      return List.of(path);
    }
  }

  /** Text hidden in the slack space after the end of a host file of the given type. */
  record SlackData(
      String id, String path, FileType type, Optional<String> text, FileTimes times, Optional<String> finding)
      implements Artifact {
    /** Most bytes of slack text: less than the smallest cluster (512 bytes) is always safe. */
    public static final int MAX_TEXT_BYTES = 500;

    public SlackData {
      Ids.require(id);
      Paths.requireRelativePath(path, "path");
      Objects.requireNonNull(type, "type");
      common(text, times, finding);
      text.ifPresent(
          t -> {
            int n = t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (n > MAX_TEXT_BYTES) {
              throw new IllegalArgumentException(
                  "must be at most " + MAX_TEXT_BYTES + " bytes (UTF-8) to fit in slack, got " + n);
            }
          });
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.SLACK_DATA;
    }

    @Override
    public List<String> paths() {
      return List.of(path);
    }
  }

  /** A file of the given type written into unallocated clusters (no directory entry): found by carving. */
  record UnallocatedData(String id, FileType type, Optional<String> text, Optional<String> finding)
      implements Artifact {
    public UnallocatedData {
      Ids.require(id);
      Objects.requireNonNull(type, "type");
      common(text, FileTimes.NONE, finding);
    }

    @Override
    public ArtifactKind kind() {
      return ArtifactKind.UNALLOCATED_DATA;
    }

    @Override
    public List<String> paths() {
      return List.of();
    }

    @Override
    public FileTimes times() {
      return FileTimes.NONE;
    }
  }

  private static void common(Optional<String> text, FileTimes times, Optional<String> finding) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(finding, "finding");
    if (text.isPresent() && text.get().isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
  }

  private static void requireImage(FileType carrier) {
    Objects.requireNonNull(carrier, "carrier");
    if (!carrier.isImage()) {
      throw new IllegalArgumentException("must be an image type (jpeg, png, gif), got " + carrier.id());
    }
  }

  private static void requireHonestName(FileType carrier, String path) {
    if (!carrier.matchesName(Paths.fileName(path))) {
      throw new IllegalArgumentException(
          "must end in ." + String.join(" or .", carrier.extensions()) + " for a " + carrier.id()
              + " carrier, got '" + path + "'");
    }
  }
}
