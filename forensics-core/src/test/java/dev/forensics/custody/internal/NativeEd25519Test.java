package dev.forensics.custody.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeEd25519Test {

  private static final String L = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

  private static byte[] withS(String sHex) {
    byte[] sig = new byte[64];
    System.arraycopy(HexFormat.of().parseHex(sHex), 0, sig, 32, 32);
    return sig;
  }

  @Test
  void sMustBeBelowTheGroupOrder() {
    assertThat(NativeEd25519.canonicalS(withS("00".repeat(32)))).isTrue();
    assertThat(NativeEd25519.canonicalS(withS("ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")))
        .as("L - 1").isTrue();
    assertThat(NativeEd25519.canonicalS(withS(L))).as("L").isFalse();
    assertThat(NativeEd25519.canonicalS(withS("eed3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")))
        .as("L + 1").isFalse();
    assertThat(NativeEd25519.canonicalS(withS("00".repeat(31) + "80"))).as("2^255").isFalse();
    assertThat(NativeEd25519.canonicalS(withS("ff".repeat(16) + "00".repeat(15) + "0f"))).isTrue();
  }

  @Test
  void onlyLibsodium1018OrLaterIsUsed() {
    assertThat(NativeEd25519.atLeast("1.0.18", 1, 0, 18)).isTrue();
    assertThat(NativeEd25519.atLeast("1.0.20", 1, 0, 18)).isTrue();
    assertThat(NativeEd25519.atLeast("1.1", 1, 0, 18)).isTrue();
    assertThat(NativeEd25519.atLeast("1.0.17", 1, 0, 18)).isFalse();
    assertThat(NativeEd25519.atLeast("1.0", 1, 0, 18)).isFalse();
    assertThat(NativeEd25519.atLeast("0.9.9", 1, 0, 18)).isFalse();
    assertThat(NativeEd25519.atLeast("1.0.18-stable", 1, 0, 18)).isTrue();
    assertThat(NativeEd25519.atLeast("garbage", 1, 0, 18)).isFalse();
  }

  @Test
  void nothingIsAcceptedWithoutAFullSignatureAndKey() {
    assertThat(NativeEd25519.accepts(new byte[63], new byte[0], new byte[32])).isFalse();
    assertThat(NativeEd25519.accepts(new byte[64], new byte[0], new byte[31])).isFalse();
  }

  @Test
  void libsodiumIsLoadedByAnAbsolutePathOnly_neverFromTheCurrentFolder(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> NativeEd25519.locate("libsodium.dll", List.of()))
        .isInstanceOf(UnsatisfiedLinkError.class).hasMessageContaining("must be an absolute path");
    Path given = dir.resolve("custom/libsodium.so");
    assertThat(NativeEd25519.locate(given.toString(), List.of())).isEqualTo(given);
    // relative folders (as the current one) are never searched, even when they hold the file
    Files.writeString(dir.resolve("libsodium.so.23"), "not a library");
    String relative = Path.of("").toAbsolutePath().relativize(dir).toString();
    assertThat(Path.of(relative, "libsodium.so.23")).isRegularFile();
    assertThatThrownBy(() -> NativeEd25519.locate(null, List.of(relative, ".", "")))
        .isInstanceOf(UnsatisfiedLinkError.class).hasMessageContaining("forensics.libsodium");
    assertThat(NativeEd25519.locate(null, List.of(dir.resolve("none").toString(), dir.toString())))
        .isEqualTo(dir.resolve("libsodium.so.23"));
  }
}
