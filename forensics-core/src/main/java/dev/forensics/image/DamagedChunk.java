package dev.forensics.image;

import java.util.Objects;

/**
 * A chunk of an image whose data failed its check (Adler-32 or decompression): the sectors it covers, and
 * why, as ewfverify reports them.
 */
public record DamagedChunk(long chunkIndex, long firstSector, long lastSector, String reason) {

  public DamagedChunk {
    Objects.requireNonNull(reason, "reason");
    if (chunkIndex < 0 || firstSector < 0 || lastSector < firstSector) {
      throw new IllegalArgumentException("bad chunk " + chunkIndex + " sectors " + firstSector + "-" + lastSector);
    }
  }

  static DamagedChunk of(CorruptChunkException e) {
    return new DamagedChunk(e.chunkIndex(), e.firstSector(), e.lastSector(), e.getMessage());
  }
}
