package dev.forensics.exercise.fat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random trees of random names (long, short, lower, mixed, non-ASCII, colliding in 8.3), live and deleted,
 * written as FAT12 and read back by fsck.fat and Sleuth Kit: no errors, every name exact, every byte back.
 */
class FatImageProperties {

  /** Sleuth Kit's virtual entries (anything under $OrphanFiles is listed and would fail the test). */
  static final Set<String> VIRTUAL = Set.of("$MBR", "$FAT1", "$FAT2", "$OrphanFiles");
  private static final Pattern FLS_LINE = Pattern.compile("^(\\S)/(\\S) (\\* )?(\\d+):\\t(.*)$");
  private static final String ALPHABET = "abcXYZ019 .+,;=[]()&'-_~!éÜß中";

  /** One file or directory to plant: parent index among earlier directories (-1 root). */
  record Item(String name, boolean directory, int parent, int size, boolean deleted) {}

  @Provide
  Arbitrary<Item> items() {
    Arbitrary<String> names = Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMinLength(1).ofMaxLength(30)
        .filter(n -> !n.endsWith(".") && !n.endsWith(" "));
    return Combinators.combine(names, Arbitraries.integers().between(0, 9).map(i -> i < 2),
        Arbitraries.integers().between(-1, 4), Arbitraries.integers().between(0, 2_500), Arbitraries.of(false, true))
        .as(Item::new);
  }

  @Property(tries = 12)
  void randomTrees_readBackExactly(@ForAll @Size(min = 1, max = 14) List<@net.jqwik.api.From("items") Item> items)
      throws Exception {
    String fsckFat = FatTools.require("fsck.fat", "dosfstools");
    String flsTool = FatTools.require("fls", "sleuthkit");
    String icatTool = FatTools.require("icat", "sleuthkit");
    Path dir = Files.createTempDirectory("fat-props");
    try {
      FatVolume.Builder b = FatVolume.builder(FatType.FAT12, 1_474_560).label("PROPS");
      List<String> directories = new ArrayList<>();
      Set<String> keys = new HashSet<>();
      Map<String, byte[]> files = new HashMap<>();
      Set<String> deleted = new HashSet<>();
      int seed = 0;
      for (Item item : items) {
        String parent = item.parent() < 0 || item.parent() >= directories.size() ? "" : directories.get(item.parent());
        String path = parent.isEmpty() ? item.name() : parent + "/" + item.name();
        if (!keys.add(path.toUpperCase(java.util.Locale.ROOT)) || item.name().equals(".") || item.name().equals("..")) {
          continue; // a duplicate (FAT compares names without case) is a validation error, tested elsewhere
        }
        if (item.directory()) {
          b.directory(path, SampleVolume.TIMES);
          directories.add(path);
        } else {
          byte[] content = SampleVolume.random(item.size(), seed++);
          files.put(path, content);
          if (item.deleted()) {
            b.deletedFile(path, content, SampleVolume.TIMES);
            deleted.add(path);
          } else {
            b.file(path, content, SampleVolume.TIMES);
          }
        }
      }
      Path image = dir.resolve("p.img");
      FatImageReport report = FatImageWriter.write(b.build(), image);

      FatTools.Result fsck = FatTools.run(dir, fsckFat, "-n", image.toString());
      assertThat(fsck.exitCode()).as(fsck.describe()).isZero();

      Map<String, String> shown = new HashMap<>();
      Set<String> shownDeleted = new HashSet<>();
      FatTools.Result fls = FatTools.run(dir, flsTool, "-r", "-p", image.toString());
      assertThat(fls.exitCode()).as(fls.describe()).isZero();
      for (String line : fls.out().split("\n")) {
        Matcher m = FLS_LINE.matcher(line);
        if (m.matches() && !VIRTUAL.contains(m.group(5)) && !m.group(5).endsWith("(Volume Label Entry)")) {
          shown.put(m.group(5), m.group(4));
          if (m.group(3) != null) {
            shownDeleted.add(m.group(5));
          }
        }
      }
      Map<String, byte[]> expected = new HashMap<>();
      Set<String> expectedDeleted = new HashSet<>();
      files.forEach((path, content) -> {
        String name = deleted.contains(path) ? FatImageToolsTest.deletedName(report, path) : path;
        expected.put(name, content);
        if (deleted.contains(path)) {
          expectedDeleted.add(name);
        }
      });
      Set<String> expectedNames = new HashSet<>(expected.keySet());
      expectedNames.addAll(directories);
      assertThat(shown.keySet()).as(fls.describe()).containsExactlyInAnyOrderElementsOf(expectedNames);
      assertThat(shownDeleted).containsExactlyInAnyOrderElementsOf(expectedDeleted);
      for (Map.Entry<String, byte[]> e : expected.entrySet()) {
        FatTools.Result icat = FatTools.run(dir, icatTool, image.toString(), shown.get(e.getKey()));
        assertThat(icat.stdout()).as("icat " + e.getKey()).isEqualTo(e.getValue());
      }
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
