package dev.forensics.exercise.files;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.util.Objects;

/**
 * Where an artifact was planted inside a file, for the answer key: what it is, its byte offset and
 * length in the file, and the SHA-256 of exactly those bytes.
 */
public record Plant(String description, long offset, long length, Digest sha256) {

  /** @throws IllegalArgumentException when the offset or length is negative or the digest is not SHA-256 */
  public Plant {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sha256, "sha256");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative: " + offset + ", " + length);
    }
    if (sha256.algorithm() != HashAlgorithm.SHA256) {
      throw new IllegalArgumentException("a plant is identified by SHA-256, got " + sha256.algorithm().id());
    }
  }
}
