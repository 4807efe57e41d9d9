package dev.forensics.exercise.fat;

import dev.forensics.exercise.fat.internal.BootSectors;
import dev.forensics.exercise.fat.internal.ImageOutput;
import dev.forensics.exercise.fat.internal.VolumeLayout;
import dev.forensics.exercise.fat.internal.VolumeLayout.Placed;
import dev.forensics.exercise.fat.internal.VolumeLayout.PlacedPlant;
import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a {@link FatVolume} as a raw FAT12, FAT16 or FAT32 image, without mounting anything: boot sector
 * and BIOS parameter block (on FAT32 also FSInfo, backup boot sector and backup FSInfo), two identical FATs,
 * the root directory, subdirectories with {@code .} and {@code ..}, long-name entries, file data, deleted
 * files, slack and unallocated plants. File content is streamed from its source straight into the image.
 *
 * <p>The output is a function of the description alone: no clock, host or user name is read. The image
 * file is created new (an existing file is never overwritten) and is sparse where nothing is written; on
 * failure it is deleted.
 */
public final class FatImageWriter {

  private static final int BUFFER = 64 * 1024;

  private FatImageWriter() {}

  /**
   * Checks {@code volume} and returns its geometry without writing anything.
   *
   * @throws InvalidFatVolumeException naming the first item that cannot be written
   */
  public static FatGeometry check(FatVolume volume) {
    return VolumeLayout.plan(Objects.requireNonNull(volume, "volume")).geometry();
  }

  /**
   * Writes {@code volume} to the new file {@code image}.
   *
   * @return where everything was planted
   * @throws InvalidFatVolumeException if the description cannot be written, or a content source yields
   *     another number of bytes than declared
   * @throws java.nio.file.FileAlreadyExistsException if {@code image} exists
   * @throws IOException if writing or reading a content source fails
   */
  public static FatImageReport write(FatVolume volume, Path image) throws IOException {
    VolumeLayout layout = VolumeLayout.plan(Objects.requireNonNull(volume, "volume"));
    return write(layout, ImageOutput.single(image));
  }

  /**
   * Writes {@code volume} as a split raw set {@code base.001}, {@code base.002} … of {@code segmentSize}
   * bytes each (the last may be shorter), all created new.
   *
   * @return where everything was planted (offsets in the whole image)
   * @throws IllegalArgumentException if {@code segmentSize} is not a positive multiple of 512 or gives more
   *     than 999 segments
   */
  public static FatImageReport writeSplit(FatVolume volume, Path base, long segmentSize) throws IOException {
    VolumeLayout layout = VolumeLayout.plan(Objects.requireNonNull(volume, "volume"));
    return write(layout, ImageOutput.split(base, segmentSize, layout.geometry().sizeBytes()));
  }

  private static FatImageReport write(VolumeLayout layout, ImageOutput out) throws IOException {
    try (out) {
      FatImageReport report = writeAll(layout, out);
      out.finish(layout.geometry().sizeBytes());
      return report;
    } catch (IOException | RuntimeException e) {
      out.discard(e);
      throw e;
    }
  }

  private static FatImageReport writeAll(VolumeLayout layout, ImageOutput out) throws IOException {
    FatGeometry g = layout.geometry();
    byte[] boot = layout.bootSector();
    out.write(0, ByteBuffer.wrap(boot));
    long free = layout.fat().freeClusters();
    if (g.type() == FatType.FAT32) {
      byte[] info = BootSectors.fsInfo(free, layout.nextFreeCluster());
      out.write((long) BootSectors.FSINFO_SECTOR * g.bytesPerSector(), ByteBuffer.wrap(info));
      out.write((long) BootSectors.BACKUP_BOOT_SECTOR * g.bytesPerSector(), ByteBuffer.wrap(boot));
      out.write((long) (BootSectors.BACKUP_BOOT_SECTOR + 1) * g.bytesPerSector(), ByteBuffer.wrap(info));
    }
    byte[] fat = layout.fat().encode();
    for (int i = 0; i < g.fatCount(); i++) {
      out.write(g.fatOffset(i), ByteBuffer.wrap(fat));
    }
    Placed root = layout.root();
    long rootOffset = g.type() == FatType.FAT32 ? g.clusterOffset(root.clusters().get(0)) : g.rootDirectoryOffset();
    out.write(rootOffset, ByteBuffer.wrap(root.directoryBytes()));

    List<PlantedEntry> entries = new ArrayList<>();
    List<SlackPlant> slack = new ArrayList<>();
    for (Placed p : layout.placed()) {
      List<Long> clusters = p.clusters();
      long start = clusters.isEmpty() ? 0 : g.clusterOffset(clusters.get(0));
      long first = clusters.isEmpty() ? 0 : clusters.get(0);
      if (p.node() instanceof FatDirectory) {
        out.write(start, ByteBuffer.wrap(p.directoryBytes()));
        entries.add(new PlantedEntry(p.node().path(), p.shortName().display(), true, false, p.entryOffset(), first,
            clusters, List.of(new ByteRange(start, (long) clusters.size() * g.clusterSize())), 0, Optional.empty()));
      } else {
        FatFile f = (FatFile) p.node();
        Digest sha256 = writeContent(f, out, start);
        long size = f.content().size();
        if (f.slackLength() > 0) {
          out.write(start + size, ByteBuffer.wrap(f.slack()));
          slack.add(new SlackPlant(f.path(), new ByteRange(start + size, f.slackLength())));
        }
        entries.add(new PlantedEntry(f.path(), p.shortName().display(), false, f.deleted(), p.entryOffset(), first,
            clusters, size == 0 ? List.of() : List.of(new ByteRange(start, size)), size, Optional.of(sha256)));
      }
    }
    List<UnallocatedRegion> unallocated = new ArrayList<>();
    for (PlacedPlant plant : layout.plants()) {
      long offset = g.clusterOffset(plant.clusters().get(0));
      byte[] data = plant.plant().data();
      out.write(offset, ByteBuffer.wrap(data));
      unallocated.add(new UnallocatedRegion(plant.clusters(), new ByteRange(offset, data.length)));
    }
    return new FatImageReport(g, entries, slack, unallocated, free);
  }

  private static Digest writeContent(FatFile f, ImageOutput out, long start) throws IOException {
    MessageDigest md = sha256();
    long declared = f.content().size();
    long written = 0;
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = f.content().open()) {
      int n;
      while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, declared - written + 1))) > 0) {
        if (written + n > declared) {
          throw new InvalidFatVolumeException(f.path(), "content has more than the declared " + declared + " bytes");
        }
        md.update(buffer, 0, n);
        out.write(start + written, ByteBuffer.wrap(buffer, 0, n));
        written += n;
      }
    }
    if (written != declared) {
      throw new InvalidFatVolumeException(f.path(), "content has " + written + " bytes, declared " + declared);
    }
    return new Digest(HashAlgorithm.SHA256, md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }
}
