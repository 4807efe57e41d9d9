package dev.forensics.exercise;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of planted artifact, named in scenario files and the answer key by {@linkplain #id() id}. */
public enum ArtifactKind {
  FILE("file", false),
  RENAMED("renamed", false),
  HIDDEN("hidden", false),
  APPENDED_DATA("appended-data", false),
  EMBEDDED_ARCHIVE("embedded-archive", false),
  ENCRYPTED_CONTAINER("encrypted-container", false),
  KNOWN_BAD("known-bad", false),
  ALTERED("altered", false),
  DUPLICATE("duplicate", false),
  DELETED_FILE("deleted-file", true),
  SLACK_DATA("slack-data", true),
  UNALLOCATED_DATA("unallocated-data", true);

  private final String id;
  private final boolean diskOnly;

  ArtifactKind(String id, boolean diskOnly) {
    this.id = id;
    this.diskOnly = diskOnly;
  }

  /** The name used in scenario files, e.g. {@code appended-data}. */
  public String id() {
    return id;
  }

  /** Whether the artifact exists only on a disk image (deleted files, file slack, unallocated space). */
  public boolean diskOnly() {
    return diskOnly;
  }

  /** The kind with this id, if any. */
  public static Optional<ArtifactKind> lookup(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  /** All ids, comma-separated, for error messages. */
  public static String knownIds() {
    return Arrays.stream(values()).map(ArtifactKind::id).collect(Collectors.joining(", "));
  }
}
