package dev.forensics.exercise.files;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One generated file: its kind, the label it was drawn for, its bytes, their SHA-256 and the scenario
 * time it carries as its modification time. Immutable; the bytes are copied in and out.
 */
public record GeneratedFile(FileKind kind, String label, byte[] content, Instant modified) {

  /** @throws NullPointerException when a part is missing */
  public GeneratedFile {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(modified, "modified");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The size in bytes. */
  public int size() {
    return content.length;
  }

  /** The SHA-256 of the content. */
  public Digest sha256() {
    return sha256(content, 0, content.length);
  }

  /** Writes the content to a stream. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(content);
  }

  /**
   * Writes the content to a new file and sets its modification time to {@link #modified()}.
   *
   * @throws java.nio.file.FileAlreadyExistsException when the file exists (nothing is overwritten)
   */
  public void writeTo(Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
      out.write(content);
    }
    Files.setLastModifiedTime(target, FileTime.from(modified));
  }

  static Digest sha256(byte[] data, int offset, int length) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(data, offset, length);
      return new Digest(HashAlgorithm.SHA256, md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeneratedFile f && f.kind == kind && f.label.equals(label)
        && f.modified.equals(modified) && Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, label, modified) * 31 + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "GeneratedFile[" + kind + " " + label + ", " + content.length + " bytes, " + modified + "]";
  }
}
