package dev.forensics.knownfiles;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures under {@code src/test/resources/knownfiles/} and digests of short words. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String name) {
    URL url = Fixtures.class.getResource("/knownfiles/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The digest of a word's UTF-8 bytes. */
  static Digest digest(HashAlgorithm algorithm, String word) {
    String jca =
        switch (algorithm) {
          case MD5 -> "MD5";
          case SHA1 -> "SHA-1";
          case SHA256 -> "SHA-256";
          case SHA512 -> "SHA-512";
          case SHA3_256 -> "SHA3-256";
          case BLAKE3 -> throw new IllegalArgumentException("no JCA BLAKE3");
        };
    try {
      return new Digest(
          algorithm, MessageDigest.getInstance(jca).digest(word.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The digests of a word with these algorithms. */
  static DigestSet digests(String word, HashAlgorithm... algorithms) {
    List<Digest> list = new ArrayList<>();
    for (HashAlgorithm a : algorithms) {
      list.add(digest(a, word));
    }
    return DigestSet.of(list);
  }

  static Digest sha256(String word) {
    return digest(HashAlgorithm.SHA256, word);
  }

  static Digest md5(String word) {
    return digest(HashAlgorithm.MD5, word);
  }

  static Digest sha1(String word) {
    return digest(HashAlgorithm.SHA1, word);
  }
}
