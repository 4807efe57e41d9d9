package dev.forensics.cli;

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
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
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
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamp authority for the CLI tests: its own CA, a TSA certificate with the critical
 * id-kp-timeStamping extended key usage, Bouncy Castle's token generator, served over HTTP on loopback
 * by the JDK's server.
 */
final class LocalTsa implements AutoCloseable {

  final X509Certificate ca;
  private final KeyPair tsaKeys;
  private final X509Certificate tsaCert;
  private final HttpServer server;
  private final AtomicLong serial = new AtomicLong(1);

  private LocalTsa(X509Certificate ca, KeyPair tsaKeys, X509Certificate tsaCert, HttpServer server) {
    this.ca = ca;
    this.tsaKeys = tsaKeys;
    this.tsaCert = tsaCert;
    this.server = server;
  }

  static LocalTsa start() throws Exception {
    KeyPair caKeys = ecKeys();
    long now = System.currentTimeMillis();
    X509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(new X500Name("CN=Lab CA"), BigInteger.ONE,
        new Date(now - 3_600_000L), new Date(now + 86_400_000L), new X500Name("CN=Lab CA"), caKeys.getPublic());
    cb.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    cb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
    X509Certificate ca = new JcaX509CertificateConverter().getCertificate(
        cb.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    KeyPair tsaKeys = ecKeys();
    X509v3CertificateBuilder tb = new JcaX509v3CertificateBuilder(ca, BigInteger.TWO,
        new Date(now - 3_600_000L), new Date(now + 86_400_000L), new X500Name("CN=Lab TSA"), tsaKeys.getPublic());
    tb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    tb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    tb.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    X509Certificate tsaCert = new JcaX509CertificateConverter().getCertificate(
        tb.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LocalTsa tsa = new LocalTsa(ca, tsaKeys, tsaCert, server);
    server.createContext("/tsa", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        byte[] reply;
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

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  /** Writes a certificate as PEM. */
  static Path writePem(X509Certificate cert, Path file) throws IOException {
    StringWriter sw = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
      w.writeObject(cert);
    }
    Files.writeString(file, sw.toString(), StandardCharsets.US_ASCII);
    return file;
  }

  /** A CA certificate that did not issue this TSA's certificate. */
  static X509Certificate otherCa() throws Exception {
    return start().closeAndGetCa();
  }

  private X509Certificate closeAndGetCa() {
    close();
    return ca;
  }

  private byte[] respond(TimeStampRequest request) throws Exception {
    SignerInfoGenerator sig = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", tsaKeys.getPrivate(), tsaCert);
    TimeStampTokenGenerator gen = new TimeStampTokenGenerator(sig,
        new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
        new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1"));
    gen.addCertificates(new JcaCertStore(List.of(tsaCert)));
    return new TimeStampResponseGenerator(gen, TSPAlgorithms.ALLOWED)
        .generate(request, BigInteger.valueOf(serial.getAndIncrement()), new Date()).getEncoded();
  }

  private static KeyPair ecKeys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
