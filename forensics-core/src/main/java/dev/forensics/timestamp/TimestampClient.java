package dev.forensics.timestamp;

import static dev.forensics.timestamp.TimestampVerificationException.Reason;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * Asks an RFC 3161 time-stamp authority over HTTP (RFC 3161 §3.4: POST {@code application/timestamp-query},
 * reply {@code application/timestamp-reply}) for a token over some data, typically a checkpoint's bytes.
 * The request carries the SHA-256 of the data, a random 64-bit nonce, and asks for the TSA certificate.
 * The reply is checked against the request (status granted, imprint, nonce) and the token is then verified
 * in full with a {@link TimestampVerifier}. Thread-safe.
 */
public final class TimestampClient {

  private final URI tsa;
  private final Duration timeout;
  private final TimestampVerifier verifier;
  private final HttpClient http;
  private final SecureRandom random = new SecureRandom();

  private TimestampClient(URI tsa, Duration timeout, TimestampVerifier verifier) {
    this.tsa = tsa;
    this.timeout = timeout;
    this.verifier = verifier;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * A client for the TSA at {@code tsa} (http or https) whose tokens must verify with {@code verifier}.
   *
   * @throws IllegalArgumentException when the URI is not http or https
   */
  public static TimestampClient of(URI tsa, Duration timeout, TimestampVerifier verifier) {
    Objects.requireNonNull(tsa, "tsa");
    if (!"http".equalsIgnoreCase(tsa.getScheme()) && !"https".equalsIgnoreCase(tsa.getScheme())) {
      throw new IllegalArgumentException("TSA URL must be http or https, got " + tsa);
    }
    return new TimestampClient(tsa, Objects.requireNonNull(timeout, "timeout"),
        Objects.requireNonNull(verifier, "verifier"));
  }

  /** A time-stamp token with what it verified to. */
  public record Stamp(byte[] token, VerifiedTimestamp timestamp) {
    /** Copies the token. */
    public Stamp {
      token = token.clone();
      Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public byte[] token() {
      return token.clone();
    }
  }

  /**
   * Requests and verifies a time stamp over {@code data}.
   *
   * @return the DER token (store it beside the data) and what it attests
   * @throws IOException when the TSA cannot be reached or answers with an HTTP error
   * @throws TimestampVerificationException when the TSA refuses, or its reply or token does not verify
   * @throws InterruptedException when interrupted while waiting for the TSA
   */
  public Stamp stamp(byte[] data) throws IOException, TimestampVerificationException, InterruptedException {
    byte[] hash = TimestampVerifier.digest("SHA-256", data);
    BigInteger nonce = new BigInteger(63, random);
    TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
    gen.setCertReq(true);
    TimeStampRequest request = gen.generate(NISTObjectIdentifiers.id_sha256, hash, nonce);

    HttpRequest post = HttpRequest.newBuilder(tsa)
        .timeout(timeout)
        .header("Content-Type", "application/timestamp-query")
        .header("Accept", "application/timestamp-reply")
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
        .build();
    HttpResponse<byte[]> reply = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
    if (reply.statusCode() != 200) {
      throw new IOException("TSA " + tsa + " answered HTTP " + reply.statusCode());
    }
    String type = reply.headers().firstValue("Content-Type").orElse("");
    if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/timestamp-reply")) {
      throw new IOException("TSA " + tsa + " answered with content type \"" + type
          + "\", expected application/timestamp-reply");
    }
    TimeStampResponse response;
    try {
      response = new TimeStampResponse(reply.body());
    } catch (TSPException | IOException | RuntimeException e) {
      throw new TimestampVerificationException(Reason.MALFORMED, "TSA reply is not an RFC 3161 response: "
          + e.getMessage(), e);
    }
    if (response.getTimeStampToken() == null) {
      throw new TimestampVerificationException(Reason.REJECTED, "TSA refused the request: status "
          + response.getStatus() + (response.getStatusString() == null ? "" : " " + response.getStatusString()));
    }
    byte[] token = response.getTimeStampToken().getEncoded();
    VerifiedTimestamp verified = verifier.verify(token, data, nonce);
    try {
      response.validate(request); // also checks the status, the policy and that the certificate was sent
    } catch (TSPException e) {
      throw new TimestampVerificationException(Reason.MALFORMED, "TSA reply does not match the request: "
          + e.getMessage(), e);
    }
    return new Stamp(token, verified);
  }
}
