package dev.forensics.custody.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.forensics.nativelib.SystemLibrary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * libsodium's Ed25519 verification, when the machine has libsodium 1.0.18 or later: about 1.65 times
 * faster than Bouncy Castle's on the project's 2-core machine (docs/performance.md). It is only ever used to <em>accept</em>
 * a signature quickly; whatever it rejects is decided by Bouncy Castle, so a ledger verifies the same
 * with or without it.
 *
 * <p>Why an acceptance here is always also Bouncy Castle's: libsodium accepts only when S is canonical
 * (also checked here, before the call, so that no build option of libsodium matters), the public key
 * is canonical and not of small order, and the encoding of [S]B - [k]A equals the signature's R byte
 * for byte. Then R is a canonical encoding of a point and the cofactorless equation holds, which
 * satisfies every check of Bouncy Castle's verification (the caller passes only keys that Bouncy
 * Castle's full public-key validation accepted). A property test compares both on valid, mutated and
 * non-canonical signatures.
 *
 * <p>Loaded only from an absolute path (see {@code load}). Switched off with the system property
 * {@code forensics.native.ed25519=false}.
 */
public final class NativeEd25519 {

  /** The system property that switches the native verification off. */
  public static final String PROPERTY = "forensics.native.ed25519";

  /** The system property that names libsodium's file by its absolute path (on Windows, the only way). */
  public static final String LIBRARY_PROPERTY = "forensics.libsodium";

  /** The group order L, little-endian, as in RFC 8032. */
  private static final byte[] ORDER = {
    (byte) 0xed, (byte) 0xd3, (byte) 0xf5, (byte) 0x5c, (byte) 0x1a, (byte) 0x63, (byte) 0x12, (byte) 0x58,
    (byte) 0xd6, (byte) 0x9c, (byte) 0xf7, (byte) 0xa2, (byte) 0xde, (byte) 0xf9, (byte) 0xde, (byte) 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0x10
  };

  /** libsodium 1.0.18 (soname 23), 1.0.19 and later (26), and the macOS names. */
  private static final List<String> NAMES =
      List.of("libsodium.so.23", "libsodium.so.26", "libsodium.so", "libsodium.26.dylib", "libsodium.23.dylib",
          "libsodium.dylib");

  private NativeEd25519() {}

  /** The libsodium version in use, or empty when verification is Bouncy Castle's alone. */
  public static Optional<String> version() {
    return Optional.ofNullable(Holder.VERSION);
  }

  /** Why libsodium is not used (empty when it is). */
  public static Optional<String> unavailableReason() {
    return Optional.ofNullable(Holder.REASON);
  }

  /**
   * True when libsodium is loaded and accepts {@code signature} (64 bytes) of {@code message} by the
   * raw 32-byte {@code publicKey}. False means "not accepted here": the caller must decide with Bouncy
   * Castle.
   */
  public static boolean accepts(byte[] signature, byte[] message, byte[] publicKey) {
    if (Holder.VERSION == null || signature.length != 64 || publicKey.length != 32 || !canonicalS(signature)) {
      return false;
    }
    return Sodium.crypto_sign_ed25519_verify_detached(signature, message, message.length, publicKey) == 0;
  }

  /** S (the signature's second half, little-endian) is below the group order. */
  static boolean canonicalS(byte[] signature) {
    for (int i = 31; i >= 0; i--) {
      int s = signature[32 + i] & 0xff;
      int l = ORDER[i] & 0xff;
      if (s != l) {
        return s < l;
      }
    }
    return false; // S == L
  }

  /** Loads libsodium once, on first use. */
  private static final class Holder {
    static final String VERSION;
    static final String REASON;

    static {
      String version = null;
      String reason;
      if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"))) {
        reason = "switched off (" + PROPERTY + "=false)";
      } else {
        try {
          NativeLibrary lib = load();
          Native.register(Sodium.class, lib);
          String v = Sodium.sodium_version_string();
          if (Sodium.sodium_init() < 0) {
            reason = "libsodium " + v + " failed to initialise";
          } else if (!atLeast(v, 1, 0, 18)) {
            reason = "libsodium " + v + " is older than 1.0.18";
          } else {
            version = v;
            reason = null;
          }
        } catch (LinkageError | RuntimeException e) {
          reason = "libsodium not loaded: " + e.getMessage();
        }
      }
      VERSION = version;
      REASON = reason;
    }

    private static NativeLibrary load() {
      return NativeLibrary.getInstance(locate(System.getProperty(LIBRARY_PROPERTY), SystemLibrary.SYSTEM_DIRS).toString());
    }
  }

  /** libsodium's file by an absolute path only, {@code given} or the first found in {@code dirs}; see {@link SystemLibrary}. */
  static Path locate(String given, List<String> dirs) {
    return SystemLibrary.locate(given, LIBRARY_PROPERTY, NAMES, dirs);
  }

  /** True when the dotted version {@code v} is at least major.minor.patch. */
  static boolean atLeast(String v, int major, int minor, int patch) {
    String[] p = v.trim().split("\\.");
    int[] want = {major, minor, patch};
    for (int i = 0; i < want.length; i++) {
      int have;
      try {
        have = i < p.length ? Integer.parseInt(p[i].replaceAll("[^0-9].*$", "")) : 0;
      } catch (NumberFormatException e) {
        return false;
      }
      if (have != want[i]) {
        return have > want[i];
      }
    }
    return true;
  }

  /** JNA direct mapping of the three libsodium functions used. */
  private static final class Sodium {
    private Sodium() {}

    static native int sodium_init();

    static native String sodium_version_string();

    static native int crypto_sign_ed25519_verify_detached(byte[] sig, byte[] m, long mlen, byte[] pk);
  }
}
