package dev.forensics.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DigestTest {

  @Test
  void ofHex_acceptsUpperCase_andPrintsLowerCase() {
    Digest d = Digest.ofHex(HashAlgorithm.MD5, "D41D8CD98F00B204E9800998ECF8427E");
    assertThat(d.hex()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(d).isEqualTo(Digest.ofHex(HashAlgorithm.MD5, "d41d8cd98f00b204e9800998ecf8427e"));
  }

  @Test
  void ofHex_wrongLength_throwsNamingTheLength() {
    assertThatThrownBy(() -> Digest.ofHex(HashAlgorithm.SHA1, "abcd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sha1 digest must be 40 hex digits, got 4");
  }

  @Test
  void ofHex_notHex_throwsNamingThePosition() {
    assertThatThrownBy(() -> Digest.ofHex(HashAlgorithm.MD5, "d41d8cd98f00b204e9800998ecf8427g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a hex digit at position 32 of md5 digest: 'g'");
  }

  @Test
  void value_isCopiedInAndOut() {
    byte[] raw = new byte[16];
    Digest d = new Digest(HashAlgorithm.MD5, raw);
    raw[0] = 1;
    d.value()[1] = 1;
    assertThat(d.value()).containsOnly(0);
  }

  @Test
  void algorithmNames_areCaseInsensitive_withCommonSpellings() {
    assertThat(HashAlgorithm.fromName("SHA-256")).isEqualTo(HashAlgorithm.SHA256);
    assertThat(HashAlgorithm.fromName("sha3_256")).isEqualTo(HashAlgorithm.SHA3_256);
    assertThat(HashAlgorithm.fromName("Blake3")).isEqualTo(HashAlgorithm.BLAKE3);
    assertThat(HashAlgorithm.parseList("sha256,MD5,md5")).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA256);
    assertThatThrownBy(() -> HashAlgorithm.fromName("crc32"))
        .hasMessage("unknown hash algorithm 'crc32' (known: md5, sha1, sha256, sha512, sha3-256, blake3)");
  }

  @Test
  void digestSet_compare_usesOnlySharedAlgorithms() {
    Digest md5 = Digest.ofHex(HashAlgorithm.MD5, "d41d8cd98f00b204e9800998ecf8427e");
    Digest otherMd5 = Digest.ofHex(HashAlgorithm.MD5, "00000000000000000000000000000000");
    Digest sha1 = Digest.ofHex(HashAlgorithm.SHA1, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    assertThat(DigestSet.of(md5, sha1).compare(DigestSet.of(md5))).isEqualTo(DigestSet.Comparison.SAME);
    assertThat(DigestSet.of(md5, sha1).compare(DigestSet.of(otherMd5, sha1))).isEqualTo(DigestSet.Comparison.DIFFERENT);
    assertThat(DigestSet.of(md5).compare(DigestSet.of(sha1))).isEqualTo(DigestSet.Comparison.INCOMPARABLE);
    assertThat(DigestSet.of(md5, sha1).strongestCommon(DigestSet.of(sha1, md5))).contains(HashAlgorithm.SHA1);
  }
}
