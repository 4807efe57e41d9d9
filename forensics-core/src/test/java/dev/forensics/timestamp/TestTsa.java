package dev.forensics.timestamp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A local RFC 3161 TSA for tests: a self-made CA, a TSA certificate with the critical id-kp-timeStamping
 * EKU, Bouncy Castle's TimeStampTokenGenerator, served by the JDK HTTP server on loopback. Also used by the
 * command line's tests (forensics-core's test jar).
 */
public final class TestTsa implements AutoCloseable {

  static final String POLICY = "1.3.6.1.4.1.99999.1.1";

  final KeyPair caKeys;
  public final X509Certificate ca;
  final KeyPair tsaKeys;
  final X509Certificate tsaCert;
  private final HttpServer server;
  private final AtomicLong serial = new AtomicLong(1);

  private TestTsa(KeyPair caKeys, X509Certificate ca, KeyPair tsaKeys, X509Certificate tsaCert, HttpServer server) {
    this.caKeys = caKeys;
    this.ca = ca;
    this.tsaKeys = tsaKeys;
    this.tsaCert = tsaCert;
    this.server = server;
  }

  /** A TSA listening on a free loopback port; close it to stop it. */
  public static TestTsa start() throws Exception {
    KeyPair caKeys = ecKeys();
    X509Certificate ca = caCertificate("CN=Test Forensics CA", caKeys);
    KeyPair tsaKeys = ecKeys();
    X509Certificate tsaCert = issue("CN=Test TSA", tsaKeys, ca, caKeys.getPrivate(), true, true);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    TestTsa tsa = new TestTsa(caKeys, ca, tsaKeys, tsaCert, server);
    server.createContext("/tsa", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        byte[] reply;
        if (!"POST".equals(exchange.getRequestMethod())
            || !"application/timestamp-query".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
          exchange.sendResponseHeaders(400, -1);
          return;
        }
        try {
          reply = tsa.respond(new TimeStampRequest(in.readAllBytes()));
        } catch (Exception e) {
          exchange.sendResponseHeaders(500, -1);
          return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
        exchange.sendResponseHeaders(200, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply);
        }
      } finally {
        exchange.close();
      }
    });
    server.start();
    return tsa;
  }

  /** Where the TSA takes time-stamp requests. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  byte[] respond(TimeStampRequest request) throws Exception {
    SignerInfoGenerator sig = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", tsaKeys.getPrivate(), tsaCert);
    TimeStampTokenGenerator gen = new TimeStampTokenGenerator(sig,
        new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
        new ASN1ObjectIdentifier(POLICY));
    gen.addCertificates(new JcaCertStore(List.of(tsaCert)));
    TimeStampResponseGenerator resp = new TimeStampResponseGenerator(gen, TSPAlgorithms.ALLOWED);
    return resp.generate(request, BigInteger.valueOf(serial.getAndIncrement()), new Date()).getEncoded();
  }

  /** A token signed by {@code key} for {@code cert} without Bouncy Castle's EKU check (to forge bad tokens). */
  static byte[] rawToken(byte[] hash, BigInteger nonce, PrivateKey key, X509Certificate cert) throws Exception {
    TSTInfo info = new TSTInfo(new ASN1ObjectIdentifier(POLICY),
        new MessageImprint(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash),
        new ASN1Integer(7), new ASN1GeneralizedTime(new Date()), null, null,
        nonce == null ? null : new ASN1Integer(nonce), null, null);
    byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
    Attribute signingCert = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certHash)})));
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    SignerInfoGenerator sig = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
        .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(signingCert)))
        .build(signer, cert);
    CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
    gen.addSignerInfoGenerator(sig);
    gen.addCertificates(new JcaCertStore(List.of(cert)));
    CMSSignedData sd = gen.generate(
        new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo, info.getEncoded(ASN1Encoding.DER)), true);
    return sd.getEncoded(ASN1Encoding.DER);
  }

  /** A fresh P-256 key pair. */
  public static KeyPair ecKeys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  /** A self-signed CA certificate. */
  public static X509Certificate caCertificate(String dn, KeyPair keys) throws Exception {
    long now = System.currentTimeMillis();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(dn), BigInteger.ONE,
        new Date(now - 3_600_000L), new Date(now + 86_400_000L * 365), new X500Name(dn), keys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }

  /** A leaf certificate issued by {@code issuer}; with or without the time-stamping EKU, critical or not. */
  static X509Certificate issue(String dn, KeyPair keys, X509Certificate issuer, PrivateKey issuerKey,
      boolean timeStampingEku, boolean critical) throws Exception {
    long now = System.currentTimeMillis();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now),
        new Date(now - 3_600_000L), new Date(now + 86_400_000L * 30), new X500Name(dn), keys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    if (timeStampingEku) {
      b.addExtension(Extension.extendedKeyUsage, critical, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    } else {
      b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
    }
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }

  /** Writes a certificate as PEM; gives {@code file}. */
  public static Path writePem(X509Certificate cert, Path file) throws IOException {
    StringWriter sw = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
      w.writeObject(cert);
    }
    Files.writeString(file, sw.toString(), StandardCharsets.US_ASCII);
    return file;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
