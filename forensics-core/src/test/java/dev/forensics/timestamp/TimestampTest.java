package dev.forensics.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.checkpoint.Checkpoint;
import dev.forensics.merkle.MerkleTree;
import dev.forensics.timestamp.TimestampVerificationException.Reason;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 3161 time stamps over checkpoint bytes, against an in-process TSA on loopback. */
class TimestampTest {

  static TestTsa tsa;
  static TimestampVerifier verifier;
  static byte[] checkpoint;

  @BeforeAll
  static void start() throws Exception {
    tsa = TestTsa.start();
    verifier = TimestampVerifier.of(tsa.ca);
    MerkleTree tree = MerkleTree.create();
    tree.append("seized laptop, exhibit 3\n".getBytes(StandardCharsets.UTF_8));
    checkpoint = Checkpoint.of("forensics.example/case-17", 1, tree.root()).bodyBytes();
  }

  @AfterAll
  static void stop() {
    tsa.close();
  }

  static TimestampClient client() {
    return TimestampClient.of(tsa.uri(), Duration.ofSeconds(10), verifier);
  }

  @Test
  void stamp_overHttp_verifies() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    TimestampClient.Stamp s = client().stamp(checkpoint);
    VerifiedTimestamp t = s.timestamp();
    assertThat(t.time()).isBetween(before, Instant.now().plusSeconds(1));
    assertThat(t.policy()).isEqualTo(TestTsa.POLICY);
    assertThat(t.hashAlgorithm()).isEqualTo("SHA-256");
    assertThat(t.tsaSubject()).isEqualTo("CN=Test TSA");
    assertThat(t.nonce()).isNotNull();
    // the stored token verifies later, with and without the nonce
    assertThat(verifier.verify(s.token(), checkpoint, null)).isEqualTo(t);
    assertThat(verifier.verify(s.token(), checkpoint, t.nonce())).isEqualTo(t);
  }

  @Test
  void wrongImprint_rejected() throws Exception {
    byte[] token = client().stamp(checkpoint).token();
    byte[] other = checkpoint.clone();
    other[other.length - 2] ^= 1;
    assertReason(() -> verifier.verify(token, other, null), Reason.IMPRINT_MISMATCH);
  }

  @Test
  void wrongNonce_rejected() throws Exception {
    TimestampClient.Stamp s = client().stamp(checkpoint);
    assertReason(() -> verifier.verify(s.token(), checkpoint, s.timestamp().nonce().add(BigInteger.ONE)),
        Reason.NONCE_MISMATCH);
  }

  @Test
  void otherTrustAnchor_rejected() throws Exception {
    byte[] token = client().stamp(checkpoint).token();
    KeyPair otherKeys = TestTsa.ecKeys();
    X509Certificate otherCa = TestTsa.caCertificate("CN=Other CA", otherKeys);
    TimestampVerifier other = TimestampVerifier.of(otherCa);
    assertReason(() -> other.verify(token, checkpoint, null), Reason.UNTRUSTED_CERTIFICATE);
    // and the client refuses a TSA that the verifier does not trust
    assertReason(() -> TimestampClient.of(tsa.uri(), Duration.ofSeconds(10), other).stamp(checkpoint),
        Reason.UNTRUSTED_CERTIFICATE);
  }

  @Test
  void certificateWithoutTimeStampingEku_rejected() throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(checkpoint);
    KeyPair keys = TestTsa.ecKeys();
    X509Certificate codeSigning = TestTsa.issue("CN=Not a TSA", keys, tsa.ca, tsa.caKeys.getPrivate(), false, true);
    byte[] token = TestTsa.rawToken(hash, null, keys.getPrivate(), codeSigning);
    assertThatThrownBy(() -> verifier.verify(token, checkpoint, null))
        .isInstanceOfSatisfying(TimestampVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_TSA_CERTIFICATE))
        .hasMessage("certificate CN=Not a TSA must have exactly the extended key usage id-kp-timeStamping, "
            + "has [1.3.6.1.5.5.7.3.3]");
    X509Certificate nonCritical = TestTsa.issue("CN=Lax TSA", keys, tsa.ca, tsa.caKeys.getPrivate(), true, false);
    byte[] token2 = TestTsa.rawToken(hash, null, keys.getPrivate(), nonCritical);
    assertThatThrownBy(() -> verifier.verify(token2, checkpoint, null))
        .isInstanceOfSatisfying(TimestampVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_TSA_CERTIFICATE))
        .hasMessage("certificate CN=Lax TSA has id-kp-timeStamping but its extended key usage is not critical");
  }

  @Test
  void handMadeToken_withGoodCertificate_verifies() throws Exception {
    // the forging helper itself produces acceptable tokens, so the rejections above are due to the certificate
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(checkpoint);
    byte[] token = TestTsa.rawToken(hash, BigInteger.TEN, tsa.tsaKeys.getPrivate(), tsa.tsaCert);
    assertThat(verifier.verify(token, checkpoint, BigInteger.TEN).nonce()).isEqualTo(BigInteger.TEN);
  }

  @Test
  void tokenSignedByWrongKey_rejected() throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(checkpoint);
    byte[] token = TestTsa.rawToken(hash, null, TestTsa.ecKeys().getPrivate(), tsa.tsaCert);
    assertReason(() -> verifier.verify(token, checkpoint, null), Reason.BAD_SIGNATURE);
  }

  @Test
  void notAToken_malformed() {
    assertReason(() -> verifier.verify(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, checkpoint, null), Reason.MALFORMED);
    assertReason(() -> verifier.verify(checkpoint, checkpoint, null), Reason.MALFORMED);
  }

  @Test
  void alteredToken_signedBytesRejected_otherBytesChangeNothing() throws Exception {
    TimestampClient.Stamp s = client().stamp(checkpoint);
    byte[] token = s.token();
    TimeStampToken parsed = new TimeStampToken(new CMSSignedData(token));
    byte[] tstInfo = parsed.getTimeStampInfo().getEncoded();
    SignerInformation si = parsed.toCMSSignedData().getSignerInfos().getSigners().iterator().next();
    int[] content = range(token, tstInfo);
    int[] signature = range(token, si.getSignature());
    byte[] attrs = si.getEncodedSignedAttributes(); // a SET; in the token it is tagged [0] instead
    int[] signedAttrs = range(token, Arrays.copyOfRange(attrs, 1, attrs.length));
    int rejected = 0;
    int tried = 0;
    for (int i = 0; i < token.length; i++) {
      // every byte of the time-stamp info and the signature, a sample of the rest (each try costs a PKIX build)
      boolean sample = in(i, content) || in(i, signature) || (in(i, signedAttrs) ? i % 3 == 0 : i % 16 == 0);
      if (!sample) {
        continue;
      }
      tried++;
      byte[] m = token.clone();
      m[i] ^= 0x01;
      try {
        VerifiedTimestamp t = verifier.verify(m, checkpoint, null);
        // accepted: the byte must lie outside everything the signature covers, and the result is unchanged
        assertThat(in(i, content) || in(i, signature) || in(i, signedAttrs))
            .as("mutation at %d inside signed data was accepted", i).isFalse();
        assertThat(t).isEqualTo(s.timestamp());
      } catch (TimestampVerificationException e) {
        rejected++;
      }
    }
    assertThat(rejected).isGreaterThan(tried * 9 / 10);
  }

  private static int[] range(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return new int[] {i, i + needle.length};
      }
    }
    throw new AssertionError("not found in token");
  }

  private static boolean in(int i, int[] r) {
    return i >= r[0] && i < r[1];
  }

  interface Call {
    void run() throws Exception;
  }

  static void assertReason(Call c, Reason reason) {
    assertThatThrownBy(c::run).isInstanceOfSatisfying(TimestampVerificationException.class,
        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
  }
}
