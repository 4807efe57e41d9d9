package dev.forensics.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies signed notes against a fixed set of trusted Ed25519 {@link VerifierKey}s, following
 * c2sp.org/signed-note: signatures whose (key name, key ID) match no trusted key are ignored; a signature
 * from a trusted key that fails to verify rejects the whole note; a note with no verified signature from a
 * trusted key is rejected. Immutable and thread-safe.
 */
public final class NoteVerifier {

  /** X.509 SubjectPublicKeyInfo prefix of a raw Ed25519 public key (RFC 8410). */
  private static final byte[] SPKI_PREFIX = {
      0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

  private final Map<String, VerifierKey> keys;
  private final Map<String, PublicKey> publicKeys;

  private NoteVerifier(Map<String, VerifierKey> keys) {
    this.keys = keys;
    Map<String, PublicKey> pks = new LinkedHashMap<>();
    keys.forEach((id, k) -> pks.put(id, toPublicKey(k.publicKey())));
    this.publicKeys = Map.copyOf(pks);
  }

  /**
   * A verifier trusting exactly {@code trusted}.
   *
   * @throws IllegalArgumentException when two different keys share a name and key ID (ambiguous), or the
   *     collection is empty
   */
  public static NoteVerifier of(Collection<VerifierKey> trusted) {
    Map<String, VerifierKey> map = new LinkedHashMap<>();
    for (VerifierKey k : trusted) {
      VerifierKey old = map.putIfAbsent(id(k.name(), k.keyId()), k);
      if (old != null && !old.equals(k)) {
        throw new IllegalArgumentException("ambiguous key " + k.name() + "+" + k.keyIdHex());
      }
    }
    if (map.isEmpty()) {
      throw new IllegalArgumentException("a note verifier needs at least one trusted key");
    }
    return new NoteVerifier(Map.copyOf(map));
  }

  /** A verifier trusting exactly the given keys. */
  public static NoteVerifier of(VerifierKey... trusted) {
    return of(List.of(trusted));
  }

  /** The trusted keys. */
  public Collection<VerifierKey> trustedKeys() {
    return keys.values();
  }

  /**
   * Parses and verifies a signed note.
   *
   * @return the note (all its signature lines, verified or ignored)
   * @throws NoteParseException when the bytes are not a well-formed signed note
   * @throws NoteVerificationException when no trusted key signed it or a trusted key's signature is bad
   */
  public SignedNote open(byte[] note) throws NoteParseException, NoteVerificationException {
    SignedNote n = SignedNote.parse(note);
    verify(n);
    return n;
  }

  /**
   * Verifies a signed note.
   *
   * @return the signatures that verified under a trusted key (at least one), in note order
   * @throws NoteVerificationException with reason {@code UNKNOWN_KEY} when no signature is from a trusted
   *     key, {@code BAD_SIGNATURE} when a trusted key's signature does not verify
   */
  public List<NoteSignature> verify(SignedNote note) throws NoteVerificationException {
    Objects.requireNonNull(note, "note");
    byte[] msg = note.text().getBytes(StandardCharsets.UTF_8);
    List<NoteSignature> verified = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NoteSignature sig : note.signatures()) {
      String id = id(sig.keyName(), sig.keyId());
      VerifierKey key = keys.get(id);
      if (key == null) {
        continue;
      }
      if (!ed25519Verify(publicKeys.get(id), msg, sig.signature())) {
        throw new NoteVerificationException(NoteVerificationException.Reason.BAD_SIGNATURE,
            "invalid signature for key " + sig.keyName() + "+" + sig.keyIdHex());
      }
      if (seen.add(id)) {
        verified.add(sig);
      }
    }
    if (verified.isEmpty()) {
      List<String> found = note.signatures().stream().map(s -> s.keyName() + "+" + s.keyIdHex()).toList();
      throw new NoteVerificationException(NoteVerificationException.Reason.UNKNOWN_KEY,
          "note has no signature from a trusted key: signed by " + found + ", trusted "
              + keys.values().stream().map(k -> k.name() + "+" + k.keyIdHex()).sorted().toList());
    }
    return List.copyOf(verified);
  }

  private static PublicKey toPublicKey(byte[] rawPublicKey) {
    byte[] spki = new byte[SPKI_PREFIX.length + 32];
    System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
    System.arraycopy(rawPublicKey, 0, spki, SPKI_PREFIX.length, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (java.security.spec.InvalidKeySpecException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required by Java 15 and later", e);
    }
  }

  private static boolean ed25519Verify(PublicKey pk, byte[] msg, byte[] sig) {
    if (sig.length != 64) {
      return false;
    }
    try {
      Signature v = Signature.getInstance("Ed25519");
      v.initVerify(pk);
      v.update(msg);
      return v.verify(sig);
    } catch (java.security.SignatureException | java.security.InvalidKeyException e) {
      // a malformed signature or public key point is a failed verification, not an internal error
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required by Java 15 and later", e);
    }
  }

  private static String id(String name, int keyId) {
    return name + "+" + String.format("%08x", keyId);
  }
}
