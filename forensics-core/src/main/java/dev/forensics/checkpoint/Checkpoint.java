package dev.forensics.checkpoint;

import dev.forensics.merkle.MerkleHash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The body of a C2SP tlog checkpoint (c2sp.org/tlog-checkpoint): origin line, decimal tree size, base64
 * root hash, then optional extension lines, each line ending in a newline. Immutable. A checkpoint binds
 * the three: whoever checks a proof against it checks origin, size and root.
 *
 * @param origin the log's identity, e.g. {@code forensics.example/case-2024-17}
 * @param size the number of leaves
 * @param root the RFC 9162 root hash of the first {@code size} leaves
 * @param extensions opaque non-empty extension lines (not recommended; usually empty)
 */
public record Checkpoint(String origin, long size, MerkleHash root, List<String> extensions) {

  /**
   * @throws IllegalArgumentException when the origin is empty or contains a newline or control character,
   *     the size is negative, or an extension line is empty or contains a newline
   */
  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(root, "root");
    checkLine(origin, "origin");
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative, got " + size);
    }
    extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
    for (String e : extensions) {
      checkLine(e, "extension line");
    }
  }

  /** A checkpoint without extension lines. */
  public static Checkpoint of(String origin, long size, MerkleHash root) {
    return new Checkpoint(origin, size, root, List.of());
  }

  /** The note text: {@code origin\nsize\nbase64(root)\n} and the extension lines. */
  public String body() {
    StringBuilder sb = new StringBuilder()
        .append(origin).append('\n')
        .append(size).append('\n')
        .append(root.base64()).append('\n');
    for (String e : extensions) {
      sb.append(e).append('\n');
    }
    return sb.toString();
  }

  /** This checkpoint signed by {@code signer} (the signer's key name should be the origin). */
  public SignedNote sign(NoteSigner signer) {
    return signer.signNote(body());
  }

  /**
   * Parses a checkpoint body strictly (the text of a signed note).
   *
   * @throws NoteParseException naming the line of the first problem
   */
  public static Checkpoint parse(String body) throws NoteParseException {
    return parse(body, 0);
  }

  static Checkpoint parse(String body, int linesBefore) throws NoteParseException {
    Objects.requireNonNull(body, "body");
    if (!body.endsWith("\n")) {
      throw new NoteParseException(linesBefore + SignedNote.lineAt(body, body.length()),
          "checkpoint text must end with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new NoteParseException(linesBefore + lines.length,
          "a checkpoint needs at least three lines (origin, size, root hash), got " + lines.length);
    }
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        throw new NoteParseException(linesBefore + i + 1, "empty line in checkpoint text");
      }
    }
    long size = parseDecimal(lines[1], linesBefore + 2, "tree size");
    byte[] root = SignedNote.decodeBase64(lines[2], linesBefore + 3, "root hash");
    if (root.length != MerkleHash.LENGTH) {
      throw new NoteParseException(linesBefore + 3,
          "root hash must be " + MerkleHash.LENGTH + " bytes, got " + root.length);
    }
    try {
      return new Checkpoint(lines[0], size, new MerkleHash(root),
          List.of(lines).subList(3, lines.length));
    } catch (IllegalArgumentException e) {
      throw new NoteParseException(linesBefore + 1, e.getMessage());
    }
  }

  /**
   * Verifies a signed checkpoint note and returns its checkpoint.
   *
   * @param note the signed note's bytes
   * @param expectedOrigin the origin the caller expects (the log it trusts)
   * @param verifier the trusted keys
   * @throws NoteParseException when the note or its checkpoint text is malformed
   * @throws NoteVerificationException when no trusted key signed it, a signature is bad, or the origin
   *     differs ({@code ORIGIN_MISMATCH})
   */
  public static Checkpoint open(byte[] note, String expectedOrigin, NoteVerifier verifier)
      throws NoteParseException, NoteVerificationException {
    return open(SignedNote.parse(note), expectedOrigin, verifier, 0);
  }

  static Checkpoint open(SignedNote n, String expectedOrigin, NoteVerifier verifier, int linesBefore)
      throws NoteParseException, NoteVerificationException {
    Objects.requireNonNull(expectedOrigin, "expectedOrigin");
    Checkpoint c = parse(n.text(), linesBefore);
    verifier.verify(n);
    if (!c.origin.equals(expectedOrigin)) {
      throw new NoteVerificationException(NoteVerificationException.Reason.ORIGIN_MISMATCH,
          "checkpoint origin \"" + c.origin + "\" is not the expected \"" + expectedOrigin + "\"");
    }
    return c;
  }

  /** Parses a base-10 number with no sign and no leading zeros (except "0"). */
  static long parseDecimal(String s, int line, String what) throws NoteParseException {
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9') || (s.length() > 1 && s.charAt(0) == '0')) {
      throw new NoteParseException(line, what + " must be a decimal number without leading zeros, got \"" + s + "\"");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new NoteParseException(line, what + " is too large: " + s);
    }
  }

  private static void checkLine(String s, String what) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 0x20) {
        throw new IllegalArgumentException(what + " must not contain newlines or control characters");
      }
    }
  }

  /** The body as UTF-8 bytes (what an RFC 3161 timestamp or a signature covers). */
  public byte[] bodyBytes() {
    return body().getBytes(StandardCharsets.UTF_8);
  }
}
