package dev.forensics.image.internal;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.EwfGeometry;
import dev.forensics.image.ImageFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The structure of an EWF-E01/S01 segment set (libyal's "Expert Witness Compression Format" document):
 * walks every section of every segment, checks the section descriptors' Adler-32, and collects the
 * geometry, header values, stored hashes and the location of every chunk. Reads no chunk data.
 *
 * <p>Nothing is allocated from an unchecked size field, and every loop is bounded by the files: header
 * sections are limited to {@value #MAX_HEADER} bytes (packed and unpacked); a section must lie inside
 * its file and point forward to the next one (no chain loops); a table's entries must fit in its section
 * and its base offset in the file, so the chunk map grows only with entries actually read; chunks are at
 * most {@value #MAX_CHUNK} bytes, their number must match the sectors the volume section gives, and that
 * media must fit in the segment files at deflate's largest ratio. Segments are looked for only up to the
 * last name EWF has.
 */
public final class EwfLayout {

  /** The EWF1 file signature, {@code "EVF\t\r\n\xff\0"}. */
  public static final byte[] SIGNATURE = {'E', 'V', 'F', 0x09, 0x0d, 0x0a, (byte) 0xff, 0x00};

  static final int DESCRIPTOR = 76;
  private static final int FILE_HEADER = 13;
  private static final int MAX_HEADER = 16 << 20;
  /** The largest chunk accepted: 64 MiB (ewfacquire's largest is 32768 sectors of 512 bytes, 16 MiB). */
  private static final int MAX_CHUNK = 64 << 20;
  /**
   * The {@link #chunkStoredSize(int)} of a chunk whose entries in a table and its table2 copy differ and
   * both copies fail their Adler-32: its location is unknown.
   */
  public static final int SUSPECT_ENTRY = -2;
  /** Deflate's largest compression ratio (RFC 1951: 258 bytes from one length code of about 2 bits). */
  private static final int MAX_DEFLATE_RATIO = 1032;

  private final List<Path> segments = new ArrayList<>();
  private final List<FileChannel> channels = new ArrayList<>();
  private EwfGeometry geometry;
  private Map<String, String> header2;
  private Map<String, String> header;
  /** Every distinct hash value of the media found in hash, digest and xhash sections, in file order. */
  private final List<Digest> storedHashes = new ArrayList<>();
  /** The hashes of hash and digest sections that fail their Adler-32, in file order. */
  private final List<Digest> untrustedHashes = new ArrayList<>();
  /** Damage found and worked around, e.g. a table replaced by its table2 copy, one line each. */
  private final List<String> notes = new ArrayList<>();

  private long[] chunkOffsets = new long[1024];
  private int[] chunkSizes = new int[1024];
  private final BitSet compressed = new BitSet();
  private int chunkCount;
  private int maxStored;
  private final List<Integer> segmentFirstChunk = new ArrayList<>();

  private EwfLayout() {}

  /**
   * Opens and walks the whole set that {@code anySegment} (which starts with {@link #SIGNATURE}) is
   * part of. On success the caller owns {@link #channels()}.
   *
   * @throws ImageFormatException naming the segment and offset of the first structural error
   */
  public static EwfLayout read(Path anySegment) throws IOException {
    EwfLayout layout = new EwfLayout();
    try {
      int number;
      try (FileChannel ch = FileChannel.open(anySegment, StandardOpenOption.READ)) {
        number = segmentNumber(anySegment, ch);
      }
      EwfSegmentNames names = EwfSegmentNames.of(anySegment, number);
      boolean done = false;
      for (int n = 1; !done; n++) {
        if (n > names.maxSegment()) {
          throw new ImageFormatException(anySegment, "more segments than EWF can name, and no done section");
        }
        Path file = n == number ? anySegment : names.segment(n);
        if (!Files.isRegularFile(file)) {
          throw layout.withLostSectors(new ImageFormatException(file, "missing segment " + n + " of EWF image "
              + names.segment(1).getFileName() + (n == 1 ? "" : " (segment " + (n - 1) + " ends with a next section)"),
              new EOFException(file.toString())), n);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        layout.segments.add(file);
        layout.channels.add(ch);
        int stored = segmentNumber(file, ch);
        if (stored != n) {
          throw new ImageFormatException(file, "file header says segment " + stored + ", expected " + n);
        }
        layout.segmentFirstChunk.add(layout.chunkCount);
        try {
          done = layout.walk(file, ch);
        } catch (ImageFormatException e) {
          throw layout.withLostSectors(e, n);
        }
      }
      layout.finish();
      return layout;
    } catch (IOException | RuntimeException e) {
      for (FileChannel ch : layout.channels) {
        try {
          ch.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /**
   * For a missing or truncated segment {@code n} ({@code e} caused by an {@link EOFException}), {@code e}
   * with the media sectors that segment and the later ones hold, from its first chunk to the end of the
   * media, when the volume section is known: what cannot be read. Other errors are returned as they are.
   */
  private ImageFormatException withLostSectors(ImageFormatException e, int n) {
    if (geometry == null || n < 2 || !(e.getCause() instanceof EOFException)) {
      return e;
    }
    long first = (long) chunkCount * geometry.sectorsPerChunk();
    long last = geometry.sectorCount() - 1;
    if (first > last) {
      return e;
    }
    String message = e.getMessage().substring(e.file().toString().length() + 2);
    return new ImageFormatException(e.file(), message + "; media sectors " + first + "-" + last
        + " (from segment " + n + " on) cannot be read", e.getCause());
  }

  private static int segmentNumber(Path file, FileChannel ch) throws IOException {
    ByteBuffer head = readFully(file, ch, 0, FILE_HEADER, "file header");
    byte[] signature = new byte[8];
    head.get(0, signature);
    if (!Arrays.equals(signature, SIGNATURE)) {
      throw new ImageFormatException(file, "not an EWF segment: no EVF signature");
    }
    return Short.toUnsignedInt(head.getShort(9));
  }

  /** Walks one segment's sections; true when it ends with {@code done}. */
  private boolean walk(Path file, FileChannel ch) throws IOException {
    long fileSize = ch.size();
    List<long[]> sections = new ArrayList<>(); // data ranges {start, end} for chunk ends
    Tables tables = new Tables(file);
    long off = FILE_HEADER;
    while (true) {
      if (off + DESCRIPTOR > fileSize) {
        throw new ImageFormatException(file, "section descriptor at offset " + off + " runs past the end of the file ("
            + fileSize + " bytes): truncated segment", new EOFException(file.toString()));
      }
      ByteBuffer d = readFully(file, ch, off, DESCRIPTOR, "section descriptor");
      checkAdler(file, off, "section descriptor", d, 72);
      byte[] typeBytes = new byte[16];
      d.get(0, typeBytes);
      int len = 0;
      while (len < 16 && typeBytes[len] != 0) {
        len++;
      }
      String type = new String(typeBytes, 0, len, StandardCharsets.US_ASCII);
      long next = d.getLong(16);
      long size = d.getLong(24);
      if (!type.equals("table2")) {
        tables.settle();
      }
      if (type.equals("done")) {
        finishTables(file, sections, tables.used);
        return true;
      }
      if (type.equals("next")) {
        finishTables(file, sections, tables.used);
        return false;
      }
      if (size < DESCRIPTOR || size > fileSize - off) {
        throw new ImageFormatException(file, "section '" + type + "' at offset " + off + " has size " + size
            + ", outside " + DESCRIPTOR + " to " + (fileSize - off),
            size > fileSize - off ? new EOFException(file.toString()) : null); // truncated, or a damaged size
      }
      if (next <= off || next > fileSize) {
        throw new ImageFormatException(file, "section '" + type + "' at offset " + off + " points to the next section at "
            + next + ", outside " + (off + 1) + " to " + fileSize, next > fileSize ? new EOFException(file.toString()) : null);
      }
      long at = off;
      long dataStart = off + DESCRIPTOR;
      long dataLen = size - DESCRIPTOR;
      sections.add(new long[] {dataStart, off + size});
      switch (type) {
        case "header2", "header" -> readHeader(file, ch, off, type, dataLen);
        case "volume", "disk", "data" -> {
          if (geometry == null) {
            geometry = readVolume(file, ch, off, type, dataLen);
          }
        }
        case "table" -> tables.table(() -> readTable(file, ch, at, type, dataLen, fileSize));
        case "table2" -> tables.table2(at, () -> readTable(file, ch, at, type, dataLen, fileSize));
        case "hash" -> readHash(file, ch, off, dataLen);
        case "digest" -> readDigest(file, ch, off, dataLen);
        case "xhash" -> readXhash(file, ch, off, dataLen);
        default -> {
          // sectors, ltree, session, error2, xheader …: not needed to read the media
        }
      }
      off = next;
    }
  }

  /** The entries of one table section, and the failure of its entries' Adler-32 if they fail it. */
  private record Table(long offset, long[] entries, BitSet suspect, ImageFormatException damage) {}

  private interface TableReader {
    Table read() throws IOException;
  }

  /**
   * The tables of one segment. EnCase writes each {@code table} twice, the second time as a {@code table2}
   * section right after it. A table that fails its Adler-32 is replaced by its good mirror (with a note);
   * when both copies fail only in their entries, the entries on which they agree are used and those on
   * which they differ mark their chunks damaged; each chunk's data is checked when it is read in any case.
   * A table whose header (entry count, base offset) fails and has no good mirror makes the image
   * unreadable: the number of chunks it holds is unknown.
   */
  private final class Tables {
    private final Path file;
    private final List<Table> used = new ArrayList<>();
    /** The last table read: the one a following table2 mirrors. */
    private Table last;
    /** A table whose entries fail their checksum, waiting for its mirror. */
    private Table pending;
    /** The failure of a table whose header fails its checksum, waiting for its mirror. */
    private ImageFormatException unreadable;

    Tables(Path file) {
      this.file = file;
    }

    void table(TableReader reader) throws IOException {
      settle();
      try {
        Table t = reader.read();
        last = t;
        if (t.damage() == null) {
          used.add(t);
        } else {
          pending = t;
        }
      } catch (ImageFormatException e) {
        last = null;
        unreadable = e;
      }
    }

    void table2(long offset, TableReader reader) throws IOException {
      if (pending == null && unreadable == null) {
        if (last == null) { // a table2 without a table: it is the only copy
          table(reader);
          return;
        }
        try { // the table was good: check the mirror only to report its damage, or a disagreement
          Table mirror = reader.read();
          if (mirror.damage() != null) {
            notes.add(mirror.damage().getMessage() + " (a damaged copy; the table at offset " + last.offset()
                + " was used)");
          } else {
            noteDisagreement(last, mirror, offset);
          }
        } catch (ImageFormatException e) {
          notes.add(e.getMessage() + " (a damaged copy; the table at offset " + last.offset() + " was used)");
        }
        last = null;
        return;
      }
      Table mirror;
      ImageFormatException mirrorFailure = null;
      try {
        mirror = reader.read();
      } catch (ImageFormatException e) {
        mirror = null;
        mirrorFailure = e;
      }
      ImageFormatException primary = pending != null ? pending.damage() : unreadable;
      if (mirror != null && mirror.damage() == null) {
        used.add(mirror);
        notes.add(primary.getMessage() + ": its table2 copy at offset " + offset + " was used");
      } else if (pending != null && mirror != null && mirror.entries().length == pending.entries().length) {
        BitSet suspect = differing(pending, mirror);
        used.add(new Table(pending.offset(), pending.entries(), suspect, pending.damage()));
        notes.add(primary.getMessage() + "; its table2 copy at offset " + offset + " fails too: "
            + (suspect.isEmpty() ? "the two copies agree and" : suspect.cardinality()
                + " entries differ (their chunks are reported damaged), the others")
            + " are used, each chunk checked as it is read");
      } else if (pending != null) {
        used.add(pending);
        notes.add(primary.getMessage() + "; its table2 copy at offset " + offset + " cannot be used ("
            + (mirrorFailure != null ? mirrorFailure.getMessage() : "a different number of entries")
            + "): its entries are used, each chunk checked as it is read");
      } else {
        throw primary;
      }
      pending = null;
      unreadable = null;
      last = null;
    }

    /**
     * Notes a table and its table2 copy that both pass their checksums but differ: one of them was
     * rewritten after acquisition with its checksum recomputed. The table is used; the media hashes
     * decide whether what it points to is the acquired data.
     */
    private void noteDisagreement(Table table, Table mirror, long mirrorOffset) {
      int n = table.entries().length;
      String what;
      if (n != mirror.entries().length) {
        what = "hold " + n + " and " + mirror.entries().length + " entries";
      } else {
        BitSet differ = differing(table, mirror);
        if (differ.isEmpty()) {
          return;
        }
        what = "differ in " + differ.cardinality() + " of their " + n + " entries (the first is entry "
            + differ.nextSetBit(0) + ")";
      }
      notes.add(file + ": the table at offset " + table.offset() + " and its table2 copy at offset " + mirrorOffset
          + " both pass their checks but " + what + ": one of them was changed after it was written; the"
          + " table was used");
    }

    /** The entries in which two tables of the same length differ. */
    private static BitSet differing(Table a, Table b) {
      BitSet differ = new BitSet();
      for (int i = 0; i < a.entries().length; i++) {
        if (a.entries()[i] != b.entries()[i]) {
          differ.set(i);
        }
      }
      return differ;
    }

    /** Deals with a damaged table that has no table2 copy after it. */
    void settle() throws ImageFormatException {
      if (unreadable != null) {
        throw unreadable;
      }
      if (pending != null) {
        used.add(pending);
        notes.add(pending.damage().getMessage() + "; it has no table2 copy: its entries are used, each chunk"
            + " checked as it is read");
        pending = null;
      }
    }
  }

  private void readHeader(Path file, FileChannel ch, long off, String type, long dataLen) throws IOException {
    if (dataLen > MAX_HEADER) {
      throw new ImageFormatException(file, type + " section at offset " + off + " is " + dataLen + " bytes, more than "
          + MAX_HEADER);
    }
    ByteBuffer packed = readFully(file, ch, off + DESCRIPTOR, (int) dataLen, type + " section");
    byte[] text = inflateHeader(file, off, type, packed);
    Map<String, String> values;
    if (type.equals("header2")) {
      int skip = text.length >= 2 && (text[0] & 0xff) == 0xff && (text[1] & 0xff) == 0xfe ? 2 : 0;
      values = parseMain(new String(text, skip, text.length - skip, StandardCharsets.UTF_16LE));
      if (header2 == null) {
        header2 = values;
      }
    } else {
      values = parseMain(new String(text, StandardCharsets.ISO_8859_1));
      if (header == null) {
        header = values;
      }
    }
  }

  private static byte[] inflateHeader(Path file, long off, String type, ByteBuffer packed) throws IOException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(packed);
      byte[] out = new byte[8192];
      int total = 0;
      while (!inflater.finished()) {
        if (total == out.length) {
          if (out.length >= MAX_HEADER) {
            throw new ImageFormatException(file, type + " section at offset " + off + " unpacks to more than "
                + MAX_HEADER + " bytes");
          }
          out = Arrays.copyOf(out, out.length * 2);
        }
        int n = inflater.inflate(out, total, out.length - total);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new ImageFormatException(file, type + " section at offset " + off + ": truncated zlib stream");
        }
        total += n;
      }
      return Arrays.copyOf(out, total);
    } catch (DataFormatException e) {
      throw new ImageFormatException(file, type + " section at offset " + off + ": bad zlib stream: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  /** The key/value pairs of the {@code main} category: line 3 holds the keys, line 4 the values. */
  static Map<String, String> parseMain(String text) {
    String[] lines = text.split("\r?\n", -1);
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i + 2 < lines.length; i++) {
      if (lines[i].equals("main")) {
        String[] keys = lines[i + 1].split("\t", -1);
        String[] vals = lines[i + 2].split("\t", -1);
        for (int k = 0; k < keys.length; k++) {
          if (!keys[k].isEmpty()) {
            values.putIfAbsent(keys[k], k < vals.length ? vals[k] : "");
          }
        }
        break;
      }
    }
    return values;
  }

  private static EwfGeometry readVolume(Path file, FileChannel ch, long off, String type, long dataLen)
      throws IOException {
    boolean e01 = dataLen >= 1052;
    if (!e01 && dataLen < 94) {
      throw new ImageFormatException(file, type + " section at offset " + off + " is " + dataLen
          + " bytes, expected 94 (SMART) or 1052 (EnCase)");
    }
    int checked = e01 ? 1048 : 90;
    ByteBuffer v = readFully(file, ch, off + DESCRIPTOR, checked + 4, type + " section");
    checkAdler(file, off + DESCRIPTOR, type + " section", v, checked);
    long chunks = Integer.toUnsignedLong(v.getInt(4));
    long spc = Integer.toUnsignedLong(v.getInt(8));
    long bps = Integer.toUnsignedLong(v.getInt(12));
    long sectors = e01 ? v.getLong(16) : Integer.toUnsignedLong(v.getInt(16));
    if (bps == 0 || bps > 1 << 16 || spc == 0 || spc * bps > MAX_CHUNK || sectors < 0
        || chunks > Integer.MAX_VALUE - 8 || sectors > Long.MAX_VALUE / bps || chunks * spc < sectors
        || chunks > 0 && (chunks - 1) * spc > sectors) {
      throw new ImageFormatException(file, type + " section at offset " + off + ": impossible geometry: " + chunks
          + " chunks of " + spc + " sectors of " + bps + " bytes for " + sectors + " sectors");
    }
    Optional<EwfGeometry.Compression> compression = Optional.empty();
    if (e01) {
      int level = v.get(52);
      if (level >= 0 && level <= 2) {
        compression = Optional.of(EwfGeometry.Compression.values()[level]);
      }
    }
    return new EwfGeometry((int) bps, (int) spc, chunks, sectors, compression);
  }

  /**
   * Reads a table section. Its entries are offsets relative to the base offset; each is stored as
   * {@code absoluteOffset | (compressed ? 1L << 63 : 0)}. A header that fails its Adler-32 or is impossible
   * throws; entries that fail theirs are returned with {@link Table#damage()} set.
   */
  private static Table readTable(Path file, FileChannel ch, long off, String type, long dataLen, long fileSize)
      throws IOException {
    if (dataLen < 24) {
      throw new ImageFormatException(file, type + " section at offset " + off + " is " + dataLen + " bytes, expected 24 or more");
    }
    ByteBuffer h = readFully(file, ch, off + DESCRIPTOR, 24, type + " section header");
    checkAdler(file, off + DESCRIPTOR, type + " section header", h, 20);
    long n = Integer.toUnsignedLong(h.getInt(0));
    long base = h.getLong(8);
    if (24 + 4 * n > dataLen || 4 * n + 4 > Integer.MAX_VALUE - 8) {
      throw new ImageFormatException(file, type + " section at offset " + off + " has " + n + " entries, more than its "
          + dataLen + " bytes hold");
    }
    if (base < 0 || base >= fileSize) {
      throw new ImageFormatException(file, type + " section at offset " + off + " has base offset " + base
          + ", outside the file (" + fileSize + " bytes)");
    }
    boolean entryChecksum = dataLen == 24 + 4 * n + 4; // EnCase layout; SMART puts chunk data there instead
    ByteBuffer e = readFully(file, ch, off + DESCRIPTOR + 24, (int) (4 * n + (entryChecksum ? 4 : 0)), type + " entries");
    ImageFormatException damage = null;
    if (entryChecksum) {
      try {
        checkAdler(file, off + DESCRIPTOR + 24, type + " entries", e, (int) (4 * n));
      } catch (ImageFormatException bad) {
        damage = bad;
      }
    }
    long[] entries = new long[(int) n];
    for (int i = 0; i < n; i++) {
      int raw = e.getInt(4 * i);
      entries[i] = (base + (raw & 0x7fffffffL)) | (raw < 0 ? 1L << 63 : 0);
    }
    return new Table(off, entries, new BitSet(), damage);
  }

  private void readHash(Path file, FileChannel ch, long off, long dataLen) throws IOException {
    if (dataLen < 36) {
      throw new ImageFormatException(file, "hash section at offset " + off + " is " + dataLen + " bytes, expected 36");
    }
    ByteBuffer b = readFully(file, ch, off + DESCRIPTOR, 36, "hash section");
    if (storedChecksumOk(file, off, "hash", b, 32)) {
      store(digest(b, 0, HashAlgorithm.MD5));
    } else {
      untrusted(digest(b, 0, HashAlgorithm.MD5));
    }
  }

  private void readDigest(Path file, FileChannel ch, long off, long dataLen) throws IOException {
    if (dataLen < 80) {
      throw new ImageFormatException(file, "digest section at offset " + off + " is " + dataLen + " bytes, expected 80");
    }
    ByteBuffer b = readFully(file, ch, off + DESCRIPTOR, 80, "digest section");
    if (storedChecksumOk(file, off, "digest", b, 76)) {
      store(digest(b, 0, HashAlgorithm.MD5));
      store(digest(b, 16, HashAlgorithm.SHA1));
    } else {
      untrusted(digest(b, 0, HashAlgorithm.MD5));
      untrusted(digest(b, 16, HashAlgorithm.SHA1));
    }
  }

  /**
   * Whether a hash or digest section's data passes its Adler-32; if not, notes it. Its hashes are then
   * still compared (an examiner sees what the section holds) but cannot make the image verify.
   */
  private boolean storedChecksumOk(Path file, long off, String type, ByteBuffer b, int length) {
    try {
      checkAdler(file, off + DESCRIPTOR, type + " section", b, length);
      return true;
    } catch (ImageFormatException e) {
      notes.add(e.getMessage() + ": the hashes it stores cannot be trusted, so the image cannot verify");
      return false;
    }
  }

  /** Keeps a hash read from a section that fails its checksum; null (not set) is ignored. */
  private void untrusted(Digest digest) {
    if (digest != null && !untrustedHashes.contains(digest)) {
      untrustedHashes.add(digest);
    }
  }

  /**
   * Reads an EWF-X {@code xhash} section: zlib-compressed UTF-8 XML, {@code <xhash><MD5>hex</MD5>
   * <SHA1>hex</SHA1></xhash>} (element names in any case; SHA256 too when present).
   */
  private void readXhash(Path file, FileChannel ch, long off, long dataLen) throws IOException {
    if (dataLen > MAX_HEADER) {
      throw new ImageFormatException(file, "xhash section at offset " + off + " is " + dataLen + " bytes, more than "
          + MAX_HEADER);
    }
    ByteBuffer packed = readFully(file, ch, off + DESCRIPTOR, (int) dataLen, "xhash section");
    byte[] xml = inflateHeader(file, off, "xhash", packed);
    org.w3c.dom.Element root;
    try {
      javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      f.setXIncludeAware(false);
      javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
      builder.setErrorHandler(null);
      root = builder.parse(new java.io.ByteArrayInputStream(xml)).getDocumentElement();
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new ImageFormatException(file, "xhash section at offset " + off + ": not well-formed XML: " + e.getMessage(), e);
    }
    org.w3c.dom.NodeList children = root.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof org.w3c.dom.Element e) {
        HashAlgorithm algorithm = switch (e.getTagName().toLowerCase(java.util.Locale.ROOT)) {
          case "md5" -> HashAlgorithm.MD5;
          case "sha1" -> HashAlgorithm.SHA1;
          case "sha256" -> HashAlgorithm.SHA256;
          default -> null;
        };
        String hex = e.getTextContent().trim();
        if (algorithm == null || hex.isEmpty()) {
          continue;
        }
        try {
          store(Digest.ofHex(algorithm, hex));
        } catch (IllegalArgumentException bad) {
          throw new ImageFormatException(file, "xhash section at offset " + off + ": " + e.getTagName() + " is not a "
              + algorithm.id() + " digest: " + bad.getMessage(), bad);
        }
      }
    }
  }

  /** Keeps a stored hash unless the same value is already known; null (not set) is ignored. */
  private void store(Digest digest) {
    if (digest != null && !storedHashes.contains(digest)) {
      storedHashes.add(digest);
    }
  }

  /** The digest at {@code at}, or null when it is all zeros (not set). */
  private static Digest digest(ByteBuffer b, int at, HashAlgorithm algorithm) {
    byte[] value = new byte[algorithm.lengthBytes()];
    b.get(at, value);
    for (byte x : value) {
      if (x != 0) {
        return new Digest(algorithm, value);
      }
    }
    return null;
  }

  /** Turns the segment's tables into chunk locations; a chunk ends where the next starts or its section ends. */
  private void finishTables(Path file, List<long[]> sections, List<Table> tables) throws ImageFormatException {
    for (Table t : tables) {
      long[] table = t.entries();
      for (int i = 0; i < table.length; i++) {
        long start = table[i] & Long.MAX_VALUE;
        long end;
        if (i + 1 < table.length) {
          end = table[i + 1] & Long.MAX_VALUE;
        } else {
          end = -1;
          for (long[] s : sections) {
            if (start >= s[0] && start < s[1]) {
              end = s[1];
              break;
            }
          }
        }
        long size = end - start;
        int stored = t.suspect().get(i) ? SUSPECT_ENTRY : size > 0 && size <= 2L * MAX_CHUNK ? (int) size : -1;
        addChunk(file, start, stored, table[i] < 0);
      }
    }
  }

  private void addChunk(Path file, long offset, int size, boolean isCompressed) throws ImageFormatException {
    if (chunkCount >= Integer.MAX_VALUE - 8) {
      throw new ImageFormatException(file, "too many chunks");
    }
    if (chunkCount == chunkOffsets.length) {
      chunkOffsets = Arrays.copyOf(chunkOffsets, chunkCount * 2);
      chunkSizes = Arrays.copyOf(chunkSizes, chunkCount * 2);
    }
    chunkOffsets[chunkCount] = offset;
    chunkSizes[chunkCount] = size;
    compressed.set(chunkCount, isCompressed);
    chunkCount++;
  }

  private void finish() throws IOException {
    Path first = segments.get(0);
    if (geometry == null) {
      throw new ImageFormatException(first, "no volume or disk section: media geometry unknown");
    }
    if (chunkCount != geometry.chunkCount()) {
      throw new ImageFormatException(first, "the tables list " + chunkCount + " chunks, the volume section "
          + geometry.chunkCount());
    }
    long stored = 0;
    for (FileChannel ch : channels) {
      stored += ch.size();
    }
    if (geometry.mediaSize() / MAX_DEFLATE_RATIO > stored) { // else verifying would hash mostly invented zeros
      throw new ImageFormatException(first, "the volume section claims " + geometry.mediaSize() + " bytes of media,"
          + " more than " + segments.size() + " segment files of " + stored + " bytes can hold even at zlib's"
          + " largest ratio (" + MAX_DEFLATE_RATIO + ":1)");
    }
    chunkOffsets = Arrays.copyOf(chunkOffsets, chunkCount);
    chunkSizes = Arrays.copyOf(chunkSizes, chunkCount);
    for (int size : chunkSizes) {
      maxStored = Math.max(maxStored, size);
    }
  }

  private static void checkAdler(Path file, long off, String what, ByteBuffer b, int length)
      throws ImageFormatException {
    Adler32 adler = new Adler32();
    adler.update(b.duplicate().position(0).limit(length));
    long stored = Integer.toUnsignedLong(b.getInt(length));
    if (adler.getValue() != stored) {
      throw new ImageFormatException(file, what + " at offset " + off + ": Adler-32 mismatch, calculated: "
          + String.format("%08x", adler.getValue()) + " stored: " + String.format("%08x", stored));
    }
  }

  /** Reads exactly {@code length} bytes at {@code position} into a new little-endian buffer (position 0). */
  static ByteBuffer readFully(Path file, FileChannel ch, long position, int length, String what) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, position + b.position()) < 0) {
        throw new ImageFormatException(file, what + " at offset " + position + ": file ends after "
            + (position + b.position()) + " bytes, expected " + (position + length),
            new EOFException(file.toString()));
      }
    }
    return b.flip();
  }

  public List<Path> segments() {
    return List.copyOf(segments);
  }

  public List<FileChannel> channels() {
    return List.copyOf(channels);
  }

  public EwfGeometry geometry() {
    return geometry;
  }

  /** The {@code main} header values, from {@code header2} if present, else {@code header}, else empty. */
  public Map<String, String> headerValues() {
    return header2 != null ? header2 : header != null ? header : Map.of();
  }

  /**
   * Every distinct hash of the media the image stores (hash, digest and xhash sections), in file order:
   * normally one per algorithm, more when the sections disagree.
   */
  public List<Digest> storedHashes() {
    return List.copyOf(storedHashes);
  }

  /**
   * Damage in the structure that was worked around without losing media, one sentence each naming the
   * file and offset (e.g. a table that fails its Adler-32 replaced by its {@code table2} copy).
   */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** The largest stored size of any chunk (0 for none): what a buffer for one stored chunk needs. */
  public int maxChunkStoredSize() {
    return maxStored;
  }

  /** The hashes held by hash and digest sections whose data fails its Adler-32, in file order. */
  public List<Digest> untrustedHashes() {
    return List.copyOf(untrustedHashes);
  }

  /** The file offset of chunk {@code i}'s stored data. */
  public long chunkOffset(int i) {
    return chunkOffsets[i];
  }

  /**
   * The stored size of chunk {@code i}, or -1 when its table entry gives an impossible one, or {@link
   * #SUSPECT_ENTRY}.
   */
  public int chunkStoredSize(int i) {
    return chunkSizes[i];
  }

  public boolean chunkCompressed(int i) {
    return compressed.get(i);
  }

  /** The index in {@link #segments()} of the segment that stores chunk {@code i}. */
  public int chunkSegment(int i) {
    int lo = 0;
    int hi = segmentFirstChunk.size() - 1;
    while (lo < hi) { // last segment whose first chunk is <= i
      int mid = (lo + hi + 1) >>> 1;
      if (segmentFirstChunk.get(mid) <= i) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
