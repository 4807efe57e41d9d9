package dev.forensics.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.grading.internal.TimeParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeParserTest {

  private static final Instant T = Instant.parse("2026-02-14T20:37:12Z");
  private static final Optional<ZoneId> VIENNA = Optional.of(ZoneId.of("Europe/Vienna"));

  @ParameterizedTest
  @ValueSource(strings = {
      "2026-02-14T21:37:12+01:00", "2026-02-14T20:37:12Z", "2026-02-14 20:37:12 UTC", "2026-02-14 21:37:12 +0100",
      "2026-02-14T21:37:12+01", "2026-02-14 21:37:12 Europe/Vienna", "2026-02-14T21:37:12+01:00[Europe/Vienna]",
      "14.02.2026 21:37:12 GMT+1", "2026-02-14T15:37:12-05:00", " 2026-02-14T20:37:12.000z ", "2026-02-14 20:37:12 gmt",
      "2026-02-14, 21:37:12 UTC+01:00"})
  void zonedForms_giveTheSameMoment(String text) {
    assertThat(TimeParser.parse(text, Optional.empty())).isEqualTo(new TimeParser.Moment(T, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-14 21:37:12", "2026-02-14T21:37:12", "14.02.2026 21:37:12"})
  void withoutZone_usesTheAssumedZone_orIsRefused(String text) {
    assertThat(TimeParser.parse(text, VIENNA)).isEqualTo(new TimeParser.Moment(T, true));
    assertThat(TimeParser.parse(text, Optional.empty())).isEqualTo(new TimeParser.NoZone());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-02-30T10:00:00Z", "2026-02-14T25:00:00Z", "2026-02-14T10:00:00 CST",
      "2026-02-14T10:00:00 Mars/Olympus", "02/14/2026 10:00", "2026-02-14", "2026-02-14T10:00:00+25:00", ""})
  void badForms_areUnparseable(String text) {
    assertThat(TimeParser.parse(text, VIENNA)).isEqualTo(new TimeParser.Unparseable());
  }
}
