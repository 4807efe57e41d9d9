package dev.forensics.exercise.fat.internal;

import dev.forensics.exercise.fat.InvalidFatVolumeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * FAT's local-time fields: date {@code (year-1980)<<9 | month<<5 | day}, time
 * {@code hour<<11 | minute<<5 | second/2}, and the creation "tenths" byte (0–199, units of 10 ms, holding
 * the odd second).
 */
public final class FatTimeFields {

  private FatTimeFields() {}

  /** {@code instant} as local time at {@code zone}, refused outside 1980–2107. */
  public static LocalDateTime local(Instant instant, ZoneOffset zone, String item, String which) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, zone);
    if (t.getYear() < 1980 || t.getYear() > 2107) {
      throw new InvalidFatVolumeException(item, which + " time " + t + " (local, " + zone
          + ") is outside FAT's range 1980-01-01 to 2107-12-31");
    }
    return t;
  }

  /** The 16-bit date field. */
  public static int date(LocalDateTime t) {
    return ((t.getYear() - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
  }

  /** The 16-bit time field (seconds rounded down to even). */
  public static int time(LocalDateTime t) {
    return (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
  }

  /** The creation-time tenths byte: the odd second as 100 plus hundredths of a second. */
  public static int tenths(LocalDateTime t) {
    return (t.getSecond() % 2) * 100 + t.getNano() / 10_000_000;
  }
}
