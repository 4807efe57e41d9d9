package dev.forensics.exercise.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation in another JVM, started later, in another time zone and locale, gives the same bytes as in
 * this one: nothing reads the clock, the zone, the locale, the host or the user.
 */
class DeterminismAcrossJvmsTest {

  @Test
  void generate_inOtherJvmZoneAndLocale_sameBytes(@TempDir Path dir) throws Exception {
    Path here = Files.createDirectory(dir.resolve("here"));
    Path there = Files.createDirectory(dir.resolve("there"));
    GenerateAll.main(new String[] {"99", here.toString()});
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.timezone=Pacific/Kiritimati", "-Duser.language=tr", "-Duser.country=TR",
        "-Duser.name=someone-else", "-Djava.awt.headless=true",
        "-cp", System.getProperty("java.class.path"), GenerateAll.class.getName(), "99", there.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile());
    pb.environment().put("TZ", "Asia/Kathmandu");
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
    for (FileKind kind : FileKind.values()) {
      String name = "all." + kind.extension();
      assertThat(Files.readAllBytes(there.resolve(name))).as(name).isEqualTo(Files.readAllBytes(here.resolve(name)));
      assertThat(Files.getLastModifiedTime(there.resolve(name))).isEqualTo(Files.getLastModifiedTime(here.resolve(name)));
    }
  }
}
