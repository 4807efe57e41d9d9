package dev.forensics.checkpoint;

import dev.forensics.merkle.MerkleHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The shared shape of proof files: header lines, hash lines, a blank line, then a signed checkpoint. */
final class ProofText {

  final List<String> headerLines;
  final SignedNote checkpoint;

  private ProofText(List<String> headerLines, SignedNote checkpoint) {
    this.headerLines = headerLines;
    this.checkpoint = checkpoint;
  }

  /** Splits at the first empty line; the lines before it are header lines, the rest a signed note. */
  static ProofText split(byte[] file, String magic) throws NoteParseException {
    if (file.length == 0 || file[0] == '\n') {
      throw new NoteParseException(1, "expected \"" + magic + "\", got an empty line");
    }
    int blank = -1;
    for (int i = 0; i + 1 < file.length; i++) {
      if (file[i] == '\n' && file[i + 1] == '\n') {
        blank = i;
        break;
      }
    }
    if (blank < 0) {
      throw new NoteParseException(0, "no empty line before the checkpoint");
    }
    String head = SignedNote.decodeUtf8(Arrays.copyOfRange(file, 0, blank), 0);
    List<String> lines = List.of(head.split("\n", -1));
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      for (int k = 0; k < l.length(); k++) {
        if (l.charAt(k) < 0x20) {
          throw new NoteParseException(i + 1,
              String.format("control character U+%04X is not allowed", (int) l.charAt(k)));
        }
      }
    }
    if (!lines.get(0).equals(magic)) {
      throw new NoteParseException(1, "expected \"" + magic + "\", got \"" + lines.get(0) + "\"");
    }
    int linesBefore = lines.size() + 1;
    SignedNote note = SignedNote.parse(Arrays.copyOfRange(file, blank + 2, file.length), linesBefore);
    return new ProofText(lines, note);
  }

  /** Number of lines before the checkpoint note (header lines and the empty line). */
  int linesBeforeCheckpoint() {
    return headerLines.size() + 1;
  }

  /** Parses {@code "<keyword> N"} at 0-based header line {@code i}. */
  long number(int i, String keyword) throws NoteParseException {
    if (i >= headerLines.size()) {
      throw new NoteParseException(i + 1, "expected \"" + keyword + " N\" line, found the empty line");
    }
    String l = headerLines.get(i);
    if (!l.startsWith(keyword + " ")) {
      throw new NoteParseException(i + 1, "expected \"" + keyword + " N\", got \"" + l + "\"");
    }
    return Checkpoint.parseDecimal(l.substring(keyword.length() + 1), i + 1, keyword);
  }

  /** Parses the header lines from 0-based {@code from} to the end as base64 SHA-256 hashes. */
  List<MerkleHash> hashes(int from) throws NoteParseException {
    List<MerkleHash> out = new ArrayList<>();
    for (int i = from; i < headerLines.size(); i++) {
      String l = headerLines.get(i);
      if (l.isEmpty()) {
        throw new NoteParseException(i + 1, "empty line among the proof hashes");
      }
      byte[] h = SignedNote.decodeBase64(l, i + 1, "proof hash");
      if (h.length != MerkleHash.LENGTH) {
        throw new NoteParseException(i + 1, "proof hash must be " + MerkleHash.LENGTH + " bytes, got " + h.length);
      }
      out.add(new MerkleHash(h));
    }
    return out;
  }

  static void appendHashes(StringBuilder sb, List<MerkleHash> hashes) {
    for (MerkleHash h : hashes) {
      sb.append(h.base64()).append('\n');
    }
  }
}
