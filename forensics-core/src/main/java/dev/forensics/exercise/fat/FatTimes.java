package dev.forensics.exercise.fat;

import java.time.Instant;
import java.util.Objects;

/**
 * The three time stamps of a directory entry, as instants. The writer turns them into FAT's local-time
 * fields with the volume's zone offset (see {@link FatVolume#zone()}): modification time to 2-second
 * resolution (rounded down), creation time to 10 ms (the extra "tenths" byte holds the odd second and the
 * hundredths), access time to the day. FAT can hold local times from 1980-01-01 00:00:00 to 2107-12-31
 * 23:59:59; the writer refuses others.
 *
 * @param created when the entry was created
 * @param modified when the content was last written
 * @param accessed when the entry was last read (only the local date is stored)
 */
public record FatTimes(Instant created, Instant modified, Instant accessed) {

  public FatTimes {
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(accessed, "accessed");
  }

  /** The same instant for creation, modification and access. */
  public static FatTimes at(Instant instant) {
    return new FatTimes(instant, instant, instant);
  }
}
