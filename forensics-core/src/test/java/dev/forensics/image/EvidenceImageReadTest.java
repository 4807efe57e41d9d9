package dev.forensics.image;

import static dev.forensics.image.ImageFixtures.numericSuffixes;
import static dev.forensics.image.ImageFixtures.randomBytes;
import static dev.forensics.image.ImageFixtures.splitByHand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positional and channel reads over a split raw set of five 1000-byte segments and a short last one. */
class EvidenceImageReadTest {

  @TempDir Path dir;

  private final byte[] data = randomBytes(5_321, 1);
  private List<Path> segments;
  private EvidenceImage image;

  @BeforeEach
  void openImage() throws Exception {
    segments = splitByHand(dir, "img.", numericSuffixes(1, 3, 6), data, 1000);
    image = EvidenceImages.open(segments.get(0));
  }

  @AfterEach
  void closeImage() throws Exception {
    image.close();
  }

  private byte[] read(long position, int length) throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    int n = image.read(buffer, position);
    assertThat(n).isEqualTo(length);
    return buffer.array();
  }

  @Test
  void read_spanningThreeSegments_returnsTheBytes() throws Exception {
    assertThat(read(990, 1020)).isEqualTo(Arrays.copyOfRange(data, 990, 2010));
  }

  @Test
  void read_everySegmentBoundary_returnsTheBytes() throws Exception {
    for (int boundary = 1000; boundary <= 5000; boundary += 1000) {
      for (int from = boundary - 2; from <= boundary; from++) {
        assertThat(read(from, 3)).as("read at %d", from).isEqualTo(Arrays.copyOfRange(data, from, from + 3));
      }
    }
  }

  @Test
  void read_intoBufferWithPositionAndLimit_fillsOnlyThatWindowAndRestoresLimit() throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(3000);
    buffer.position(100).limit(2600);
    assertThat(image.read(buffer, 500)).isEqualTo(2500);
    assertThat(buffer.position()).isEqualTo(2600);
    assertThat(buffer.limit()).isEqualTo(2600);
    assertThat(Arrays.copyOfRange(buffer.array(), 100, 2600)).isEqualTo(Arrays.copyOfRange(data, 500, 3000));
    assertThat(Arrays.copyOfRange(buffer.array(), 0, 100)).containsOnly(0);
  }

  @Test
  void read_directBuffer_returnsTheBytes() throws Exception {
    ByteBuffer buffer = ByteBuffer.allocateDirect(2500);
    assertThat(image.read(buffer, 1500)).isEqualTo(2500);
    byte[] got = new byte[2500];
    buffer.flip().get(got);
    assertThat(got).isEqualTo(Arrays.copyOfRange(data, 1500, 4000));
  }

  @Test
  void read_pastTheEnd_returnsWhatIsLeftThenMinusOne() throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(100);
    assertThat(image.read(buffer, 5_300)).isEqualTo(21);
    assertThat(image.read(buffer.clear(), 5_321)).isEqualTo(-1);
    assertThat(image.read(buffer.clear(), Long.MAX_VALUE)).isEqualTo(-1);
    assertThat(image.read(ByteBuffer.allocate(0), 10)).isZero();
  }

  @Test
  void read_badArguments_areRejected() {
    assertThatThrownBy(() -> image.read(ByteBuffer.allocate(1), -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> image.read(ByteBuffer.allocate(1).asReadOnlyBuffer(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void read_fromManyThreadsAtOnce_returnsTheBytes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        long seed = t;
        results.add(pool.submit(() -> {
          SplittableRandom random = new SplittableRandom(seed);
          int checked = 0;
          for (int i = 0; i < 2_000; i++) {
            int from = random.nextInt(data.length);
            int length = 1 + random.nextInt(Math.min(3000, data.length - from));
            ByteBuffer buffer = ByteBuffer.allocate(length);
            assertThat(image.read(buffer, from)).isEqualTo(length);
            assertThat(buffer.array()).isEqualTo(Arrays.copyOfRange(data, from, from + length));
            checked++;
          }
          return checked;
        }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isEqualTo(2_000);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void channel_readsSequentiallyAndSeeks() throws Exception {
    try (SeekableByteChannel channel = image.openChannel()) {
      assertThat(channel.size()).isEqualTo(data.length);
      ByteBuffer buffer = ByteBuffer.allocate(1500);
      assertThat(channel.read(buffer)).isEqualTo(1500);
      assertThat(channel.position()).isEqualTo(1500);
      channel.position(5_000);
      assertThat(channel.read(buffer.clear())).isEqualTo(321);
      assertThat(Arrays.copyOf(buffer.array(), 321)).isEqualTo(Arrays.copyOfRange(data, 5_000, 5_321));
      assertThat(channel.read(buffer.clear())).isEqualTo(-1);
      assertThat(channel.position()).isEqualTo(5_321);
      channel.position(10_000);
      assertThat(channel.read(buffer.clear())).isEqualTo(-1);
      assertThatThrownBy(() -> channel.position(-1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void channel_writeAndTruncate_areRefused() throws Exception {
    try (SeekableByteChannel channel = image.openChannel()) {
      assertThatThrownBy(() -> channel.write(ByteBuffer.wrap(new byte[] {1})))
          .isInstanceOf(NonWritableChannelException.class);
      assertThatThrownBy(() -> channel.truncate(0)).isInstanceOf(NonWritableChannelException.class);
      assertThat(channel.size()).isEqualTo(data.length);
    }
    assertThat(Files.readAllBytes(segments.get(0))).isEqualTo(Arrays.copyOf(data, 1000));
  }

  @Test
  void channel_close_leavesImageOpen() throws Exception {
    SeekableByteChannel channel = image.openChannel();
    channel.close();
    assertThat(channel.isOpen()).isFalse();
    assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(1))).isInstanceOf(ClosedChannelException.class);
    assertThat(read(0, 10)).isEqualTo(Arrays.copyOf(data, 10));
  }

  @Test
  void close_thenRead_throwsClosedChannel() throws Exception {
    SeekableByteChannel channel = image.openChannel();
    image.close();
    assertThatThrownBy(() -> image.read(ByteBuffer.allocate(1), 0)).isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(1))).isInstanceOf(ClosedChannelException.class);
    image.close(); // closing twice is harmless
  }

  @Test
  void read_segmentTruncatedAfterOpen_throwsNamingIt() throws Exception {
    Files.write(segments.get(1), new byte[500]);
    assertThatThrownBy(() -> image.read(ByteBuffer.allocate(2000), 0))
        .hasMessage(segments.get(1) + ": segment ended at byte 500, expected 1000 bytes"
            + " (was it changed after the image was opened?)");
  }
}
