package dev.forensics.grading.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date and time as students write it: ISO-8601 ({@code 2026-02-14T21:37:12+01:00}, {@code …Z},
 * with a space for the {@code T}, with fractions of a second, {@code +0100}, {@code +01}, a bracketed zone
 * id after the offset), a date in {@code dd.MM.yyyy} form, and a zone after the time: {@code Z}, {@code
 * UTC}, {@code GMT}, {@code UTC+1}, {@code GMT+01:00}, or a region id such as {@code Europe/Vienna}. A time
 * without zone is read in the assumed zone, if there is one.
 */
public final class TimeParser {

  private static final Pattern FORM = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
  private static final Pattern TIME = Pattern.compile(
      "(?:T|\\s+|\\s*,\\s*)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(.*)", Pattern.DOTALL);
  private static final Pattern OFFSET = Pattern.compile("(?:UTC|GMT|UT)?\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?");

  private TimeParser() {}

  /** What was read. */
  public sealed interface Parsed {}

  /** A moment, with whether the zone was assumed. */
  public record Moment(Instant instant, boolean zoneAssumed) implements Parsed {}

  /** A date and time without zone, and no zone to assume. */
  public record NoZone() implements Parsed {}

  /** Not a date and time this parser knows. */
  public record Unparseable() implements Parsed {}

  /** Parses {@code text}. */
  public static Parsed parse(String text, Optional<ZoneId> assume) {
    String s = text.strip();
    if (s.length() > 100) {
      return new Unparseable();
    }
    Matcher d = FORM.matcher(s);
    if (!d.lookingAt()) {
      return new Unparseable();
    }
    Matcher t = TIME.matcher(s.substring(d.end()));
    if (!t.matches()) {
      return new Unparseable();
    }
    LocalDateTime local;
    try {
      LocalDate date = d.group(1) != null
          ? LocalDate.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3)))
          : LocalDate.of(Integer.parseInt(d.group(6)), Integer.parseInt(d.group(5)), Integer.parseInt(d.group(4)));
      int nanos = 0;
      if (t.group(4) != null) {
        nanos = Integer.parseInt((t.group(4) + "00000000").substring(0, 9));
      }
      LocalTime time = LocalTime.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)),
          t.group(3) == null ? 0 : Integer.parseInt(t.group(3)), nanos);
      local = LocalDateTime.of(date, time);
    } catch (DateTimeException | NumberFormatException e) {
      return new Unparseable();
    }
    String zone = t.group(5).strip();
    if (zone.isEmpty()) {
      return assume.<Parsed>map(z -> new Moment(local.atZone(z).toInstant(), true)).orElse(new NoZone());
    }
    Optional<ZoneId> z = zone(zone);
    return z.<Parsed>map(id -> new Moment(local.atZone(id).toInstant(), false)).orElse(new Unparseable());
  }

  private static Optional<ZoneId> zone(String text) {
    String s = text;
    // an offset followed by a bracketed region, as ISO_ZONED_DATE_TIME writes it: the offset decides
    int bracket = s.indexOf('[');
    if (bracket > 0 && s.endsWith("]")) {
      s = s.substring(0, bracket).strip();
    } else if (bracket == 0 && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    String u = s.toUpperCase(Locale.ROOT);
    if (u.equals("Z") || u.equals("UTC") || u.equals("GMT") || u.equals("UT")) {
      return Optional.of(ZoneOffset.UTC);
    }
    Matcher o = OFFSET.matcher(u);
    if (o.matches()) {
      try {
        int h = Integer.parseInt(o.group(2));
        int m = o.group(3) == null ? 0 : Integer.parseInt(o.group(3));
        int sign = o.group(1).equals("-") ? -1 : 1;
        return Optional.of(ZoneOffset.ofHoursMinutes(sign * h, sign * m));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    if (!s.contains("/")) {
      // three-letter abbreviations such as CST or IST mean several zones; only region ids are accepted
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(s));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
