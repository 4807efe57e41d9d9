package dev.forensics.knownfiles;

import static dev.forensics.knownfiles.Fixtures.digests;
import static dev.forensics.knownfiles.Fixtures.md5;
import static dev.forensics.knownfiles.Fixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnownFileLibraryTest {

  private static final HashAlgorithm[] NSRL = {HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256};

  private final KnownFileSet nsrl =
      KnownFileSet.builder("NSRL", HashSetKind.KNOWN, HashSetFormat.IN_MEMORY)
          .add(digests("putty", NSRL))
          .add(digests("notepad", NSRL))
          .build();
  private final KnownFileSet tools =
      KnownFileSet.builder("tools", HashSetKind.NOTABLE, HashSetFormat.IN_MEMORY)
          .add(DigestSet.of(sha256("putty")), "putty.exe")
          .add(DigestSet.of(sha256("mimikatz")), "mimikatz.exe")
          .build();
  private final KnownFileLibrary library = KnownFileLibrary.of(nsrl, tools);

  @Test
  void lookup_inKnownAndNotable_notableWinsAndIsListedFirst() {
    KnownFileLookup result = library.lookup(digests("putty", NSRL));

    assertThat(result.status()).isEqualTo(KnownFileStatus.NOTABLE);
    assertThat(result.matches())
        .containsExactly(
            new KnownFileMatch("tools", HashSetKind.NOTABLE, HashAlgorithm.SHA256, Optional.of("putty.exe")),
            new KnownFileMatch("NSRL", HashSetKind.KNOWN, HashAlgorithm.SHA256, Optional.empty()));
    assertThat(result.incomparableSets()).isEmpty();
  }

  @Test
  void lookup_onlyKnown_known() {
    KnownFileLookup result = library.lookup(digests("notepad", NSRL));

    assertThat(result.status()).isEqualTo(KnownFileStatus.KNOWN);
    assertThat(result.matches()).extracting(KnownFileMatch::setName).containsExactly("NSRL");
  }

  @Test
  void lookup_onlyNotable_notable() {
    assertThat(library.status(digests("mimikatz", HashAlgorithm.SHA256))).isEqualTo(KnownFileStatus.NOTABLE);
  }

  @Test
  void lookup_inNoSet_unknown() {
    KnownFileLookup result = library.lookup(digests("evidence", NSRL));

    assertThat(result.status()).isEqualTo(KnownFileStatus.UNKNOWN);
    assertThat(result.matched()).isFalse();
  }

  @Test
  void lookup_md5OnlyFileAgainstSha256OnlySet_incomparableIsNotAMatch() {
    KnownFileLookup result = library.lookup(DigestSet.of(md5("mimikatz")));

    assertThat(result.status()).isEqualTo(KnownFileStatus.UNKNOWN);
    assertThat(result.matches()).isEmpty();
    assertThat(result.incomparableSets()).containsExactly("tools");
  }

  @Test
  void lookup_md5OnlyFile_stillMatchedByNsrlOnMd5() {
    KnownFileLookup result = library.lookup(DigestSet.of(md5("putty")));

    assertThat(result.status()).isEqualTo(KnownFileStatus.KNOWN);
    assertThat(result.matches())
        .containsExactly(new KnownFileMatch("NSRL", HashSetKind.KNOWN, HashAlgorithm.MD5, Optional.empty()));
    assertThat(result.incomparableSets()).containsExactly("tools");
  }

  @Test
  void lookup_md5AgreesButSha256Differs_notAMatch() {
    // a colliding md5 must not make a file known when the stronger sha256 says otherwise
    KnownFileLookup result = library.lookup(DigestSet.of(md5("notepad"), sha256("trojan")));

    assertThat(result.status()).isEqualTo(KnownFileStatus.UNKNOWN);
  }

  @Test
  void lookup_emptySet_neitherMatchedNorIncomparable() {
    KnownFileSet empty = KnownFileSet.builder("empty", HashSetKind.NOTABLE, HashSetFormat.IN_MEMORY).build();

    KnownFileLookup result = library.with(empty).lookup(DigestSet.of(md5("putty")));

    assertThat(result.incomparableSets()).containsExactly("tools");
  }

  @Test
  void of_duplicateNames_rejected() {
    assertThatThrownBy(() -> KnownFileLibrary.of(nsrl, nsrl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two hash sets are named 'NSRL'");
    assertThatThrownBy(() -> library.with(tools)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void empty_everythingUnknown() {
    assertThat(KnownFileLibrary.empty().lookup(digests("putty", NSRL)).status())
        .isEqualTo(KnownFileStatus.UNKNOWN);
    assertThat(library.sets()).containsExactly(nsrl, tools);
    assertThat(library.set("tools")).contains(tools);
  }

  @Test
  void lookupRecord_inconsistentStatus_rejected() {
    assertThatThrownBy(() -> new KnownFileLookup(KnownFileStatus.KNOWN, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
