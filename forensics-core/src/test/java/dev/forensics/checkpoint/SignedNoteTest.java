package dev.forensics.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.checkpoint.NoteVerificationException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signed notes against Go's golang.org/x/mod/sumdb/note test vectors and real sum.golang.org checkpoints. */
class SignedNoteTest {

  // golang.org/x/mod sumdb/note/note_test.go
  static final String PETER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String PETER_PRIVATE = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  static final String TEXT = "If you think cryptography is the answer to your problem,\n"
      + "then you don't know what your problem is.\n";
  static final String PETER_SIG = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  static final String ENOCH_SIG = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
  static final String SUMDB_KEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void goSigner_signsExactlyLikeGo() throws Exception {
    NoteSigner signer = NoteSigner.parse(PETER_PRIVATE);
    assertThat(signer.verifierKey().encode()).isEqualTo(PETER_KEY);
    assertThat(signer.signNote(TEXT).encode()).isEqualTo(TEXT + "\n" + PETER_SIG);
    assertThat(signer.encodePrivateKey()).isEqualTo(PETER_PRIVATE);
  }

  @Test
  void goNote_verifies_unknownSignerIgnored() throws Exception {
    NoteVerifier peter = NoteVerifier.of(VerifierKey.parse(PETER_KEY));
    SignedNote n = peter.open(utf8(TEXT + "\n" + PETER_SIG + ENOCH_SIG));
    assertThat(n.text()).isEqualTo(TEXT);
    assertThat(n.signatures()).hasSize(2);
    assertThat(peter.verify(n)).extracting(NoteSignature::keyName).containsExactly("PeterNeumann");
    NoteVerifier both = NoteVerifier.of(VerifierKey.parse(PETER_KEY), VerifierKey.parse(ENOCH_KEY));
    assertThat(both.verify(n)).extracting(NoteSignature::keyIdHex).containsExactly("c74f20a3", "af0cfe78");
  }

  @Test
  void goNote_noTrustedSigner_unknownKey() throws Exception {
    NoteVerifier enoch = NoteVerifier.of(VerifierKey.parse(ENOCH_KEY));
    assertThatThrownBy(() -> enoch.open(utf8(TEXT + "\n" + PETER_SIG)))
        .isInstanceOfSatisfying(NoteVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY))
        .hasMessage("note has no signature from a trusted key: signed by [PeterNeumann+c74f20a3], "
            + "trusted [EnochRoot+af0cfe78]");
  }

  @Test
  void goNote_invalidSignature_badSignature() throws Exception {
    NoteVerifier peter = NoteVerifier.of(VerifierKey.parse(PETER_KEY));
    String bad = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
    assertThatThrownBy(() -> peter.open(utf8(TEXT + "\n" + bad)))
        .isInstanceOfSatisfying(NoteVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
        .hasMessage("invalid signature for key PeterNeumann+c74f20a3");
  }

  @Test
  void goMalformedNotes_rejected() {
    String[] bad = {
        TEXT,
        TEXT + "\n",
        TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
        "\u0001" + TEXT + "\n" + PETER_SIG,
        TEXT + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
        TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
        TEXT + "\n" + PETER_SIG.repeat(101),
    };
    for (String b : bad) {
      assertThatThrownBy(() -> SignedNote.parse(utf8(b))).as(b).isInstanceOf(NoteParseException.class);
    }
    byte[] ff = utf8("x" + TEXT + "\n" + PETER_SIG);
    ff[0] = (byte) 0xff;
    assertThatThrownBy(() -> SignedNote.parse(ff)).hasMessage("line 1: not valid UTF-8 at byte offset 0");
  }

  @Test
  void parseErrors_nameTheLine() {
    assertThatThrownBy(() -> SignedNote.parse(utf8(TEXT + "\n" + PETER_SIG + "Unexpected line.\n")))
        .isInstanceOfSatisfying(NoteParseException.class, e -> assertThat(e.line()).isEqualTo(5))
        .hasMessage("line 5: a signature line must start with an em dash (U+2014) and a space");
    assertThatThrownBy(() -> SignedNote.parse(utf8(TEXT + "\n— PeterNeumann x08go/Z!\n")))
        .hasMessageStartingWith("line 4: signature is not valid base64");
    assertThatThrownBy(() -> SignedNote.parse(utf8(TEXT + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n")))
        .hasMessage("line 4: signature is not canonical padded base64 (RFC 4648 §4)");
    assertThatThrownBy(() -> SignedNote.parse(utf8("a\tb\n\n" + PETER_SIG)))
        .hasMessage("line 1: control character U+0009 is not allowed in a signed note");
  }

  @Test
  void verifierKey_goManglings_rejected() {
    // golang.org/x/mod sumdb/note TestNewVerifier: every proper substring and every byte incremented
    byte[] b = utf8(PETER_KEY);
    for (int i = 0; i <= b.length; i++) {
      for (int j = i + 1; j <= b.length; j++) {
        if (i != 0 || j != b.length) {
          String k = new String(b, i, j - i, StandardCharsets.UTF_8);
          assertThatThrownBy(() -> VerifierKey.parse(k)).as(k).isInstanceOf(NoteParseException.class);
        }
      }
    }
    for (int i = 0; i < b.length; i++) {
      b[i]++;
      String k = new String(b, StandardCharsets.UTF_8);
      assertThatThrownBy(() -> VerifierKey.parse(k)).as(k).isInstanceOf(NoteParseException.class);
      b[i]--;
    }
    assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
        .isInstanceOf(NoteParseException.class);
    assertThatThrownBy(() -> VerifierKey.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .isInstanceOf(NoteParseException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"15368405", "3784599", "63096908", "59045944", "445646", "63512409", "10680630"})
  void sumGolangOrgCheckpoint_verifies(String size) throws Exception {
    byte[] note = resource("sumdb-" + size + ".note");
    NoteVerifier v = NoteVerifier.of(VerifierKey.parse(SUMDB_KEY));
    Checkpoint c = Checkpoint.open(note, "go.sum database tree", v);
    assertThat(c.size()).isEqualTo(Long.parseLong(size));
    assertThat(SignedNote.parse(note).toBytes()).isEqualTo(note);
    assertThatThrownBy(() -> Checkpoint.open(note, "sum.golang.org", v))
        .isInstanceOfSatisfying(NoteVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ORIGIN_MISMATCH));
  }

  @Test
  void tamper_everyByteOfSignedCheckpoint_rejected() throws Exception {
    byte[] note = resource("sumdb-445646.note");
    NoteVerifier v = NoteVerifier.of(VerifierKey.parse(SUMDB_KEY));
    assertTamperRejected(note, v);
  }

  @Test
  void tamper_everyByteOfGoNote_rejected() throws Exception {
    byte[] note = utf8(TEXT + "\n" + PETER_SIG);
    NoteVerifier v = NoteVerifier.of(VerifierKey.parse(PETER_KEY));
    assertTamperRejected(note, v);
  }

  /** Flips each bit pattern 0x01 and 0x80 of every byte; each mutation must fail to parse or to verify. */
  static void assertTamperRejected(byte[] note, NoteVerifier v) {
    for (int i = 0; i < note.length; i++) {
      for (int mask : new int[] {0x01, 0x80}) {
        byte[] m = note.clone();
        m[i] ^= (byte) mask;
        int at = i;
        assertThatThrownBy(() -> v.open(m))
            .as("mutation at byte %d mask %x", at, mask)
            .isInstanceOfAny(NoteParseException.class, NoteVerificationException.class);
      }
    }
  }

  @Test
  void generatedSigner_roundTrips() throws Exception {
    NoteSigner s = NoteSigner.generate("forensics.example/case-17", new SecureRandom());
    SignedNote n = s.signNote("hello\n");
    NoteVerifier v = NoteVerifier.of(VerifierKey.parse(s.verifierKey().encode()));
    assertThat(v.open(n.toBytes())).isEqualTo(n);
    NoteSigner again = NoteSigner.parse(s.encodePrivateKey());
    assertThat(again.verifierKey()).isEqualTo(s.verifierKey());
    assertThat(again.toString()).doesNotContain(s.encodePrivateKey().substring(40));
    // two signers, one trusted: still verifies; the other ignored
    NoteSigner other = NoteSigner.generate("witness.example", new SecureRandom());
    assertThat(v.verify(n.withSignature(other.sign("hello\n")))).hasSize(1);
  }

  @Test
  void signer_rejectsInvalidText() {
    NoteSigner s = NoteSigner.generate("k", new SecureRandom());
    assertThatThrownBy(() -> s.sign("no newline")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.sign("bell\u0007\n")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoteSigner.generate("a+b", new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoteSigner.generate("a b", new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verifier_ambiguousKeys_rejected() throws Exception {
    VerifierKey a = VerifierKey.parse(PETER_KEY);
    assertThat(NoteVerifier.of(a, a).trustedKeys()).hasSize(1);
    assertThatThrownBy(() -> NoteVerifier.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = SignedNoteTest.class.getResourceAsStream("/checkpoint/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource /checkpoint/" + name);
      }
      return in.readAllBytes();
    }
  }
}
