package dev.forensics.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiHasherTest {

  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  @Test
  void hash_abc_matchesPublishedTestVectors() {
    HashResult r = MultiHasher.of(List.of(HashAlgorithm.values())).hash(ABC);
    assertThat(hex(r, HashAlgorithm.MD5)).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThat(hex(r, HashAlgorithm.SHA1)).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    assertThat(hex(r, HashAlgorithm.SHA256))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(hex(r, HashAlgorithm.SHA512))
        .isEqualTo(
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    assertThat(hex(r, HashAlgorithm.SHA3_256))
        .isEqualTo("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
    assertThat(hex(r, HashAlgorithm.BLAKE3))
        .isEqualTo("6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85");
    assertThat(r.size()).isEqualTo(3);
  }

  @Test
  void hash_empty_matchesPublishedTestVectors() {
    HashResult r = MultiHasher.of(List.of(HashAlgorithm.values())).hash(new byte[0]);
    assertThat(hex(r, HashAlgorithm.MD5)).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(hex(r, HashAlgorithm.SHA256))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(hex(r, HashAlgorithm.BLAKE3))
        .isEqualTo("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
    assertThat(r.pieces()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4095, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, (4 << 20) + 7, (9 << 20) + 3})
  void pipelinedAndSequential_giveTheJdkDigests(int size) throws Exception {
    byte[] data = random(size, size);
    MultiHasher all = MultiHasher.of(EnumSet.of(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256, HashAlgorithm.SHA512));
    AtomicLong reported = new AtomicLong();
    HashResult pipelined =
        all.withParallelism(2).hash(Channels.newChannel(new ByteArrayInputStream(data)), -1, reported::addAndGet);
    HashResult sequential = all.withParallelism(1).hash(new ByteArrayInputStream(data));
    assertThat(pipelined.digests()).isEqualTo(sequential.digests());
    assertThat(pipelined.size()).isEqualTo(size);
    assertThat(reported.get()).isEqualTo(size);
    assertThat(hex(pipelined, HashAlgorithm.SHA256)).isEqualTo(jdk("SHA-256", data, 0, size));
    assertThat(hex(sequential, HashAlgorithm.MD5)).isEqualTo(jdk("MD5", data, 0, size));
  }

  @Test
  void pipelined_allSixAlgorithms_onTwoWorkers_giveTheSequentialDigests() throws Exception {
    byte[] data = random((13 << 20) + 5, 99);
    MultiHasher all = MultiHasher.of(List.of(HashAlgorithm.values())).withPieceSize(3 << 20);
    HashResult pipelined = all.withParallelism(2).hash(Channels.newChannel(new ByteArrayInputStream(data)), data.length, n -> {});
    HashResult sequential = all.withParallelism(1).hash(data);
    assertThat(pipelined).isEqualTo(sequential);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void pieces_areTheDigestsOfEachSlice(int parallelism) throws Exception {
    int pieceSize = 1000;
    byte[] data = random(5 * (1 << 20) + 2345, 7);
    HashResult r =
        MultiHasher.of(HashAlgorithm.MD5, HashAlgorithm.SHA256)
            .withPieceSize(pieceSize)
            .withParallelism(parallelism)
            .hash(Channels.newChannel(new ByteArrayInputStream(data)), data.length, n -> {});
    assertThat(r.pieces()).hasSize((data.length + pieceSize - 1) / pieceSize);
    for (Piece p : r.pieces()) {
      assertThat(p.offset() % pieceSize).isZero();
      assertThat(p.digests().get(HashAlgorithm.SHA256).orElseThrow().hex())
          .isEqualTo(jdk("SHA-256", data, (int) p.offset(), (int) p.length()));
      assertThat(p.digests().get(HashAlgorithm.MD5).orElseThrow().hex())
          .isEqualTo(jdk("MD5", data, (int) p.offset(), (int) p.length()));
    }
    Piece last = r.pieces().get(r.pieces().size() - 1);
    assertThat(last.length()).isEqualTo(data.length % pieceSize);
    assertThat(last.lastByte()).isEqualTo(data.length - 1);
  }

  @Test
  void pieces_exactMultiple_hasNoEmptyTrailingPiece() {
    HashResult r = MultiHasher.of(HashAlgorithm.SHA1).withPieceSize(4).hash(new byte[12]);
    assertThat(r.pieces()).extracting(Piece::offset).containsExactly(0L, 4L, 8L);
    assertThat(r.pieces()).extracting(Piece::length).containsExactly(4L, 4L, 4L);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void segments_areTheDigestsOfEachSegment_besidePiecesAndTotal_fromOneRead(int parallelism) throws Exception {
    byte[] data = random((5 << 20) + 777, 11);
    List<Long> lengths = List.of(2_000_000L, 0L, 2_000_000L, (long) data.length - 4_000_000L);
    AtomicLong read = new AtomicLong();
    HashResult r =
        MultiHasher.of(HashAlgorithm.MD5, HashAlgorithm.SHA256)
            .withPieceSize(1 << 20)
            .withSegments(lengths)
            .withParallelism(parallelism)
            .hash(Channels.newChannel(new ByteArrayInputStream(data)), data.length, read::addAndGet);
    assertThat(read.get()).as("every byte read once").isEqualTo(data.length);
    assertThat(hex(r, HashAlgorithm.MD5)).isEqualTo(jdk("MD5", data, 0, data.length));
    assertThat(r.pieces()).hasSize(6);
    assertThat(r.segments()).extracting(Piece::offset).containsExactly(0L, 2_000_000L, 2_000_000L, 4_000_000L);
    assertThat(r.segments()).extracting(Piece::length).containsExactlyElementsOf(lengths);
    for (Piece s : r.segments()) {
      assertThat(s.digests().get(HashAlgorithm.SHA256).orElseThrow().hex())
          .isEqualTo(jdk("SHA-256", data, (int) s.offset(), (int) s.length()));
      assertThat(s.digests().get(HashAlgorithm.MD5).orElseThrow().hex())
          .isEqualTo(jdk("MD5", data, (int) s.offset(), (int) s.length()));
    }
  }

  @Test
  void segments_ofAnEmptyStream_giveTheEmptyDigest() {
    HashResult r = MultiHasher.of(HashAlgorithm.MD5).withSegments(List.of(0L)).hash(new byte[0]);
    assertThat(r.segments()).singleElement().satisfies(s ->
        assertThat(s.digests().get(HashAlgorithm.MD5).orElseThrow().hex()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e"));
    assertThat(r.pieces()).isEmpty();
  }

  @Test
  void segments_thatDoNotAddUpToTheStream_throw() {
    MultiHasher h = MultiHasher.of(HashAlgorithm.MD5).withSegments(List.of(4L, 4L));
    assertThatThrownBy(() -> h.hash(new byte[7])).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream ended at byte 7, inside segment 1 of 2");
    assertThatThrownBy(() -> h.hash(new byte[9])).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("longer than the 2 segments");
    assertThatThrownBy(() -> MultiHasher.of(HashAlgorithm.MD5).withSegments(List.of(-1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_noAlgorithm_throws() {
    assertThatThrownBy(() -> MultiHasher.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  private static String hex(HashResult r, HashAlgorithm a) {
    return r.digests().get(a).orElseThrow().hex();
  }

  private static String jdk(String alg, byte[] data, int off, int len) throws Exception {
    MessageDigest md = MessageDigest.getInstance(alg);
    md.update(data, off, len);
    return HexFormat.of().formatHex(md.digest());
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    // long runs of one value too, as in disk images
    Arrays.fill(b, size / 3, size / 2, (byte) 0);
    return b;
  }
}
