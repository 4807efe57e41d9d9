package dev.forensics.image;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The acquisition metadata of an EWF image, from its {@code header2} section (UTF-16LE, EnCase 4 and
 * later) or else its {@code header} section. Each field is empty when the image does not have it or has
 * it blank.
 *
 * <p>Dates are kept as stored: {@code header2} holds seconds since 1970 (an instant), {@code header} holds
 * {@code "YYYY M D h m s"} in the acquiring machine's local time. {@link #acquisitionTime(ZoneId)} and
 * {@link #systemTime(ZoneId)} turn either into a local date-time.
 *
 * @param caseNumber {@code c}
 * @param evidenceNumber {@code n}
 * @param description {@code a}
 * @param examiner {@code e}
 * @param notes {@code t}
 * @param acquisitionDate {@code m}, as stored
 * @param systemDate {@code u}, as stored
 * @param softwareVersion {@code av}, the acquiring software's version
 * @param operatingSystem {@code ov}, the operating system used for the acquisition
 * @param values every key and value of the header's {@code main} category, as stored
 */
public record EwfMetadata(Optional<String> caseNumber, Optional<String> evidenceNumber,
    Optional<String> description, Optional<String> examiner, Optional<String> notes,
    Optional<String> acquisitionDate, Optional<String> systemDate, Optional<String> softwareVersion,
    Optional<String> operatingSystem, Map<String, String> values) {

  public EwfMetadata {
    Objects.requireNonNull(caseNumber, "caseNumber");
    Objects.requireNonNull(evidenceNumber, "evidenceNumber");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(examiner, "examiner");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(acquisitionDate, "acquisitionDate");
    Objects.requireNonNull(systemDate, "systemDate");
    Objects.requireNonNull(softwareVersion, "softwareVersion");
    Objects.requireNonNull(operatingSystem, "operatingSystem");
    values = Map.copyOf(values);
  }

  /** Metadata from the {@code main} key/value pairs of a header; blank values become empty. */
  public static EwfMetadata of(Map<String, String> values) {
    return new EwfMetadata(get(values, "c"), get(values, "n"), get(values, "a"), get(values, "e"),
        get(values, "t"), get(values, "m"), get(values, "u"), get(values, "av"), get(values, "ov"), values);
  }

  /** Metadata of an image without header sections. */
  public static EwfMetadata empty() {
    return of(Map.of());
  }

  private static Optional<String> get(Map<String, String> values, String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  /**
   * The acquisition date as a local date-time: a {@code header2} instant shown in {@code zone}, a {@code
   * header} date as stored (it is already local). Empty when absent or not a date.
   */
  public Optional<LocalDateTime> acquisitionTime(ZoneId zone) {
    return acquisitionDate.flatMap(d -> toLocal(d, zone));
  }

  /** The system date as a local date-time; see {@link #acquisitionTime(ZoneId)}. */
  public Optional<LocalDateTime> systemTime(ZoneId zone) {
    return systemDate.flatMap(d -> toLocal(d, zone));
  }

  /**
   * The acquisition date as an instant when the image stores one ({@code header2}: seconds since 1970);
   * empty for a {@code header} date, whose time zone the image does not record.
   */
  public Optional<Instant> acquisitionInstant() {
    return acquisitionDate.flatMap(EwfMetadata::toInstant);
  }

  /** The system date as an instant; see {@link #acquisitionInstant()}. */
  public Optional<Instant> systemInstant() {
    return systemDate.flatMap(EwfMetadata::toInstant);
  }

  private static Optional<Instant> toInstant(String stored) {
    String s = stored.trim();
    return s.matches("\\d{1,12}") ? Optional.of(Instant.ofEpochSecond(Long.parseLong(s))) : Optional.empty();
  }

  private static Optional<LocalDateTime> toLocal(String stored, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    String s = stored.trim();
    try {
      if (s.matches("\\d{1,12}")) {
        return Optional.of(LocalDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(s)), zone));
      }
      String[] f = s.split("\\s+");
      if (f.length == 6) {
        int[] n = new int[6];
        for (int i = 0; i < 6; i++) {
          if (!f[i].matches("\\d{1,4}")) {
            return Optional.empty();
          }
          n[i] = Integer.parseInt(f[i]);
        }
        return Optional.of(LocalDateTime.of(n[0], n[1], n[2], n[3], n[4], n[5]));
      }
    } catch (DateTimeException e) {
      return Optional.empty(); // a stored value that is not a valid date is reported as no date
    }
    return Optional.empty();
  }
}
