package dev.forensics.knownfiles;

import static dev.forensics.knownfiles.Fixtures.digests;
import static dev.forensics.knownfiles.Fixtures.md5;
import static dev.forensics.knownfiles.Fixtures.sha1;
import static dev.forensics.knownfiles.Fixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnownFileSetTest {

  private static KnownFileSet.Builder builder() {
    return KnownFileSet.builder("set", HashSetKind.NOTABLE, HashSetFormat.IN_MEMORY);
  }

  @Test
  void build_duplicates_keptOnceWithTheFirstName() {
    KnownFileSet set =
        builder()
            .add(DigestSet.of(sha256("a")), "first")
            .add(DigestSet.of(sha256("b")), "b")
            .add(DigestSet.of(sha256("a")), "second")
            .add(DigestSet.of(sha256("a")))
            .build();

    assertThat(set.size()).isEqualTo(2);
    assertThat(set.match(DigestSet.of(sha256("a"))).orElseThrow().fileName()).contains("first");
  }

  @Test
  void build_calledTwice_throws() {
    KnownFileSet.Builder b = builder().add(DigestSet.of(sha256("a")));
    b.build();

    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.add(DigestSet.of(sha256("b")))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void add_emptyDigestSet_rejected() {
    assertThatThrownBy(() -> builder().add(DigestSet.empty())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void names_afterFirstEntry_rejected() {
    KnownFileSet.Builder b = builder().add(DigestSet.of(sha256("a")));

    assertThatThrownBy(() -> b.names(LoadOptions.NameRetention.DROP)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builder_blankName_rejected() {
    assertThatThrownBy(() -> KnownFileSet.builder(" ", HashSetKind.KNOWN, HashSetFormat.IN_MEMORY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void match_onlyMd5FileAgainstSha256Set_incomparableNoMatch() {
    KnownFileSet set = builder().add(digests("a", HashAlgorithm.SHA256)).build();
    DigestSet file = DigestSet.of(md5("a"));

    assertThat(set.isComparable(file)).isFalse();
    assertThat(set.match(file)).isEmpty();
  }

  @Test
  void match_strongestCommonAlgorithmDecides() {
    KnownFileSet set = builder().add(digests("a", HashAlgorithm.MD5, HashAlgorithm.SHA1)).build();

    // sha1 is the strongest both have; it disagrees, so the agreeing md5 does not count
    assertThat(set.match(DigestSet.of(md5("a"), sha1("other"), sha256("a")))).isEmpty();
    assertThat(set.match(DigestSet.of(md5("other"), sha1("a"))))
        .contains(new KnownFileMatch("set", HashSetKind.NOTABLE, HashAlgorithm.SHA1, Optional.empty()));
  }

  @Test
  void match_setMixingMd5AndSha1Entries_eachEntryCheckedOnWhatItRecords() {
    KnownFileSet set =
        builder().add(DigestSet.of(md5("a")), "a.exe").add(DigestSet.of(sha1("b")), "b.exe").build();

    assertThat(set.algorithms()).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA1);
    assertThat(set.size()).isEqualTo(2);
    assertThat(set.match(digests("a", HashAlgorithm.MD5, HashAlgorithm.SHA1)))
        .contains(new KnownFileMatch("set", HashSetKind.NOTABLE, HashAlgorithm.MD5, Optional.of("a.exe")));
    assertThat(set.match(digests("b", HashAlgorithm.MD5, HashAlgorithm.SHA1)))
        .contains(new KnownFileMatch("set", HashSetKind.NOTABLE, HashAlgorithm.SHA1, Optional.of("b.exe")));
  }

  @Test
  void contains_anyAlgorithmTheSetRecords() {
    KnownFileSet set = builder().add(digests("a", HashAlgorithm.MD5, HashAlgorithm.SHA256)).build();

    assertThat(set.contains(md5("a"))).isTrue();
    assertThat(set.contains(sha256("a"))).isTrue();
    assertThat(set.contains(sha1("a"))).isFalse();
    assertThat(set.contains(sha256("b"))).isFalse();
  }

  @Test
  void emptySet_matchesNothing() {
    KnownFileSet set = builder().build();

    assertThat(set.isEmpty()).isTrue();
    assertThat(set.size()).isZero();
    assertThat(set.algorithms()).isEmpty();
    assertThat(set.match(digests("a", HashAlgorithm.SHA256))).isEmpty();
  }
}
