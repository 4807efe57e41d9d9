package dev.forensics.hash.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.nativelib.SystemLibrary;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * OpenSSL 3's digests (libcrypto's EVP interface) for MD5, SHA-1, SHA-256, SHA-512 and SHA3-256, when
 * the machine has libcrypto 3. They run at the speed the JDK's digests only reach once the JIT has
 * compiled them, which matters for many small files, and SHA3-256 is several times faster than the
 * JDK 17's. BLAKE3 is not in OpenSSL.
 *
 * <p>An algorithm is used only after a known-answer test passes for it when the library is loaded
 * (empty input, "abc", and 1,000 bytes fed in uneven parts; a unit test checks the answers against the
 * JDK's digests); whatever fails it, or is missing (MD5 in a FIPS-only configuration), is hashed by the
 * JDK, with the same results.
 * Loaded only from an absolute path (see {@link SystemLibrary}): the system library folders, or
 * {@code -Dforensics.libcrypto=PATH}. Switched off with {@code -Dforensics.native.digests=false}.
 */
public final class OpenSslDigests {

  /** The system property that switches the native digests off. */
  public static final String PROPERTY = "forensics.native.digests";

  /** The system property that names libcrypto's file by its absolute path (on Windows, the only way). */
  public static final String LIBRARY_PROPERTY = "forensics.libcrypto";

  /** OpenSSL 3's library: Linux soname, macOS name. */
  private static final List<String> NAMES = List.of("libcrypto.so.3", "libcrypto.3.dylib");

  /** Where Homebrew and MacPorts keep OpenSSL 3 when it is not linked into their lib folder. */
  private static final List<String> MORE_DIRS =
      List.of("/opt/homebrew/opt/openssl@3/lib", "/usr/local/opt/openssl@3/lib", "/opt/local/libexec/openssl3/lib");

  /** The size of each thread's read buffer. */
  public static final int BUFFER = 128 << 10;

  private static final Cleaner CLEANER = Cleaner.create(r -> {
    Thread t = new Thread(r, "forensics-openssl-cleaner");
    t.setDaemon(true);
    return t;
  });

  private static final ThreadLocal<Session> SESSIONS = ThreadLocal.withInitial(Session::new);

  private OpenSslDigests() {}

  /** True when OpenSSL computes every one of these algorithms here. */
  public static boolean supportsAll(Collection<HashAlgorithm> algorithms) {
    long[] md = Holder.MD;
    if (md == null) {
      return false;
    }
    for (HashAlgorithm a : algorithms) {
      if (md[a.ordinal()] == 0) {
        return false;
      }
    }
    return true;
  }

  /** The algorithms OpenSSL computes here (empty when it is not used). */
  public static List<HashAlgorithm> algorithms() {
    List<HashAlgorithm> out = new ArrayList<>();
    for (HashAlgorithm a : HashAlgorithm.values()) {
      if (Holder.MD != null && Holder.MD[a.ordinal()] != 0) {
        out.add(a);
      }
    }
    return out;
  }

  /** OpenSSL's version text (such as "OpenSSL 3.0.17 1 Jul 2025"), or empty when it is not used. */
  public static Optional<String> version() {
    return Optional.ofNullable(Holder.VERSION);
  }

  /** Why OpenSSL is not used, or why some algorithms are not (empty when all five are). */
  public static Optional<String> unavailableReason() {
    return Optional.ofNullable(Holder.REASON);
  }

  /**
   * A session for the calling thread, to use in a try-with-resources statement: the thread's own (a
   * direct read buffer and one digest context per algorithm, reused from stream to stream), or a new one
   * while that is in use. Call only when {@link #supportsAll} holds for the algorithms to hash.
   */
  public static Session session() {
    Session s = SESSIONS.get();
    if (s.inUse) {
      s = new Session();
    }
    s.inUse = true;
    return s;
  }

  /**
   * One thread's digests of one stream at a time: {@link #start}, then read into {@link #buffer()} and
   * call {@link #update()} after each read, then {@link #finish()}; {@link #close()} hands it back. Not
   * thread-safe.
   */
  public static final class Session implements AutoCloseable {
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    private final long address = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    /** EVP_MD_CTX pointers by algorithm ordinal, created on first use; freed when the session is unreachable. */
    private final long[] contexts = new long[HashAlgorithm.values().length];
    private HashAlgorithm[] active = new HashAlgorithm[0];
    private boolean inUse;

    private Session() {
      long[] c = contexts;
      CLEANER.register(this, () -> {
        for (long ctx : c) {
          if (ctx != 0) {
            Crypto.EVP_MD_CTX_free(ctx);
          }
        }
      });
    }

    /** The buffer to read into; cleared by {@link #start} and {@link #update}. */
    public ByteBuffer buffer() {
      return buffer;
    }

    /** Begins a stream hashed with these algorithms (in this order). */
    public void start(List<HashAlgorithm> algorithms) {
      start(algorithms, Holder.MD);
    }

    private void start(List<HashAlgorithm> algorithms, long[] md) {
      active = algorithms.toArray(new HashAlgorithm[0]);
      for (HashAlgorithm a : active) {
        int i = a.ordinal();
        if (contexts[i] == 0) {
          contexts[i] = Crypto.EVP_MD_CTX_new();
          if (contexts[i] == 0) {
            throw new IllegalStateException("OpenSSL could not allocate a digest context");
          }
        }
        check(Crypto.EVP_DigestInit_ex2(contexts[i], md[i], 0), "EVP_DigestInit_ex2", a);
      }
      buffer.clear();
    }

    /** Hashes the bytes read into the buffer (from 0 to its position), then clears it. */
    public void update() {
      int n = buffer.position();
      if (n > 0) {
        for (HashAlgorithm a : active) {
          check(Crypto.EVP_DigestUpdate(contexts[a.ordinal()], address, n), "EVP_DigestUpdate", a);
        }
      }
      buffer.clear();
    }

    /** Completes the stream: its digests in {@link #start}'s order. */
    public byte[][] finish() {
      byte[][] out = new byte[active.length][];
      for (int k = 0; k < active.length; k++) {
        HashAlgorithm a = active[k];
        out[k] = new byte[a.lengthBytes()];
        check(Crypto.EVP_DigestFinal_ex(contexts[a.ordinal()], out[k], 0), "EVP_DigestFinal_ex", a);
      }
      return out;
    }

    /** Hands the session back for the thread's next stream (the contexts are kept). */
    @Override
    public void close() {
      inUse = false;
    }

    private static void check(int rc, String call, HashAlgorithm a) {
      if (rc != 1) {
        throw new IllegalStateException("OpenSSL's " + call + " failed for " + a.id());
      }
    }
  }

  /** OpenSSL's name of the algorithm; null for those it lacks (BLAKE3). */
  private static String opensslName(HashAlgorithm a) {
    switch (a) {
      case MD5:
        return "MD5";
      case SHA1:
        return "SHA1";
      case SHA256:
        return "SHA256";
      case SHA512:
        return "SHA512";
      case SHA3_256:
        return "SHA3-256";
      default:
        return null;
    }
  }

  /** Loads libcrypto once, on first use, and tests each algorithm against the JDK's. */
  private static final class Holder {
    static final long[] MD;
    static final String VERSION;
    static final String REASON;

    static {
      long[] md = null;
      String version = null;
      String reason;
      if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"))) {
        reason = "switched off (" + PROPERTY + "=false)";
      } else if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
        reason = "only used on 64-bit platforms";
      } else {
        try {
          NativeLibrary lib = NativeLibrary.getInstance(locate(System.getProperty(LIBRARY_PROPERTY), dirs()).toString());
          Native.register(Crypto.class, lib); // fails for OpenSSL before 3.0, which lacks EVP_MD_fetch
          version = Crypto.OpenSSL_version(0);
          md = new long[HashAlgorithm.values().length];
          List<String> failed = new ArrayList<>();
          for (HashAlgorithm a : HashAlgorithm.values()) {
            String name = opensslName(a);
            if (name != null) {
              md[a.ordinal()] = Crypto.EVP_MD_fetch(0, name, 0);
              if (md[a.ordinal()] == 0 || Crypto.EVP_MD_get_size(md[a.ordinal()]) != a.lengthBytes()) {
                md[a.ordinal()] = 0;
                failed.add(a.id() + " (not provided)");
              }
            }
          }
          selfTest(md, failed);
          reason = failed.isEmpty() ? null : "not used for " + String.join(", ", failed);
          if (Arrays.stream(md).allMatch(m -> m == 0)) {
            md = null;
            version = null;
          }
        } catch (LinkageError | RuntimeException e) {
          md = null;
          version = null;
          reason = "libcrypto 3 not loaded: " + e.getMessage();
        }
      }
      MD = md;
      VERSION = version;
      REASON = reason;
    }

    private static List<String> dirs() {
      List<String> d = new ArrayList<>(SystemLibrary.SYSTEM_DIRS);
      d.addAll(MORE_DIRS);
      return d;
    }

    /** Drops (to 0) every algorithm that fails the known-answer test. */
    private static void selfTest(long[] md, List<String> failed) {
      byte[][] inputs = knownAnswerInputs();
      Session s = new Session();
      for (HashAlgorithm a : HashAlgorithm.values()) {
        if (md[a.ordinal()] == 0) {
          continue;
        }
        String[] expected = knownAnswers(a);
        for (int k = 0; k < inputs.length; k++) {
          byte[] in = inputs[k];
          s.start(List.of(a), md);
          int[] cuts = {0, Math.min(in.length, 1), Math.min(in.length, 137), in.length};
          for (int c = 1; c < cuts.length; c++) {
            s.buffer().put(in, cuts[c - 1], cuts[c] - cuts[c - 1]);
            s.update();
          }
          if (!HexFormat.of().formatHex(s.finish()[0]).equals(expected[k])) {
            md[a.ordinal()] = 0;
            failed.add(a.id() + " (failed the known-answer test)");
            break;
          }
        }
      }
    }
  }

  /** The known-answer test's inputs: nothing, "abc", and 1,000 bytes (byte i is i * 31 + 7). */
  static byte[][] knownAnswerInputs() {
    byte[] thousand = new byte[1000];
    for (int i = 0; i < thousand.length; i++) {
      thousand[i] = (byte) (i * 31 + 7);
    }
    return new byte[][] {new byte[0], "abc".getBytes(StandardCharsets.US_ASCII), thousand};
  }

  /** The digests of {@link #knownAnswerInputs()} in hex, for each algorithm OpenSSL computes. */
  static String[] knownAnswers(HashAlgorithm a) {
    switch (a) {
      case MD5:
        return new String[] {
          "d41d8cd98f00b204e9800998ecf8427e", "900150983cd24fb0d6963f7d28e17f72", "2b1e78d5765de9e10495a01412a1cf22"};
      case SHA1:
        return new String[] {"da39a3ee5e6b4b0d3255bfef95601890afd80709", "a9993e364706816aba3e25717850c26c9cd0d89d",
          "414475341017ec91703435a6f290324818f983e9"};
      case SHA256:
        return new String[] {"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
          "5097e7d587352f5097062ae679f37bda5802d9f875aba14c8cb4d1a188ada179"};
      case SHA512:
        return new String[] {
          "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
              + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
          "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
              + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
          "b41d42e106eca6bf57123566b7ed1550c37d33af23afbfa8e302dfd44c988b30"
              + "03a26b4140ef42f535e66ea424e7c4a31616307269e6d520a6508f726da23d0a"};
      case SHA3_256:
        return new String[] {"a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a",
          "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
          "e9612e6ecfc2fc3c9467302e2563d3155906eaf49e0bb663e460791ef2fec839"};
      default:
        throw new IllegalArgumentException("OpenSSL has no " + a.id());
    }
  }

  /** libcrypto's file by an absolute path only, {@code given} or the first found in {@code dirs}; see {@link SystemLibrary}. */
  static java.nio.file.Path locate(String given, List<String> dirs) {
    return SystemLibrary.locate(given, LIBRARY_PROPERTY, NAMES, dirs);
  }

  /** JNA direct mapping of the libcrypto functions used; pointers are passed as 64-bit addresses. */
  private static final class Crypto {
    private Crypto() {}

    static native String OpenSSL_version(int type);

    static native long EVP_MD_fetch(long libctx, String algorithm, long properties);

    static native int EVP_MD_get_size(long md);

    static native long EVP_MD_CTX_new();

    static native void EVP_MD_CTX_free(long ctx);

    static native int EVP_DigestInit_ex2(long ctx, long md, long params);

    static native int EVP_DigestUpdate(long ctx, long data, long count);

    static native int EVP_DigestFinal_ex(long ctx, byte[] md, long size);
  }
}
