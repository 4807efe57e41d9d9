package dev.forensics.exercise.fat.internal;

import dev.forensics.exercise.fat.FatDirectory;
import dev.forensics.exercise.fat.FatFile;
import dev.forensics.exercise.fat.FatGeometry;
import dev.forensics.exercise.fat.FatNode;
import dev.forensics.exercise.fat.FatType;
import dev.forensics.exercise.fat.FatVolume;
import dev.forensics.exercise.fat.InvalidFatVolumeException;
import dev.forensics.exercise.fat.UnallocatedPlant;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans a volume without touching its content: the geometry, the directory tree with short names, the
 * clusters of every directory and file (handed out contiguously in description order, deleted files
 * included, so no later file reuses a deleted file's clusters), the encoded directories and the FAT.
 */
public final class VolumeLayout {

  /** A directory or file placed on the volume; the root has a null node. */
  public static final class Placed {
    final FatNode node;
    final Placed parent;
    final List<Placed> children = new ArrayList<>();
    final Set<String> childKeys = new HashSet<>();
    final Set<String> childShortNames = new HashSet<>();
    ShortName shortName;
    List<Long> clusters = List.of();
    long entryOffset;
    byte[] directoryBytes;

    Placed(FatNode node, Placed parent) {
      this.node = node;
      this.parent = parent;
    }

    /** The described node (null for the root). */
    public FatNode node() {
      return node;
    }

    /** The generated short name. */
    public ShortName shortName() {
      return shortName;
    }

    /** The clusters, contiguous, in order. */
    public List<Long> clusters() {
      return clusters;
    }

    /** Byte offset of the short entry in the image. */
    public long entryOffset() {
      return entryOffset;
    }

    /** For a directory: its encoded entries (at least one cluster, or the whole fixed root). */
    public byte[] directoryBytes() {
      return directoryBytes;
    }

    boolean isDirectory() {
      return node == null || node instanceof FatDirectory;
    }

    String item() {
      return node == null ? "/" : node.path();
    }
  }

  /** An unallocated plant placed on clusters. */
  public record PlacedPlant(UnallocatedPlant plant, List<Long> clusters) {}

  private final FatVolume volume;
  private final FatGeometry geometry;
  private final Placed root = new Placed(null, null);
  private final List<Placed> inOrder = new ArrayList<>();
  private final List<PlacedPlant> plants = new ArrayList<>();
  private final FatTable fat;
  private long nextCluster = 2;

  private VolumeLayout(FatVolume volume) {
    this.volume = volume;
    this.geometry = Geometries.of(volume);
    buildTree();
    allocate();
    placePlants();
    this.fat = new FatTable(geometry);
    if (geometry.type() == FatType.FAT32) {
      fat.chain(root.clusters);
    }
    for (Placed p : inOrder) {
      if (!(p.node instanceof FatFile f && f.deleted())) {
        fat.chain(p.clusters);
      }
    }
    encodeDirectory(root);
    for (Placed p : inOrder) {
      if (p.isDirectory()) {
        encodeDirectory(p);
      }
    }
  }

  /** Plans {@code volume}, or throws naming the first item that cannot be written. */
  public static VolumeLayout plan(FatVolume volume) {
    return new VolumeLayout(volume);
  }

  /** The boot sector. */
  public byte[] bootSector() {
    return BootSectors.bootSector(volume, geometry);
  }

  /** The geometry. */
  public FatGeometry geometry() {
    return geometry;
  }

  /** The root directory. */
  public Placed root() {
    return root;
  }

  /** Directories and files in description order. */
  public List<Placed> placed() {
    return inOrder;
  }

  /** Unallocated plants in description order. */
  public List<PlacedPlant> plants() {
    return plants;
  }

  /** The FAT. */
  public FatTable fat() {
    return fat;
  }

  /** The first cluster after everything allocated (the FSInfo next-free hint). */
  public long nextFreeCluster() {
    return nextCluster;
  }

  private void buildTree() {
    Map<String, Placed> directories = new HashMap<>();
    directories.put("", root);
    for (FatNode node : volume.nodes()) {
      List<String> parts = Names.components(node.path());
      Placed parent = directories.get(Names.key(node.parentPath()));
      if (parent == null) {
        throw new InvalidFatVolumeException(node.path(),
            "parent directory \"" + node.parentPath() + "\" was not described before it");
      }
      String name = parts.get(parts.size() - 1);
      if (!parent.childKeys.add(Names.key(name))) {
        throw new InvalidFatVolumeException(node.path(),
            "duplicate name in \"" + (node.parentPath().isEmpty() ? "/" : node.parentPath())
                + "\" (FAT compares names without case)");
      }
      Placed placed = new Placed(node, parent);
      placed.shortName = ShortName.generate(name, parent.childShortNames);
      parent.childShortNames.add(placed.shortName.name11());
      parent.children.add(placed);
      inOrder.add(placed);
      if (node instanceof FatDirectory) {
        directories.put(Names.key(node.path()), placed);
      }
    }
  }

  private long entryCount(Placed dir) {
    long count = dir == root ? (volume.label().isEmpty() ? 0 : 1) : 2;
    for (Placed c : dir.children) {
      count += 1 + (c.shortName.needsLongName() ? DirectoryEntries.longNameEntryCount(c.node.name()) : 0);
    }
    return count;
  }

  private long clustersFor(long bytes) {
    return (bytes + geometry.clusterSize() - 1) / geometry.clusterSize();
  }

  private void allocate() {
    if (geometry.type() == FatType.FAT32) {
      root.clusters = take(Math.max(1, clustersFor(entryCount(root) * DirectoryEntries.SIZE)), root);
    } else if (entryCount(root) > geometry.rootEntries()) {
      throw new InvalidFatVolumeException("/", "the root directory needs " + entryCount(root)
          + " entries (long names take several) but has room for " + geometry.rootEntries());
    }
    for (Placed p : inOrder) {
      if (p.node instanceof FatDirectory) {
        long entries = entryCount(p);
        if (entries > 65_536) {
          throw new InvalidFatVolumeException(p.item(), "more than 65536 directory entries");
        }
        p.clusters = take(Math.max(1, clustersFor(entries * DirectoryEntries.SIZE)), p);
      } else {
        FatFile f = (FatFile) p.node;
        long size = f.content().size();
        p.clusters = take(clustersFor(size), p);
        long room = p.clusters.size() * (long) geometry.clusterSize() - size;
        if (f.slackLength() > 0 && (size == 0 || f.slackLength() > room)) {
          throw new InvalidFatVolumeException(f.path(), "slack of " + f.slackLength() + " bytes does not fit: "
              + (size == 0 ? "an empty file has no cluster" : "only " + room + " bytes lie between the file's end "
              + "and the end of its last cluster"));
        }
      }
    }
  }

  private List<Long> take(long count, Placed p) {
    long available = geometry.clusterCount() + 2 - nextCluster;
    if (count > available) {
      throw new InvalidFatVolumeException(p.item(), "volume too small for the content: needs " + count
          + " clusters, only " + available + " of " + geometry.clusterCount() + " are left");
    }
    List<Long> list = new ArrayList<>();
    for (long c = nextCluster; c < nextCluster + count; c++) {
      list.add(c);
    }
    nextCluster += count;
    return List.copyOf(list);
  }

  private void placePlants() {
    long end = geometry.clusterCount() + 2;
    Map<Long, Integer> owner = new LinkedHashMap<>();
    List<UnallocatedPlant> described = volume.unallocated();
    List<Long>[] placed = newLists(described.size());
    for (int i = 0; i < described.size(); i++) {
      UnallocatedPlant plant = described.get(i);
      if (plant.firstCluster().isPresent()) {
        long first = plant.firstCluster().getAsLong();
        placed[i] = span(first, plant.data().length);
        String item = "unallocated plant " + (i + 1);
        if (first < 2 || first + placed[i].size() > end) {
          throw new InvalidFatVolumeException(item, "clusters " + first + ".." + (first + placed[i].size() - 1)
              + " are outside the data area 2.." + (end - 1));
        }
        if (first < nextCluster) {
          throw new InvalidFatVolumeException(item, "cluster " + first + " is used by a file or directory "
              + "(live or deleted); free clusters start at " + nextCluster);
        }
        claim(owner, placed[i], i, item);
      }
    }
    long cursor = nextCluster + 1;
    for (int i = 0; i < described.size(); i++) {
      if (placed[i] == null) {
        int length = described.get(i).data().length;
        while (true) {
          List<Long> span = span(cursor, length);
          if (cursor + span.size() > end) {
            throw new InvalidFatVolumeException("unallocated plant " + (i + 1),
                "volume too small: no " + span.size() + " free clusters left after the content");
          }
          if (span.stream().noneMatch(owner::containsKey)) {
            placed[i] = span;
            claim(owner, span, i, "unallocated plant " + (i + 1));
            cursor += span.size() + 1;
            break;
          }
          cursor++;
        }
      }
      plants.add(new PlacedPlant(described.get(i), placed[i]));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Long>[] newLists(int n) {
    return new List[n];
  }

  private List<Long> span(long first, int length) {
    List<Long> list = new ArrayList<>();
    for (long c = first; c < first + clustersFor(length); c++) {
      list.add(c);
    }
    return List.copyOf(list);
  }

  private static void claim(Map<Long, Integer> owner, List<Long> clusters, int index, String item) {
    for (long c : clusters) {
      Integer other = owner.putIfAbsent(c, index);
      if (other != null) {
        throw new InvalidFatVolumeException(item, "cluster " + c + " is also used by unallocated plant " + (other + 1));
      }
    }
  }

  private LocalDateTime local(java.time.Instant instant, String item, String which) {
    return FatTimeFields.local(instant, volume.zone(), item, which);
  }

  private void encodeDirectory(Placed dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (dir == root) {
      if (!volume.label().isEmpty()) {
        LocalDateTime t = local(volume.formatted(), "volume label", "formatted");
        out.writeBytes(DirectoryEntries.shortEntry(String.format("%-11s", volume.label())
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII), DirectoryEntries.ATTR_VOLUME_ID, 0, null, t, null, 0, 0));
      }
    } else {
      long self = dir.clusters.get(0);
      long parent = dir.parent == root ? 0 : dir.parent.clusters.get(0);
      out.writeBytes(dotEntry(".          ", dir, self));
      out.writeBytes(dotEntry("..         ", dir, parent));
    }
    for (Placed c : dir.children) {
      boolean deleted = c.node instanceof FatFile f && f.deleted();
      if (c.shortName.needsLongName()) {
        byte[] lfn = DirectoryEntries.longNameEntries(c.node.name(), c.shortName.checksum());
        if (deleted) {
          for (int i = 0; i < lfn.length; i += DirectoryEntries.SIZE) {
            lfn[i] = (byte) DirectoryEntries.DELETED;
          }
        }
        out.writeBytes(lfn);
      }
      c.entryOffset = offsetInDirectory(dir, out.size());
      byte[] entry = shortEntryOf(c);
      if (deleted) {
        entry[0] = (byte) DirectoryEntries.DELETED;
      }
      out.writeBytes(entry);
    }
    dir.directoryBytes = out.toByteArray();
  }

  private byte[] dotEntry(String name, Placed dir, long cluster) {
    String item = dir.item();
    return DirectoryEntries.shortEntry(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        DirectoryEntries.ATTR_DIRECTORY | attributeBits(dir.node), 0,
        local(dir.node.times().created(), item, "created"), local(dir.node.times().modified(), item, "modified"),
        local(dir.node.times().accessed(), item, "accessed"), cluster, 0);
  }

  private byte[] shortEntryOf(Placed c) {
    String item = c.item();
    int attributes = attributeBits(c.node) | (c.isDirectory() ? DirectoryEntries.ATTR_DIRECTORY : 0);
    long size = c.node instanceof FatFile f ? f.content().size() : 0;
    long first = c.clusters.isEmpty() ? 0 : c.clusters.get(0);
    return DirectoryEntries.shortEntry(c.shortName.bytes(), attributes, c.shortName.caseFlags(),
        local(c.node.times().created(), item, "created"), local(c.node.times().modified(), item, "modified"),
        local(c.node.times().accessed(), item, "accessed"), first, size);
  }

  private static int attributeBits(FatNode node) {
    int bits = 0;
    for (var a : node.attributes()) {
      bits |= a.bit();
    }
    return bits;
  }

  private long offsetInDirectory(Placed dir, long position) {
    if (dir == root && geometry.type() != FatType.FAT32) {
      return geometry.rootDirectoryOffset() + position;
    }
    long cluster = dir.clusters.get(Math.toIntExact(position / geometry.clusterSize()));
    return geometry.clusterOffset(cluster) + position % geometry.clusterSize();
  }
}
