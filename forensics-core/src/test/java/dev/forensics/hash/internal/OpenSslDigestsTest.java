package dev.forensics.hash.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.HashResult;
import dev.forensics.hash.MultiHasher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSslDigestsTest {

  /** Debian's and Ubuntu's libcrypto 3, which CI has: there, OpenSSL must be in use, not silently skipped. */
  private static final Path DEBIAN_LIBCRYPTO = Path.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3");

  private static final List<HashAlgorithm> OPENSSL_ALGORITHMS =
      List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256, HashAlgorithm.SHA512, HashAlgorithm.SHA3_256);

  private static String jdkName(HashAlgorithm a) {
    return a == HashAlgorithm.SHA3_256 ? "SHA3-256" : a == HashAlgorithm.MD5 ? "MD5" : "SHA-" + a.id().substring(3);
  }

  @Test
  void theKnownAnswersAreTheJdksDigests() throws Exception {
    byte[][] inputs = OpenSslDigests.knownAnswerInputs();
    for (HashAlgorithm a : OPENSSL_ALGORITHMS) {
      String[] expected = OpenSslDigests.knownAnswers(a);
      assertThat(expected).hasSameSizeAs(inputs);
      for (int k = 0; k < inputs.length; k++) {
        assertThat(expected[k]).as("%s of input %d", a, k)
            .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance(jdkName(a)).digest(inputs[k])));
      }
    }
    assertThatThrownBy(() -> OpenSslDigests.knownAnswers(HashAlgorithm.BLAKE3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onDebianOpenSslComputesAllFiveAlgorithms() {
    assumeTrue(Files.isRegularFile(DEBIAN_LIBCRYPTO), "no " + DEBIAN_LIBCRYPTO + ": the JDK's digests are used here");
    assumeTrue(!"false".equals(System.getProperty(OpenSslDigests.PROPERTY)), "switched off");
    assertThat(OpenSslDigests.unavailableReason()).isEmpty();
    assertThat(OpenSslDigests.version()).hasValueSatisfying(v -> assertThat(v).startsWith("OpenSSL 3."));
    assertThat(OpenSslDigests.algorithms()).containsExactlyElementsOf(OPENSSL_ALGORITHMS);
    assertThat(MultiHasher.openSslAlgorithms()).containsExactlyElementsOf(OPENSSL_ALGORITHMS);
    assertThat(OpenSslDigests.supportsAll(HashAlgorithm.DEFAULTS)).isTrue();
    assertThat(OpenSslDigests.supportsAll(EnumSet.of(HashAlgorithm.SHA256, HashAlgorithm.BLAKE3))).isFalse();
  }

  @Test
  void streamsGiveTheJdksDigests_forAnyReadSizes_andAfterAFailedStream() throws Exception {
    assumeTrue(OpenSslDigests.version().isPresent(), "OpenSSL not used: " + OpenSslDigests.unavailableReason().orElse(""));
    Random random = new Random(42);
    MultiHasher all = MultiHasher.of(OPENSSL_ALGORITHMS).withParallelism(1);
    for (int size : new int[] {0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 131_071, 131_072, 131_073, 400_000}) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      HashResult reference = MultiHasher.of(OPENSSL_ALGORITHMS).hash(data); // the JDK's, by Lane
      for (int maxRead : new int[] {1, 7, 4096, Integer.MAX_VALUE}) {
        HashResult r = all.hash(new ShortReads(data, maxRead, random, -1), size, n -> {});
        assertThat(r.digests()).as("%d bytes read by at most %d", size, maxRead).isEqualTo(reference.digests());
        assertThat(r.size()).isEqualTo(size);
      }
      // a stream that fails half way leaves nothing behind for the thread's next stream
      assertThatThrownBy(() -> all.hash(new ShortReads(data, 4096, random, size / 2), size, n -> {}))
          .isInstanceOf(IOException.class);
      assertThat(all.hash(new ShortReads(data, 4096, random, -1), size, n -> {}).digests())
          .isEqualTo(reference.digests());
    }
  }

  @Test
  void aSessionInUseIsNeverHandedOutTwice() {
    assumeTrue(OpenSslDigests.version().isPresent(), "OpenSSL not used: " + OpenSslDigests.unavailableReason().orElse(""));
    OpenSslDigests.Session first;
    try (OpenSslDigests.Session outer = OpenSslDigests.session()) {
      first = outer;
      outer.start(List.of(HashAlgorithm.SHA256));
      outer.buffer().put(new byte[] {'a', 'b'});
      try (OpenSslDigests.Session inner = OpenSslDigests.session()) {
        assertThat(inner).isNotSameAs(outer);
        inner.start(List.of(HashAlgorithm.SHA256));
        inner.buffer().put(new byte[] {'x'});
        inner.update();
        assertThat(HexFormat.of().formatHex(inner.finish()[0]))
            .isEqualTo("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
      }
      outer.buffer().put(new byte[] {'c'});
      outer.update();
      assertThat(HexFormat.of().formatHex(outer.finish()[0]))
          .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
    try (OpenSslDigests.Session again = OpenSslDigests.session()) {
      assertThat(again).isSameAs(first);
    }
  }

  @Test
  void libcryptoIsLoadedByAnAbsolutePathOnly(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> OpenSslDigests.locate("libcrypto.so.3", List.of()))
        .isInstanceOf(UnsatisfiedLinkError.class).hasMessageContaining("forensics.libcrypto must be an absolute path");
    Files.writeString(dir.resolve("libcrypto.3.dylib"), "not a library");
    String relative = Path.of("").toAbsolutePath().relativize(dir).toString();
    assertThatThrownBy(() -> OpenSslDigests.locate(null, List.of(relative, ".")))
        .isInstanceOf(UnsatisfiedLinkError.class).hasMessageContaining("-Dforensics.libcrypto=ABSOLUTE-PATH");
    assertThat(OpenSslDigests.locate(null, List.of(dir.resolve("none").toString(), dir.toString())))
        .isEqualTo(dir.resolve("libcrypto.3.dylib"));
  }

  /** A channel over bytes that returns 1 to {@code maxRead} bytes per read, and fails at {@code failAt} (-1: never). */
  private static final class ShortReads implements ReadableByteChannel {
    private final byte[] data;
    private final int maxRead;
    private final Random random;
    private final int failAt;
    private int position;

    ShortReads(byte[] data, int maxRead, Random random, int failAt) {
      this.data = data;
      this.maxRead = maxRead;
      this.random = random;
      this.failAt = failAt;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      if (failAt >= 0 && position >= failAt) {
        throw new IOException("read error at byte " + position);
      }
      if (position == data.length) {
        return -1;
      }
      int n = Math.min(Math.min(dst.remaining(), data.length - position), 1 + random.nextInt(Math.min(maxRead, 1 << 20)));
      dst.put(data, position, n);
      position += n;
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
