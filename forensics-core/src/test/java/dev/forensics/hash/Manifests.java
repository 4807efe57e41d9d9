package dev.forensics.hash;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.crypto.digests.Blake3Digest;

/** Test helpers: digests computed independently of the toolkit (JDK MessageDigest, Bouncy Castle for BLAKE3). */
final class Manifests {

  private Manifests() {}

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The digest of the data, computed without the toolkit's hashers. */
  static Digest digest(HashAlgorithm algorithm, byte[] data) {
    if (algorithm == HashAlgorithm.BLAKE3) {
      Blake3Digest d = new Blake3Digest(256);
      d.update(data, 0, data.length);
      byte[] out = new byte[32];
      d.doFinal(out, 0);
      return new Digest(algorithm, out);
    }
    String name;
    switch (algorithm) {
      case MD5:
        name = "MD5";
        break;
      case SHA1:
        name = "SHA-1";
        break;
      case SHA256:
        name = "SHA-256";
        break;
      case SHA512:
        name = "SHA-512";
        break;
      case SHA3_256:
        name = "SHA3-256";
        break;
      default:
        throw new IllegalArgumentException(algorithm.toString());
    }
    try {
      return new Digest(algorithm, MessageDigest.getInstance(name).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static DigestSet digests(List<HashAlgorithm> algorithms, byte[] data) {
    List<Digest> list = new ArrayList<>();
    for (HashAlgorithm a : algorithms) {
      list.add(digest(a, data));
    }
    return DigestSet.of(list);
  }

  /** Pieces of {@code pieceSize} bytes covering the data, as {@code hashdeep -p} cuts them. */
  static List<Piece> pieces(List<HashAlgorithm> algorithms, byte[] data, int pieceSize) {
    List<Piece> pieces = new ArrayList<>();
    for (int off = 0; off < data.length; off += pieceSize) {
      byte[] chunk = Arrays.copyOfRange(data, off, Math.min(data.length, off + pieceSize));
      pieces.add(new Piece(off, chunk.length, digests(algorithms, chunk)));
    }
    return pieces;
  }

  /** Entries for files given as path → content, with whole-file digests only. */
  static List<ManifestEntry> entries(List<HashAlgorithm> algorithms, Map<String, byte[]> files) {
    List<ManifestEntry> list = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
      list.add(ManifestEntry.of(f.getKey(), f.getValue().length, digests(algorithms, f.getValue())));
    }
    return list;
  }

  static byte[] write(ManifestFormat format, Manifest manifest) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      format.write(manifest, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String writeText(ManifestFormat format, Manifest manifest) {
    return new String(write(format, manifest), StandardCharsets.UTF_8);
  }

  static ManifestReadResult read(ManifestFormat format, byte[] bytes, String source) throws IOException {
    return format.read(new ByteArrayInputStream(bytes), source);
  }

  static ManifestReadResult read(ManifestFormat format, String text, String source) throws IOException {
    return read(format, utf8(text), source);
  }

  static byte[] resource(String name) {
    try (InputStream in = Manifests.class.getResourceAsStream("/hash/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource hash/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resourceText(String name) {
    return new String(resource(name), StandardCharsets.UTF_8);
  }

  /**
   * The small manifest of the known-answer tests: md5 and sha256, two pieces of 4 bytes for {@code a.txt},
   * an empty file whose name has a comma and a space, and a name with a backslash.
   */
  static Manifest known(List<HashAlgorithm> algorithms) {
    byte[] hello = utf8("hello\n");
    List<ManifestEntry> entries = List.of(
        new ManifestEntry("a.txt", hello.length, Instant.parse("2025-12-31T23:59:59Z"),
            digests(algorithms, hello), pieces(algorithms, hello, 4)),
        ManifestEntry.of("back\\slash", 3, digests(algorithms, utf8("abc"))),
        ManifestEntry.of("dir/b, c.txt", 0, digests(algorithms, new byte[0])));
    ManifestInfo info = new ManifestInfo(algorithms, 4, "forensics 0.1.0", "forensics hash -r evidence",
        "/cases/2026-001", Instant.parse("2026-01-02T03:04:05Z"));
    return new Manifest(info, entries);
  }

  static final List<HashAlgorithm> MD5_SHA256 = List.of(HashAlgorithm.MD5, HashAlgorithm.SHA256);

  /** The entry without what checksum-line formats cannot hold: size, time, pieces. */
  static ManifestEntry digestsOnly(ManifestEntry e) {
    return new ManifestEntry(e.path(), ManifestEntry.UNKNOWN_SIZE, null, e.digests(), List.of());
  }

  /** The entry without its modification time (hashdeep does not record it). */
  static ManifestEntry withoutTime(ManifestEntry e) {
    return new ManifestEntry(e.path(), e.size(), null, e.digests(), e.pieces());
  }
}
