package dev.forensics.timestamp;

import static dev.forensics.timestamp.TimestampVerificationException.Reason;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.Selector;

/**
 * Verifies RFC 3161 time-stamp tokens over given data against fixed trust anchors. Checks, each
 * explicitly: the message imprint is the hash of the data; the nonce, when one is expected; the TSA
 * certificate is in the token, matches the signer, and has a critical extended key usage of exactly
 * id-kp-timeStamping (RFC 3161 §2.3); the CMS signature and signing-certificate attribute verify; the
 * certificate chains to a trust anchor (PKIX, evaluated at the token's time). Revocation is not checked
 * (offline labs have no OCSP or CRL access). Immutable and thread-safe.
 */
public final class TimestampVerifier {

  /** id-kp-timeStamping. */
  static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  private static final Map<String, String> DIGESTS = Map.of(
      NISTObjectIdentifiers.id_sha256.getId(), "SHA-256",
      NISTObjectIdentifiers.id_sha384.getId(), "SHA-384",
      NISTObjectIdentifiers.id_sha512.getId(), "SHA-512");

  private final Set<TrustAnchor> anchors;

  private TimestampVerifier(Set<TrustAnchor> anchors) {
    this.anchors = anchors;
  }

  /** A verifier trusting TSAs whose certificates chain to one of {@code trustAnchors}. */
  public static TimestampVerifier of(Collection<X509Certificate> trustAnchors) {
    Set<TrustAnchor> set = new java.util.HashSet<>();
    for (X509Certificate c : trustAnchors) {
      set.add(new TrustAnchor(Objects.requireNonNull(c, "trust anchor"), null));
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException("a timestamp verifier needs at least one trust anchor");
    }
    return new TimestampVerifier(Set.copyOf(set));
  }

  /** A verifier trusting TSAs whose certificates chain to {@code trustAnchor}. */
  public static TimestampVerifier of(X509Certificate trustAnchor) {
    return of(List.of(trustAnchor));
  }

  /**
   * Verifies {@code token} (DER CMS SignedData) as a time stamp over {@code data}.
   *
   * @param expectedNonce the nonce sent in the request, or {@code null} to skip the nonce check (for
   *     a token read back from storage)
   * @throws TimestampVerificationException naming the reason
   */
  public VerifiedTimestamp verify(byte[] token, byte[] data, BigInteger expectedNonce)
      throws TimestampVerificationException {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(data, "data");
    TimeStampToken tst = parse(token);
    try {
      return verify(tst, data, expectedNonce);
    } catch (RuntimeException e) {
      // Bouncy Castle decodes certificates and attributes lazily and reports damage as runtime exceptions
      throw new TimestampVerificationException(Reason.MALFORMED, "malformed time-stamp token: " + e, e);
    }
  }

  private VerifiedTimestamp verify(TimeStampToken tst, byte[] data, BigInteger expectedNonce)
      throws TimestampVerificationException {
    TimeStampTokenInfo info = tst.getTimeStampInfo();

    String oid = info.getMessageImprintAlgOID().getId();
    String alg = DIGESTS.get(oid);
    if (alg == null) {
      throw new TimestampVerificationException(Reason.IMPRINT_MISMATCH,
          "message imprint uses unsupported hash algorithm " + oid + " (expected SHA-256, SHA-384 or SHA-512)");
    }
    byte[] calculated = digest(alg, data);
    if (!MessageDigest.isEqual(calculated, info.getMessageImprintDigest())) {
      throw new TimestampVerificationException(Reason.IMPRINT_MISMATCH, "message imprint does not match the data: "
          + alg + " calculated " + hex(calculated) + ", token " + hex(info.getMessageImprintDigest()));
    }
    if (expectedNonce != null && !expectedNonce.equals(info.getNonce())) {
      throw new TimestampVerificationException(Reason.NONCE_MISMATCH,
          "nonce does not match: sent " + expectedNonce + ", token " + info.getNonce());
    }

    X509Certificate cert = signerCertificate(tst);
    checkTimeStampingUsage(cert);
    try {
      tst.validate(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
    } catch (TSPException | OperatorCreationException e) {
      throw new TimestampVerificationException(Reason.BAD_SIGNATURE,
          "time-stamp token signature does not verify: " + e.getMessage(), e);
    }
    checkChain(tst, cert, info.getGenTime());
    return new VerifiedTimestamp(info.getGenTime().toInstant(), info.getSerialNumber(), info.getPolicy().getId(),
        alg, info.getNonce(), cert.getSubjectX500Principal().getName(X500Principal.RFC2253));
  }

  static TimeStampToken parse(byte[] token) throws TimestampVerificationException {
    try {
      return new TimeStampToken(new CMSSignedData(token));
    } catch (CMSException | TSPException | IOException | RuntimeException e) {
      throw new TimestampVerificationException(Reason.MALFORMED,
          "not an RFC 3161 time-stamp token: " + e.getMessage(), e);
    }
  }

  private static X509Certificate signerCertificate(TimeStampToken tst) throws TimestampVerificationException {
    @SuppressWarnings("unchecked")
    Selector<X509CertificateHolder> sid = (Selector<X509CertificateHolder>) (Selector<?>) tst.getSID();
    Collection<X509CertificateHolder> matches = tst.getCertificates().getMatches(sid);
    if (matches.isEmpty()) {
      throw new TimestampVerificationException(Reason.NO_CERTIFICATE,
          "the token carries no certificate of its signer (request it with certReq)");
    }
    return toX509(matches.iterator().next());
  }

  /** RFC 3161 §2.3: exactly one extended key usage, id-kp-timeStamping, in a critical extension. */
  static void checkTimeStampingUsage(X509Certificate cert) throws TimestampVerificationException {
    List<String> eku;
    try {
      eku = cert.getExtendedKeyUsage();
    } catch (CertificateException e) {
      throw new TimestampVerificationException(Reason.NOT_A_TSA_CERTIFICATE,
          "cannot read the TSA certificate's extended key usage", e);
    }
    Set<String> critical = cert.getCriticalExtensionOIDs();
    String subject = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
    if (eku == null || !eku.equals(List.of(TIME_STAMPING))) {
      throw new TimestampVerificationException(Reason.NOT_A_TSA_CERTIFICATE, "certificate " + subject
          + " must have exactly the extended key usage id-kp-timeStamping, has " + (eku == null ? "none" : eku));
    }
    if (critical == null || !critical.contains(EXTENDED_KEY_USAGE)) {
      throw new TimestampVerificationException(Reason.NOT_A_TSA_CERTIFICATE,
          "certificate " + subject + " has id-kp-timeStamping but its extended key usage is not critical");
    }
  }

  private void checkChain(TimeStampToken tst, X509Certificate cert, java.util.Date at)
      throws TimestampVerificationException {
    try {
      List<X509Certificate> pool = new ArrayList<>();
      for (Object o : tst.getCertificates().getMatches(null)) {
        pool.add(toX509((X509CertificateHolder) o));
      }
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(cert);
      PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
      params.setRevocationEnabled(false);
      params.setDate(at);
      params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
      CertPathBuilder.getInstance("PKIX").build(params);
    } catch (GeneralSecurityException e) {
      throw new TimestampVerificationException(Reason.UNTRUSTED_CERTIFICATE, "TSA certificate "
          + cert.getSubjectX500Principal().getName(X500Principal.RFC2253)
          + " does not chain to a trust anchor at " + at.toInstant() + ": " + e.getMessage(), e);
    }
  }

  private static X509Certificate toX509(X509CertificateHolder h) throws TimestampVerificationException {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(h.getEncoded()));
    } catch (CertificateException | IOException e) {
      throw new TimestampVerificationException(Reason.MALFORMED, "unreadable certificate in the token", e);
    }
  }

  static byte[] digest(String alg, byte[] data) {
    try {
      return MessageDigest.getInstance(alg).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(alg + " is required by every Java platform", e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
