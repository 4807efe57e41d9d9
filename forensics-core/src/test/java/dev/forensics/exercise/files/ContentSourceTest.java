package dev.forensics.exercise.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentSourceTest {

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /** Known answers computed with Python's hmac module from the algorithm documented on ContentSource. */
  @Test
  void draw_matchesDocumentedHmacSha256Stream() {
    assertThat(hex(ContentSource.of(42).draw("case/a.txt").bytes(40)))
        .isEqualTo("07744a81af1713e013643623d2b01f31b807b5803b2ea2d5b671a7f285b987d87ba541166e9f0ebe");
    assertThat(hex(ContentSource.of(-1).draw("ünï").bytes(32)))
        .isEqualTo("80b97721ed7104bcdf73e5c767e8b17b7e52de39e958ecb9be0d62555e6a6c82");
    Draw parent = ContentSource.of(42).draw("case/a.zip");
    parent.bytes(5);
    assertThat(hex(parent.child("member-1").bytes(32)))
        .isEqualTo("e12fc6ba1449159a5427f0585deb5bf7163684e3301d1fdfb03678ff7ad774be");
  }

  @Test
  void draw_streamDoesNotDependOnOtherLabelsOrReadSizes() {
    ContentSource source = ContentSource.of(5);
    byte[] alone = source.draw("b").bytes(100);
    source.draw("a").bytes(1000);
    Draw split = source.draw("b");
    byte[] first = split.bytes(3);
    byte[] rest = split.bytes(97);
    byte[] joined = new byte[100];
    System.arraycopy(first, 0, joined, 0, 3);
    System.arraycopy(rest, 0, joined, 3, 97);
    assertThat(joined).isEqualTo(alone);
  }

  @Test
  void child_isIndependentOfParentPosition() {
    Draw a = ContentSource.of(9).draw("f");
    Draw b = ContentSource.of(9).draw("f");
    b.bytes(77);
    assertThat(a.child("x").bytes(16)).isEqualTo(b.child("x").bytes(16));
    assertThat(a.child("x").bytes(16)).isNotEqualTo(a.child("y").bytes(16));
  }

  @Test
  void nextInt_staysInBoundsAndReachesEveryValue() {
    Draw d = ContentSource.of(1).draw("ints");
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      int v = d.nextInt(7);
      assertThat(v).isBetween(0, 6);
      seen.add(v);
      assertThat(d.between(-3, 3)).isBetween(-3, 3);
      assertThat(d.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
    assertThat(seen).hasSize(7);
  }

  @Test
  void textAndPeople_comeFromBundledLists() {
    Draw d = ContentSource.of(3).draw("people");
    Person p = d.person();
    assertThat(p.email()).matches("[a-z]+\\.[a-z]+@example\\.(com|org|net)");
    assertThat(d.sentence()).matches("[A-Z][a-z]*( [a-z]+){4,13}\\.");
  }

  @Test
  void draw_rejectsEmptyLabelAndBadBounds() {
    assertThatThrownBy(() -> ContentSource.of(1).draw("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ContentSource.of(1).draw("a\uD800b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> ContentSource.of(1).draw("a").nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ContentSource.of(1).draw("a").between(2, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
