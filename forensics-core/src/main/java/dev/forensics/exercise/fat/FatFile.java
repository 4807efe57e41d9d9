package dev.forensics.exercise.fat;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A file, live or deleted, with optional data hidden in its file slack.
 *
 * <p>A deleted file is written as Windows leaves one: the first byte of its short entry and of each of its
 * long-name entries is 0xE5, its FAT chain is zeroed (the clusters are free), and its data clusters keep the
 * content. Its clusters are contiguous and never given to another file, so a tool that recovers deleted FAT
 * files (which must assume contiguity) gets the exact bytes back.
 *
 * @param path path from the root
 * @param content the file's bytes
 * @param times the entry's time stamps
 * @param attributes attributes besides "directory"
 * @param deleted whether the entry is marked deleted
 * @param slack bytes written right after the file's end inside its last cluster (empty for none)
 */
public record FatFile(String path, FileContent content, FatTimes times, Set<FatAttribute> attributes,
    boolean deleted, byte[] slack) implements FatNode {

  public FatFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(times, "times");
    attributes = attributes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(attributes));
    slack = slack.clone();
  }

  @Override
  public byte[] slack() {
    return slack.clone();
  }

  /** Equal when all fields are, slack compared by content (content sources by identity). */
  @Override
  public boolean equals(Object o) {
    return o instanceof FatFile f && path.equals(f.path) && content.equals(f.content) && times.equals(f.times)
        && attributes.equals(f.attributes) && deleted == f.deleted && java.util.Arrays.equals(slack, f.slack);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, content, times, attributes, deleted) * 31 + java.util.Arrays.hashCode(slack);
  }

  @Override
  public String toString() {
    return "FatFile[path=" + path + ", size=" + content.size() + ", deleted=" + deleted + ", attributes="
        + attributes + ", slack=" + slack.length + " bytes]";
  }

  /** The number of slack bytes. */
  public int slackLength() {
    return slack.length;
  }
}
