package dev.forensics.triage;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens ZIP, TAR and gzip archives, level by level up to {@link ArchiveLimits#maxDepth()}, and hands
 * each member to an {@link Examiner}; nothing is written to disk. The members' bytes expanded from one
 * archive file on disk are counted as they are read, so a decompression bomb is stopped by the byte,
 * ratio and entry limits and reported as a finding on that archive.
 */
final class ArchiveExpander {

  /** Examines one member. */
  interface Examiner {
    TriageRecord inMemory(String path, String name, byte[] content, Optional<Instant> modified);

    TriageRecord streamed(String path, String name, byte[] head, InputStream rest, Optional<Instant> modified)
        throws IOException;
  }

  private static final Set<String> ZIP = Set.of("application/zip");
  private static final Set<String> TAR = Set.of("application/x-tar", "application/x-gtar");
  private static final Set<String> GZIP = Set.of("application/gzip", "application/x-gzip");
  private static final long RATIO_FLOOR = 1 << 20;

  /** The budget was exhausted: expansion of the whole archive file stops. */
  private static final class Stop extends IOException {
    final boolean bomb;

    Stop(String message, boolean bomb) {
      super(message);
      this.bomb = bomb;
    }
  }

  private final Examiner examiner;
  private final ArchiveLimits limits;
  private final long archiveSize;
  private long expanded;
  private long entries;

  ArchiveExpander(Examiner examiner, ArchiveLimits limits, long archiveSize) {
    this.examiner = examiner;
    this.limits = limits;
    this.archiveSize = archiveSize;
  }

  /** Whether this type is an archive that is opened. */
  static boolean opens(String mediaType) {
    return ZIP.contains(mediaType) || TAR.contains(mediaType) || GZIP.contains(mediaType);
  }

  /**
   * Examines the members of the archive read from {@code in}, adding their records to {@code out} and
   * what stopped the expansion to {@code outer} (the findings of the archive file on disk).
   */
  void expand(String path, String name, String type, InputStream in, int depth, List<TriageRecord> out,
      List<Finding> outer) {
    try {
      members(path, name, type, in, depth, out);
    } catch (Stop s) {
      outer.add(s.bomb
          ? Finding.of(FindingKind.ARCHIVE_BOMB, s.getMessage(), expanded, archiveSize)
          : Finding.of(FindingKind.ARCHIVE_NOT_FULLY_EXPANDED, s.getMessage()));
    } catch (IOException | RuntimeException e) {
      // damaged or encrypted members: what was read is reported, the archive says where it stopped
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      outer.add(Finding.of(FindingKind.ARCHIVE_NOT_FULLY_EXPANDED, path + ": " + m));
    }
  }

  private void members(String path, String name, String type, InputStream in, int depth, List<TriageRecord> out)
      throws IOException {
    if (ZIP.contains(type)) {
      ZipInputStream z = new ZipInputStream(in);
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        if (!e.isDirectory()) {
          Optional<Instant> t = Optional.ofNullable(e.getLastModifiedTime()).map(java.nio.file.attribute.FileTime::toInstant);
          member(path + "!/" + e.getName(), e.getName(), z, t, depth, out);
        }
      }
    } else if (TAR.contains(type)) {
      TarReader tar = new TarReader(in);
      TarReader.Entry e;
      while ((e = tar.next()) != null) {
        if (e.regular()) {
          member(path + "!/" + e.name(), e.name(), tar.data(), Optional.of(e.modified()), depth, out);
        }
      }
    } else if (GZIP.contains(type)) {
      String inner = name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3)
          : name.toLowerCase(java.util.Locale.ROOT).endsWith(".tgz") ? name.substring(0, name.length() - 4) + ".tar"
          : name + ".data";
      member(path + "!/" + inner, inner, new GZIPInputStream(in, 1 << 16), Optional.empty(), depth, out);
    }
  }

  private void member(String path, String name, InputStream raw, Optional<Instant> modified, int depth,
      List<TriageRecord> out) throws IOException {
    if (++entries > limits.maxEntries()) {
      throw new Stop("more than " + limits.maxEntries() + " members: the rest were not examined", false);
    }
    String base = name.substring(name.lastIndexOf('/') + 1);
    InputStream in = new Counted(raw);
    byte[] head = in.readNBytes((int) Math.min(limits.maxMemberInMemory() + 1, Integer.MAX_VALUE - 16));
    if (head.length <= limits.maxMemberInMemory()) {
      TriageRecord r = examiner.inMemory(path, base, head, modified);
      out.add(r);
      String type = r.detection().mediaType();
      if (opens(type)) {
        if (depth < limits.maxDepth()) {
          members(path, base, type, new ByteArrayInputStream(head), depth + 1, out);
        } else {
          throw new Stop("the archive " + path + " is nested deeper than " + limits.maxDepth() + " levels", false);
        }
      }
    } else {
      out.add(examiner.streamed(path, base, head, in, modified));
    }
  }

  /** Counts expanded bytes against the limits of the archive file on disk. */
  private final class Counted extends FilterInputStream {
    Counted(InputStream in) {
      super(in);
    }

    private void count(long n) throws Stop {
      if (n <= 0) {
        return;
      }
      expanded += n;
      if (expanded > limits.maxExpandedBytes()) {
        throw new Stop("more than " + limits.maxExpandedBytes() + " bytes expanded", true);
      }
      if (expanded > RATIO_FLOOR && expanded / Math.max(1, archiveSize) > limits.maxRatio()) {
        throw new Stop("expands more than " + limits.maxRatio() + " times its size", true);
      }
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count(1);
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(n);
      return n;
    }

    @Override
    public void close() {
      // the archive stream is closed by its owner
    }
  }

  /**
   * A minimal reader of POSIX ustar, GNU and PAX tar streams: regular files with their names (GNU long
   * names and PAX {@code path} records included) and modification times. Headers are checksum-checked.
   */
  static final class TarReader {
    record Entry(String name, long size, char type, Instant modified) {
      boolean regular() {
        return type == '0' || type == 0 || type == '7';
      }
    }

    private final InputStream in;
    private long remaining;
    private long padding;

    TarReader(InputStream in) {
      this.in = in;
    }

    /** The next entry, or null at the end of the archive. */
    Entry next() throws IOException {
      skipRest();
      String longName = null;
      while (true) {
        byte[] h = in.readNBytes(512);
        if (h.length < 512) {
          if (h.length == 0) {
            return null;
          }
          throw new IOException("tar header truncated");
        }
        if (allZero(h)) {
          return null;
        }
        checkSum(h);
        char type = (char) (h[156] & 0xff);
        long size = number(h, 124, 12);
        long mtime = number(h, 136, 12);
        String name = text(h, 0, 100);
        if (new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
          String prefix = text(h, 345, 155);
          if (!prefix.isEmpty()) {
            name = prefix + "/" + name;
          }
        }
        if (type == 'L' || type == 'x') {
          if (size > 1 << 20) {
            throw new IOException("tar long name or PAX header of " + size + " bytes");
          }
          byte[] data = in.readNBytes((int) size);
          in.skipNBytes(pad(size));
          if (type == 'L') {
            longName = text(data, 0, data.length);
          } else {
            String path = paxPath(data);
            if (path != null) {
              longName = path;
            }
          }
          continue;
        }
        remaining = size;
        padding = pad(size);
        return new Entry(longName != null ? longName : name, size, type, Instant.ofEpochSecond(mtime));
      }
    }

    /** The current entry's data (valid until the next call to {@link #next()}). */
    InputStream data() {
      return new InputStream() {
        @Override
        public int read() throws IOException {
          if (remaining <= 0) {
            return -1;
          }
          int c = in.read();
          if (c >= 0) {
            remaining--;
          }
          return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (remaining <= 0) {
            return -1;
          }
          int n = in.read(b, off, (int) Math.min(len, remaining));
          if (n > 0) {
            remaining -= n;
          }
          return n;
        }
      };
    }

    private void skipRest() throws IOException {
      if (remaining > 0 || padding > 0) {
        in.skipNBytes(remaining + padding);
        remaining = 0;
        padding = 0;
      }
    }

    private static long pad(long size) {
      return (512 - size % 512) % 512;
    }

    private static boolean allZero(byte[] h) {
      for (byte b : h) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }

    private static void checkSum(byte[] h) throws IOException {
      long sum = 0;
      for (int i = 0; i < 512; i++) {
        sum += i >= 148 && i < 156 ? ' ' : (h[i] & 0xff);
      }
      long stored = number(h, 148, 8);
      if (stored != sum) {
        throw new IOException("tar header checksum " + stored + " does not match " + sum);
      }
    }

    /** An octal field, or a base-256 one (high bit set, GNU) for large values. */
    private static long number(byte[] h, int off, int len) throws IOException {
      if ((h[off] & 0x80) != 0) {
        long v = h[off] & 0x7f;
        for (int i = 1; i < len; i++) {
          v = (v << 8) | (h[off + i] & 0xff);
          if (v < 0) {
            throw new IOException("tar number too large");
          }
        }
        return v;
      }
      long v = 0;
      for (int i = off; i < off + len; i++) {
        int c = h[i] & 0xff;
        if (c == 0 || c == ' ') {
          continue; // leading spaces, trailing space or NUL terminators
        }
        if (c < '0' || c > '7') {
          throw new IOException("tar header has a bad octal number");
        }
        v = v * 8 + (c - '0');
      }
      return v;
    }

    private static String text(byte[] h, int off, int len) {
      int end = off;
      while (end < off + len && h[end] != 0) {
        end++;
      }
      return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    /** The {@code path} of PAX records ("LEN key=value\n" ...), or null. */
    private static String paxPath(byte[] data) {
      String s = new String(data, StandardCharsets.UTF_8);
      int i = 0;
      while (i < s.length()) {
        int space = s.indexOf(' ', i);
        int nl = s.indexOf('\n', i);
        if (space < 0 || nl < 0 || nl < space) {
          return null;
        }
        String rec = s.substring(space + 1, nl);
        if (rec.startsWith("path=")) {
          return rec.substring(5);
        }
        i = nl + 1;
      }
      return null;
    }
  }
}
