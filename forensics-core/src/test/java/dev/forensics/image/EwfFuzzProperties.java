package dev.forensics.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.EwfSections.Section;
import dev.forensics.image.ImageFixtures.ToolResult;
import dev.forensics.image.internal.EwfLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the EWF reader over mutated copies of small two-segment EWF sets written by the real {@code
 * ewfacquire} (EnCase 6 compressed and uncompressed, SMART compressed; made once per run in a temporary
 * directory; every mutated copy is read as {@code img.E01}, {@code img.E02}): byte flips, header
 * fields overwritten with extreme values (with and without their Adler-32 made valid again), truncation,
 * inserted and deleted bytes.
 *
 * <p>The contract checked for every mutated image, each call under a timeout (so a loop would fail the
 * property rather than hang the build):
 *
 * <ul>
 *   <li>{@link EwfImage#open} either succeeds or throws {@link ImageFormatException}: nothing else (no
 *       runtime exception, no {@link OutOfMemoryError} from a size taken from the file);
 *   <li>on an opened image, {@link ImageVerifier#verify} throws nothing: damaged chunks are listed in the
 *       result; {@link EvidenceImage#read} throws only {@link CorruptChunkException};
 *   <li>verification never passes unless the media read is exactly the acquired source;
 *   <li>a flip inside chunk data (structure intact) opens, and is reported as that chunk's damage;
 *   <li>one open, verify and read allocates less than {@link #ALLOCATION_LIMIT} on its thread (measured
 *       with {@code ThreadMXBean}), so no buffer is sized from a damaged field.
 * </ul>
 */
class EwfFuzzProperties {

  /** Upper bound for one open, verify and read: generous for a 2-core machine, far below a hang. */
  private static final long TIMEOUT_SECONDS = 20;
  /**
   * Upper bound on the bytes one open, verify and read of a mutated set (2.4 MB of files) may allocate on
   * the calling thread. An undamaged set needs a few MiB; a buffer sized from a damaged field (a count or
   * size up to 2^32 or 2^63) would be far above it. 16 MiB header sections unpack within it.
   */
  private static final long ALLOCATION_LIMIT = 64L << 20;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
  private static long mostAllocated;

  private static Path fixtures;
  private static Path work;
  private static ExecutorService worker;
  private static byte[] source;
  private static String sourceMd5;
  /** Per set ("c" compressed, "u" uncompressed): the bytes of its two segment files. */
  private static Map<String, byte[][]> sets;
  /** Per set: chunk index to {segment, offset, stored size}. */
  private static Map<String, long[][]> chunks;

  @BeforeContainer
  static void acquire() throws Exception {
    ImageFixtures.requireTool("ewfacquire");
    fixtures = Files.createTempDirectory("ewf-fuzz");
    work = Files.createTempDirectory("ewf-fuzz-work");
    worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "ewf-fuzz");
      t.setDaemon(true);
      return t;
    });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[64 * 1024]);
    byte[] text = "Exhibit 12: ledger, page 4. ".getBytes(StandardCharsets.US_ASCII);
    for (int written = 0; written < 64 * 1024; written += text.length) {
      out.write(text, 0, Math.min(text.length, 64 * 1024 - written));
    }
    out.writeBytes(ImageFixtures.randomBytes(1100 * 1024 + 300, 77)); // a partial last sector too
    source = out.toByteArray();
    sourceMd5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(source));
    Files.write(fixtures.resolve("source.raw"), source);
    sets = new java.util.HashMap<>();
    chunks = new java.util.HashMap<>();
    for (String[] kind : new String[][] {{"c", "encase6", "fast", "E"}, {"u", "encase6", "none", "E"},
        {"s", "smart", "fast", "s"}}) {
      ToolResult r = ImageFixtures.exec(fixtures, Map.of(), "ewfacquire", "-u", "-t", kind[0], "-f", kind[1],
          "-c", kind[2], "-S", "1MiB", "source.raw"); // MD5 only: less to hash per try
      assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
      assertThat(fixtures.resolve(kind[0] + "." + kind[3] + "03")).doesNotExist();
      Path first = fixtures.resolve(kind[0] + "." + kind[3] + "01");
      sets.put(kind[0], new byte[][] {Files.readAllBytes(first),
          Files.readAllBytes(fixtures.resolve(kind[0] + "." + kind[3] + "02"))});
      EwfLayout layout = EwfLayout.read(first);
      try {
        long[][] c = new long[(int) layout.geometry().chunkCount()][];
        for (int i = 0; i < c.length; i++) {
          c[i] = new long[] {layout.chunkSegment(i), layout.chunkOffset(i), layout.chunkStoredSize(i)};
        }
        chunks.put(kind[0], c);
      } finally {
        for (FileChannel ch : layout.channels()) {
          ch.close();
        }
      }
    }
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    System.out.println("EwfFuzzProperties: most bytes allocated by one call: " + mostAllocated);
    if (worker != null) {
      worker.shutdownNow();
    }
    for (Path dir : new Path[] {fixtures, work}) {
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  // ---------------------------------------------------------------- mutations

  /** A change to the bytes of one segment file; {@code toString} says what, for a failing example. */
  interface Mutation {
    /** 0 for the first segment file, 1 for the second. */
    int segment();

    byte[] apply(byte[] bytes);
  }

  /** XORs one byte anywhere in the file. */
  record Flip(int segment, double where, int mask) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      if (bytes.length == 0) {
        return bytes;
      }
      bytes[(int) (where * bytes.length)] ^= (byte) mask;
      return bytes;
    }
  }

  /** Cuts the file at a point. */
  record Truncate(int segment, double where) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      return Arrays.copyOf(bytes, (int) (where * bytes.length));
    }
  }

  /** Inserts bytes at a point (shifting everything after it). */
  record Insert(int segment, double where, byte[] inserted) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      int at = (int) (where * bytes.length);
      byte[] out = new byte[bytes.length + inserted.length];
      System.arraycopy(bytes, 0, out, 0, at);
      System.arraycopy(inserted, 0, out, at, inserted.length);
      System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
      return out;
    }

    @Override
    public String toString() {
      return "Insert[segment=" + segment + ", where=" + where + ", bytes=" + HexFormat.of().formatHex(inserted) + "]";
    }
  }

  /** Deletes bytes at a point. */
  record Delete(int segment, double where, int length) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      int at = (int) (where * bytes.length);
      int n = Math.min(length, bytes.length - at);
      byte[] out = new byte[bytes.length - n];
      System.arraycopy(bytes, 0, out, 0, at);
      System.arraycopy(bytes, at + n, out, at, bytes.length - at - n);
      return out;
    }
  }

  /** A header field of the EWF structure. */
  enum Field {
    SEGMENT_NUMBER, DESCRIPTOR_TYPE, DESCRIPTOR_NEXT, DESCRIPTOR_SIZE, VOLUME_CHUNKS, VOLUME_SECTORS_PER_CHUNK,
    VOLUME_BYTES_PER_SECTOR, VOLUME_SECTORS, VOLUME_COMPRESSION, TABLE_COUNT, TABLE_BASE, TABLE_ENTRY,
    TABLE_ENTRY_COMPRESSED_FLAG, HASH_MD5
  }

  /** A value to write into a field: a fixed extreme, or one relative to where the field is. */
  enum Extreme {
    ZERO, ONE, MINUS_ONE, MAX_INT, MIN_INT, MAX_LONG, ITSELF, BACKWARDS, FILE_SIZE, PAST_END, PLUS_ONE, MINUS_ONE_FROM,
    TIMES_1024
  }

  private static final List<String> TYPES =
      List.of("", "table", "table2", "next", "done", "volume", "disk", "data", "sectors", "hash", "digest",
          "header", "header2", "xhash", "tabl\u00e9");

  /**
   * Overwrites a header field of the {@code nth} section of its kind with an extreme value; with {@code
   * fixChecksum} the Adler-32 that covers the field is made valid again, so that the value reaches the
   * parser's sanity checks instead of being stopped by the checksum.
   */
  record FieldOverwrite(int segment, Field field, int nth, Extreme value, int typeIndex, boolean fixChecksum)
      implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      EwfSections map = EwfSections.of(bytes);
      ByteBuffer b = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      switch (field) {
        case SEGMENT_NUMBER -> b.putShort(9, (short) value(b.getShort(9) & 0xffff, 9, bytes.length));
        case DESCRIPTOR_TYPE, DESCRIPTOR_NEXT, DESCRIPTOR_SIZE -> {
          if (map.sections().isEmpty()) {
            return bytes;
          }
          Section s = map.sections().get(nth % map.sections().size());
          if (field == Field.DESCRIPTOR_TYPE) {
            byte[] name = Arrays.copyOf(TYPES.get(typeIndex % TYPES.size()).getBytes(StandardCharsets.ISO_8859_1), 16);
            System.arraycopy(name, 0, bytes, s.offset(), 16);
          } else {
            int at = s.offset() + (field == Field.DESCRIPTOR_NEXT ? 16 : 24);
            b.putLong(at, value(b.getLong(at), s.offset(), bytes.length));
          }
          if (fixChecksum) {
            EwfSections.fixDescriptor(bytes, s.offset());
          }
        }
        case VOLUME_CHUNKS, VOLUME_SECTORS_PER_CHUNK, VOLUME_BYTES_PER_SECTOR, VOLUME_SECTORS, VOLUME_COMPRESSION -> {
          List<Section> volumes = Stream.of("volume", "disk", "data").flatMap(t -> map.all(t).stream()).toList();
          if (volumes.isEmpty()) {
            return bytes;
          }
          int d = volumes.get(0).data();
          if (d + 1052 > bytes.length) {
            return bytes;
          }
          switch (field) {
            case VOLUME_CHUNKS -> b.putInt(d + 4, (int) value(b.getInt(d + 4), d, bytes.length));
            case VOLUME_SECTORS_PER_CHUNK -> b.putInt(d + 8, (int) value(b.getInt(d + 8), d, bytes.length));
            case VOLUME_BYTES_PER_SECTOR -> b.putInt(d + 12, (int) value(b.getInt(d + 12), d, bytes.length));
            case VOLUME_SECTORS -> b.putLong(d + 16, value(b.getLong(d + 16), d, bytes.length));
            default -> bytes[d + 52] = (byte) value(bytes[d + 52], d, bytes.length);
          }
          if (fixChecksum) {
            EwfSections.fixAdler(bytes, d, 1048);
          }
        }
        case TABLE_COUNT, TABLE_BASE, TABLE_ENTRY, TABLE_ENTRY_COMPRESSED_FLAG -> {
          List<Section> tables = Stream.of("table", "table2").flatMap(t -> map.all(t).stream()).toList();
          if (tables.isEmpty()) {
            return bytes;
          }
          Section t = tables.get(nth % tables.size());
          int d = t.data();
          if (d + 24 > bytes.length) {
            return bytes;
          }
          int count = b.getInt(d);
          if (count <= 0 || d + 28 + 4L * count > bytes.length) {
            return bytes; // an earlier mutation broke this table already
          }
          if (field == Field.TABLE_COUNT) {
            b.putInt(d, (int) value(count, d, bytes.length));
          } else if (field == Field.TABLE_BASE) {
            b.putLong(d + 8, value(b.getLong(d + 8), d, bytes.length));
          } else {
            int at = d + 24 + 4 * (nth % count);
            int entry = b.getInt(at);
            b.putInt(at, field == Field.TABLE_ENTRY_COMPRESSED_FLAG ? entry ^ 0x80000000
                : (int) value(entry & 0x7fffffff, at, bytes.length) | (entry & 0x80000000));
          }
          if (fixChecksum) {
            EwfSections.fixAdler(bytes, d, 20);
            EwfSections.fixAdler(bytes, d + 24, 4 * count);
          }
        }
        case HASH_MD5 -> {
          List<Section> hashes = Stream.of("hash", "digest").flatMap(t -> map.all(t).stream()).toList();
          if (hashes.isEmpty()) {
            return bytes;
          }
          Section h = hashes.get(nth % hashes.size());
          if (h.data() + 80 > bytes.length) {
            return bytes;
          }
          b.putLong(h.data(), value(b.getLong(h.data()), h.data(), bytes.length));
          if (fixChecksum) {
            EwfSections.fixAdler(bytes, h.data(), h.type().equals("hash") ? 32 : 76);
          }
        }
        default -> throw new AssertionError(field);
      }
      return bytes;
    }

    private long value(long original, long at, long fileSize) {
      return switch (value) {
        case ZERO -> 0;
        case ONE -> 1;
        case MINUS_ONE -> -1;
        case MAX_INT -> Integer.MAX_VALUE;
        case MIN_INT -> Integer.MIN_VALUE;
        case MAX_LONG -> Long.MAX_VALUE;
        case ITSELF -> at;
        case BACKWARDS -> Math.max(0, at - 1 - nth * 97L);
        case FILE_SIZE -> fileSize;
        case PAST_END -> fileSize + 1 + nth;
        case PLUS_ONE -> original + 1;
        case MINUS_ONE_FROM -> original - 1;
        case TIMES_1024 -> original * 1024;
      };
    }
  }

  @Provide
  Arbitrary<FieldOverwrite> fieldOverwrites() {
    return Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.of(Field.class),
            Arbitraries.integers().between(0, 40), Arbitraries.of(Extreme.class),
            Arbitraries.integers().between(0, TYPES.size() - 1), Arbitraries.of(true, true, true, false))
        .as(FieldOverwrite::new);
  }

  @Provide
  Arbitrary<Mutation> rawMutations() {
    Arbitrary<Integer> segment = Arbitraries.integers().between(0, 1);
    Arbitrary<Double> where = Arbitraries.doubles().between(0, 1).ofScale(6).filter(d -> d < 1);
    Arbitrary<Double> nearStructure = Arbitraries.oneOf(where, Arbitraries.doubles().between(0, 0.002).ofScale(6),
        Arbitraries.doubles().between(0.997, 0.999999).ofScale(6));
    return Arbitraries.oneOf(
        Combinators.combine(segment, nearStructure, Arbitraries.integers().between(1, 255)).as(Flip::new),
        Combinators.combine(segment, nearStructure).as(Truncate::new),
        Combinators.combine(segment, nearStructure, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(80))
            .as(Insert::new),
        Combinators.combine(segment, nearStructure, Arbitraries.integers().between(1, 200)).as(Delete::new));
  }

  // ---------------------------------------------------------------- properties

  @Property(tries = 800)
  void headerFieldsOverwritten_onlyTypedErrors_andEveryCallEnds(
      @ForAll("sets") String set, @ForAll @Size(min = 1, max = 3) List<@From("fieldOverwrites") FieldOverwrite> mutations)
      throws Exception {
    exercise(set, mutations);
  }

  @Property(tries = 500)
  void bytesFlippedTruncatedInsertedDeleted_onlyTypedErrors_andEveryCallEnds(
      @ForAll("sets") String set, @ForAll @Size(min = 1, max = 3) List<@From("rawMutations") Mutation> mutations)
      throws Exception {
    exercise(set, mutations);
  }

  @Property(tries = 150)
  void byteFlippedInChunkData_isReportedAsThatChunk_notThrown(
      @ForAll("sets") String set, @ForAll("fractions") double which, @ForAll("fractions") double where,
      @ForAll("masks") int mask) throws Exception {
    long[][] c = chunks.get(set);
    int chunk = (int) (which * c.length);
    int segment = (int) c[chunk][0];
    int at = (int) (c[chunk][1] + (long) (where * c[chunk][2]));
    byte[][] files = copies(set);
    files[segment][at] ^= (byte) mask;
    Outcome o = run(files);
    assertThat(o.refused()).as("the structure is intact: %s", o).isNull();
    if (!o.mediaMatches()) {
      assertThat(o.damaged()).as("a changed chunk must be reported").containsExactly((long) chunk);
    } else {
      assertThat(o.damaged()).isEmpty(); // the flip hit bits zlib ignores: the media is the source
    }
  }

  @Provide
  Arbitrary<String> sets() {
    return Arbitraries.of("c", "u", "s");
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1).ofScale(6).filter(d -> d < 1);
  }

  @Provide
  Arbitrary<Integer> masks() {
    return Arbitraries.integers().between(1, 255);
  }

  // ---------------------------------------------------------------- regression examples

  /** A volume section (checksum made valid) claiming 2^40 sectors must be refused at once. */
  @Example
  void volumeClaiming2pow40Sectors_isRefusedFast() throws Exception {
    for (String set : List.of("c", "u")) {
      byte[][] files = copies(set);
      Section v = EwfSections.of(files[0]).first("volume");
      EwfSections.putLong(files[0], v.data() + 16, 1L << 40);
      EwfSections.fixAdler(files[0], v.data(), 1048);
      assertThat(run(files).refused()).contains("impossible geometry");
    }
  }

  /**
   * A volume section claiming more chunks than its sectors need: before the fix the media size stayed
   * small while chunk indexes ran past it, and reading asked for a negative-sized chunk.
   */
  @Example
  void volumeClaimingHugeChunks_isRefused() throws Exception {
    byte[][] files = copies("u");
    Section v = EwfSections.of(files[0]).first("volume");
    EwfSections.putInt(files[0], v.data() + 8, 1 << 17); // 131072 sectors per chunk: 64 MiB chunks
    EwfSections.fixAdler(files[0], v.data(), 1048);
    assertThat(run(files).refused()).contains("impossible geometry");
  }

  /** A table base offset near Long.MAX_VALUE used to overflow into the compressed flag. */
  @Example
  void tableBaseOffsetPastTheFile_isReportedNotMisread() throws Exception {
    byte[][] files = copies("u");
    EwfSections map = EwfSections.of(files[1]);
    for (String type : List.of("table", "table2")) {
      Section t = map.first(type);
      EwfSections.putLong(files[1], t.data() + 8, Long.MAX_VALUE - 10);
      EwfSections.fixAdler(files[1], t.data(), 20);
    }
    assertThat(run(files).refused()).contains("has base offset " + (Long.MAX_VALUE - 10) + ", outside the file");
  }

  /**
   * A volume section claiming far more media than the files can hold, consistently with its chunk count
   * (64 MiB chunks): verifying it would hash gigabytes of zeros for damaged chunks. Refused at open.
   */
  @Example
  void volumeClaimingMoreMediaThanTheFilesCanHold_isRefused() throws Exception {
    byte[][] files = copies("u");
    Section v = EwfSections.of(files[0]).first("volume");
    ByteBuffer b = ByteBuffer.wrap(files[0]).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long chunkCount = Integer.toUnsignedLong(b.getInt(v.data() + 4));
    EwfSections.putInt(files[0], v.data() + 8, 1 << 17); // 131072 sectors of 512 bytes: 64 MiB chunks
    EwfSections.putLong(files[0], v.data() + 16, chunkCount << 17); // every chunk full
    EwfSections.fixAdler(files[0], v.data(), 1048);
    assertThat(run(files).refused()).contains("bytes of media, more than 2 segment files of")
        .contains("(1032:1)");
  }

  /**
   * A header section that unpacks to more than the 16 MiB limit (a zlib bomb: 17 MiB of zeros in about
   * 17 KiB), added at the end of the last segment: refused when the limit is reached, not unpacked whole.
   */
  @Example
  void headerSectionUnpackingPastTheLimit_isRefused() throws Exception {
    byte[][] files = copies("c");
    Section done = EwfSections.of(files[1]).first("done");
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
    deflater.setInput(new byte[17 << 20]);
    deflater.finish();
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    while (!deflater.finished()) {
      bomb.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    int at = done.offset();
    int length = bomb.size();
    byte[] out = new byte[at + 76 + length + 76];
    System.arraycopy(files[1], 0, out, 0, at);
    byte[] header = Arrays.copyOf("header".getBytes(StandardCharsets.US_ASCII), 16);
    System.arraycopy(header, 0, out, at, 16);
    EwfSections.putLong(out, at + 16, at + 76L + length);
    EwfSections.putLong(out, at + 24, 76L + length);
    EwfSections.fixDescriptor(out, at);
    System.arraycopy(bomb.toByteArray(), 0, out, at + 76, length);
    int end = at + 76 + length;
    System.arraycopy(Arrays.copyOf("done".getBytes(StandardCharsets.US_ASCII), 16), 0, out, end, 16);
    EwfSections.putLong(out, end + 16, end);
    EwfSections.fixDescriptor(out, end);
    files[1] = out;
    assertThat(run(files).refused()).contains("header section at offset " + at + " unpacks to more than 16777216 bytes");
  }

  /** A section that names itself as the next one (a loop) is refused, not walked for ever. */
  @Example
  void sectionPointingToItself_isRefused() throws Exception {
    byte[][] files = copies("c");
    Section s = EwfSections.of(files[0]).first("sectors");
    EwfSections.putLong(files[0], s.offset() + 16, s.offset());
    EwfSections.fixDescriptor(files[0], s.offset());
    assertThat(run(files).refused()).contains("points to the next section at " + s.offset());
  }

  // ---------------------------------------------------------------- the harness

  /** What happened to one mutated image. */
  record Outcome(String refused, List<Long> damaged, boolean passed, boolean mediaMatches) {}

  private static byte[][] copies(String set) {
    byte[][] original = sets.get(set);
    return new byte[][] {original[0].clone(), original[1].clone()};
  }

  private void exercise(String set, List<? extends Mutation> mutations) throws Exception {
    byte[][] files = copies(set);
    for (Mutation m : mutations) {
      files[m.segment()] = m.apply(files[m.segment()]);
    }
    run(files);
  }

  /** Writes the segment files, then opens, verifies and reads them on the worker thread, under the timeout. */
  private static Outcome run(byte[][] files) throws Exception {
    Path e01 = work.resolve("img.E01");
    Files.write(e01, files[0]);
    Files.write(work.resolve("img.E02"), files[1]);
    Future<Outcome> f = worker.submit(() -> exerciseImage(e01));
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return fail("open/verify/read did not end within " + TIMEOUT_SECONDS + " s");
    } catch (ExecutionException e) {
      throw new AssertionError("escaped: " + e.getCause(), e.getCause());
    }
  }

  private static Outcome exerciseImage(Path e01) throws IOException {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    try {
      return exerciseImageOnce(e01);
    } finally {
      long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
      mostAllocated = Math.max(mostAllocated, allocated);
      assertThat(allocated).as("bytes allocated by one open, verify and read").isLessThan(ALLOCATION_LIMIT);
    }
  }

  private static Outcome exerciseImageOnce(Path e01) throws IOException {
    EwfImage image;
    try {
      image = EwfImage.open(e01);
    } catch (ImageFormatException e) {
      assertThat(e.getMessage()).startsWith(e.file() + ": ");
      assertThat(e.file().getParent()).isEqualTo(work);
      return new Outcome(e.getMessage(), List.of(), false, false);
    }
    try (image) {
      ImageVerification v = ImageVerifier.verify(image, List.of(), DigestSet.empty(), n -> {});
      boolean mediaMatches = image.size() == source.length
          && v.calculated().get(HashAlgorithm.MD5).orElseThrow().hex().equals(sourceMd5) && v.damaged().isEmpty();
      if (v.passed()) {
        assertThat(mediaMatches).as("verification passed, so the media must be the source").isTrue();
      }
      readSome(image);
      return new Outcome(null, v.damaged().stream().map(DamagedChunk::chunkIndex).toList(), v.passed(), mediaMatches);
    }
  }

  /** Positional reads across the media: only {@link CorruptChunkException} may come out. */
  private static void readSome(EwfImage image) throws IOException {
    Random random = new Random(image.size());
    ByteBuffer buffer = ByteBuffer.allocate(40_000);
    for (int i = 0; i < 4; i++) {
      long position = image.size() == 0 ? 0 : Math.floorMod(random.nextLong(), image.size() + 10);
      try {
        int n = image.read(buffer.clear(), position);
        assertThat(n).isBetween(-1, buffer.capacity());
      } catch (CorruptChunkException e) {
        assertThat(e.firstSector()).isLessThanOrEqualTo(e.lastSector());
      }
    }
  }
}
