package dev.forensics.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Damaged scenarios are refused with a ScenarioException naming a line, never with another exception:
 * lines of the example are deleted, duplicated or have text spliced in.
 */
class ScenarioReaderProperties {

  static final List<String> LINES;

  static {
    try {
      LINES = Files.readAllLines(ExampleScenarioTest.example(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void readOrRefuse(List<String> lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      ScenarioReader.read(bytes, "s.yaml");
    } catch (ScenarioException e) {
      assertThat(e.getMessage()).startsWith("s.yaml");
      assertThat(e.problem()).isNotBlank();
    }
  }

  @Property(tries = 150)
  void deletingOrDuplicatingALine_isReadOrRefusedCleanly(
      @ForAll @IntRange(min = 0, max = 400) int where, @ForAll boolean duplicate) {
    List<String> lines = new ArrayList<>(LINES);
    int i = where % lines.size();
    if (duplicate) {
      lines.add(i, lines.get(i));
    } else {
      lines.remove(i);
    }
    readOrRefuse(lines);
  }

  @Property(tries = 150)
  void splicingTextIntoALine_isReadOrRefusedCleanly(
      @ForAll @IntRange(min = 0, max = 400) int where,
      @ForAll @IntRange(min = 0, max = 80) int column,
      @ForAll @StringLength(max = 12) String text) {
    List<String> lines = new ArrayList<>(LINES);
    int i = where % lines.size();
    String line = lines.get(i);
    int c = Math.min(column, line.length());
    lines.set(i, line.substring(0, c) + text + line.substring(c));
    readOrRefuse(lines);
  }
}
