package dev.forensics.exercise.fat;

import dev.forensics.exercise.fat.internal.ShortName;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An immutable description of a FAT volume to write: its type, size and geometry, its identity (label,
 * serial, OEM name), and the directories, files, deleted files, slack and unallocated data to plant, in the
 * order they were "created" (clusters are handed out in that order).
 *
 * <p>Sectors are 512 bytes. Everything that decides the bytes comes from the description: the writer reads
 * no clock, host or user name, so the same description always gives the same image.
 *
 * @param type FAT12, FAT16 or FAT32; the volume's cluster count must fall in that type's range
 * @param sizeBytes the volume size, a multiple of 512
 * @param sectorsPerCluster 1, 2, 4 … 128, or 0 for the smallest that keeps the cluster count legal
 * @param rootEntries root directory entries for FAT12/16 (a multiple of 16), or 0 for the default (224 on a
 *     volume of up to 2.88 MB, else 512); must be 0 for FAT32, whose root is a cluster chain
 * @param label volume label, up to 11 characters valid in a short name or spaces, stored in upper case;
 *     empty for none ({@code NO NAME} in the boot sector, no label entry)
 * @param serial the volume serial number (shown as {@code XXXX-XXXX})
 * @param oemName the boot sector's OEM name, up to 8 printable ASCII characters
 * @param zone the offset that turns instants into FAT's local-time fields
 * @param formatted when the volume was formatted: the time stamp of the volume label entry
 * @param nodes directories and files, each parent directory before its children
 * @param unallocated data to write into free clusters
 */
public record FatVolume(FatType type, long sizeBytes, int sectorsPerCluster, int rootEntries, String label,
    int serial, String oemName, ZoneOffset zone, Instant formatted, List<FatNode> nodes,
    List<UnallocatedPlant> unallocated) {

  /** Bytes per sector; the only sector size written. */
  public static final int SECTOR_SIZE = 512;

  public FatVolume {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(oemName, "oemName");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(formatted, "formatted");
    label = label.toUpperCase(java.util.Locale.ROOT);
    nodes = List.copyOf(nodes);
    unallocated = List.copyOf(unallocated);
    if (sizeBytes <= 0 || sizeBytes % SECTOR_SIZE != 0) {
      throw new InvalidFatVolumeException("volume", "size must be a positive multiple of 512 bytes, got " + sizeBytes);
    }
    if (sizeBytes / SECTOR_SIZE > 0xFFFF_FFFFL) {
      throw new InvalidFatVolumeException("volume", "size exceeds 2^32 sectors: " + sizeBytes);
    }
    if (sectorsPerCluster != 0 && (sectorsPerCluster > 128 || Integer.bitCount(sectorsPerCluster) != 1)) {
      throw new InvalidFatVolumeException("volume",
          "sectors per cluster must be 1, 2, 4, 8, 16, 32, 64 or 128, got " + sectorsPerCluster);
    }
    if (type == FatType.FAT32 && rootEntries != 0) {
      throw new InvalidFatVolumeException("volume", "FAT32 has no fixed root directory; root entries must be 0");
    }
    if (rootEntries < 0 || rootEntries % 16 != 0 || rootEntries > 0xFFF0) {
      throw new InvalidFatVolumeException("volume",
          "root entries must be a multiple of 16 (one sector) up to 65520, got " + rootEntries);
    }
    if (label.length() > 11) {
      throw new InvalidFatVolumeException("volume label", "longer than 11 characters: \"" + label + "\"");
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c != ' ' && !ShortName.isShortNameChar(Character.toUpperCase(c))) {
        throw new InvalidFatVolumeException("volume label",
            "character '" + c + "' is not allowed in a label: \"" + label + "\"");
      }
    }
    if (!label.isEmpty() && label.charAt(0) == ' ') {
      throw new InvalidFatVolumeException("volume label", "must not start with a space: \"" + label + "\"");
    }
    if (oemName.length() > 8 || !oemName.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
      throw new InvalidFatVolumeException("OEM name", "must be up to 8 printable ASCII characters: \"" + oemName + "\"");
    }
  }

  /** Starts a description of a volume of {@code type} and {@code sizeBytes}. */
  public static Builder builder(FatType type, long sizeBytes) {
    return new Builder(type, sizeBytes);
  }

  /** Collects a volume description; {@link #build()} may be called once. */
  public static final class Builder {
    private final FatType type;
    private final long sizeBytes;
    private int sectorsPerCluster;
    private int rootEntries;
    private String label = "";
    private int serial;
    private String oemName = "MSWIN4.1";
    private ZoneOffset zone = ZoneOffset.UTC;
    private Instant formatted;
    private final List<FatNode> nodes = new ArrayList<>();
    private final List<UnallocatedPlant> unallocated = new ArrayList<>();
    private boolean built;

    private Builder(FatType type, long sizeBytes) {
      this.type = Objects.requireNonNull(type, "type");
      this.sizeBytes = sizeBytes;
    }

    /** Sectors per cluster (power of two up to 128); default: the smallest legal for the type and size. */
    public Builder sectorsPerCluster(int value) {
      this.sectorsPerCluster = value;
      return this;
    }

    /** Root directory entries (FAT12/16 only, a multiple of 16). */
    public Builder rootEntries(int value) {
      this.rootEntries = value;
      return this;
    }

    /** The volume label (default none). */
    public Builder label(String value) {
      this.label = Objects.requireNonNull(value, "label");
      return this;
    }

    /** The volume serial number (default 0). */
    public Builder serial(int value) {
      this.serial = value;
      return this;
    }

    /** The boot sector's OEM name (default {@code MSWIN4.1}). */
    public Builder oemName(String value) {
      this.oemName = Objects.requireNonNull(value, "oemName");
      return this;
    }

    /** The offset of FAT's local time from UTC (default UTC). */
    public Builder zone(ZoneOffset value) {
      this.zone = Objects.requireNonNull(value, "zone");
      return this;
    }

    /** When the volume was formatted (default 1980-01-01 00:00:00 local time, FAT's epoch). */
    public Builder formatted(Instant value) {
      this.formatted = Objects.requireNonNull(value, "formatted");
      return this;
    }

    /** Adds a directory or file. */
    public Builder add(FatNode node) {
      nodes.add(Objects.requireNonNull(node, "node"));
      return this;
    }

    /** Adds a directory. */
    public Builder directory(String path, FatTimes times, FatAttribute... attributes) {
      return add(new FatDirectory(path, times, attributeSet(attributes)));
    }

    /** Adds a live file. */
    public Builder file(String path, FileContent content, FatTimes times, FatAttribute... attributes) {
      return add(new FatFile(path, content, times, attributeSet(attributes), false, new byte[0]));
    }

    /** Adds a live file held in memory. */
    public Builder file(String path, byte[] content, FatTimes times, FatAttribute... attributes) {
      return file(path, FileContent.of(content), times, attributes);
    }

    /** Adds a deleted file: entries marked 0xE5, FAT chain zeroed, data left in its clusters. */
    public Builder deletedFile(String path, FileContent content, FatTimes times, FatAttribute... attributes) {
      return add(new FatFile(path, content, times, attributeSet(attributes), true, new byte[0]));
    }

    /** Adds a deleted file held in memory. */
    public Builder deletedFile(String path, byte[] content, FatTimes times, FatAttribute... attributes) {
      return deletedFile(path, FileContent.of(content), times, attributes);
    }

    /**
     * Hides {@code bytes} in the slack of the file already added at {@code path}, right after its end.
     *
     * @throws InvalidFatVolumeException if no file was added at that path
     */
    public Builder slack(String path, byte[] bytes) {
      for (int i = 0; i < nodes.size(); i++) {
        if (nodes.get(i) instanceof FatFile f && f.path().equals(path)) {
          nodes.set(i, new FatFile(f.path(), f.content(), f.times(), f.attributes(), f.deleted(), bytes));
          return this;
        }
      }
      throw new InvalidFatVolumeException(path, "slack for a file that was not added");
    }

    /** Writes {@code data} into free clusters starting at {@code firstCluster}. */
    public Builder unallocated(long firstCluster, byte[] data) {
      unallocated.add(new UnallocatedPlant(OptionalLong.of(firstCluster), data));
      return this;
    }

    /** Writes {@code data} into free clusters after all other content. */
    public Builder unallocated(byte[] data) {
      unallocated.add(new UnallocatedPlant(OptionalLong.empty(), data));
      return this;
    }

    /** The description. */
    public FatVolume build() {
      if (built) {
        throw new IllegalStateException("build() was already called");
      }
      built = true;
      Instant when = formatted != null ? formatted : LocalDateTime.of(1980, 1, 1, 0, 0).toInstant(zone);
      return new FatVolume(type, sizeBytes, sectorsPerCluster, rootEntries, label,
          serial, oemName, zone, when, nodes, unallocated);
    }

    private static Set<FatAttribute> attributeSet(FatAttribute... attributes) {
      EnumSet<FatAttribute> set = EnumSet.noneOf(FatAttribute.class);
      for (FatAttribute a : attributes) {
        set.add(Objects.requireNonNull(a, "attribute"));
      }
      return set;
    }
  }
}
