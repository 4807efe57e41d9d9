package dev.forensics.checkpoint;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP signed note (c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank line, then one or
 * more signature lines {@code — <key name> base64(keyId ‖ signature)}. Immutable. A {@code SignedNote}
 * is only well-formed; whether its signatures are valid is for {@link NoteVerifier} to decide.
 *
 * @param text the note text including its final newline (what the signatures sign)
 * @param signatures the signature lines in order, at least one
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

  /** Most signature lines accepted in one note (the spec requires at least 16; Go's note package uses 100). */
  public static final int MAX_SIGNATURES = 100;

  /**
   * @throws IllegalArgumentException when the text is empty, does not end in a newline, contains an ASCII
   *     control character other than newline, or there are no or too many signatures
   */
  public SignedNote {
    checkText(text);
    signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
    if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException(
          "a signed note needs 1 to " + MAX_SIGNATURES + " signatures, got " + signatures.size());
    }
  }

  /**
   * Parses a signed note strictly: valid UTF-8, no control characters but newline, text separated from the
   * signatures by the last blank line, each signature line well-formed.
   *
   * @throws NoteParseException with the line number of the first problem
   */
  public static SignedNote parse(byte[] note) throws NoteParseException {
    return parse(note, 0);
  }

  /** As {@link #parse(byte[])}, numbering lines after {@code firstLine - 1} lines of an enclosing file. */
  static SignedNote parse(byte[] note, int linesBefore) throws NoteParseException {
    String s = decodeUtf8(note, linesBefore);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new NoteParseException(linesBefore + lineAt(s, i),
            String.format("control character U+%04X is not allowed in a signed note", (int) c));
      }
    }
    int split = s.lastIndexOf("\n\n");
    if (split < 0) {
      throw new NoteParseException(linesBefore + lineAt(s, s.length()),
          "no blank line separating the note text from its signatures");
    }
    String text = s.substring(0, split + 1);
    String sigs = s.substring(split + 2);
    int line = linesBefore + lineAt(s, split + 1) + 1; // first signature line
    if (sigs.isEmpty()) {
      throw new NoteParseException(line, "no signature lines after the blank line");
    }
    if (!sigs.endsWith("\n")) {
      throw new NoteParseException(line + (int) sigs.chars().filter(c -> c == '\n').count(),
          "the last signature line does not end with a newline");
    }
    List<NoteSignature> out = new ArrayList<>();
    for (String l : sigs.substring(0, sigs.length() - 1).split("\n", -1)) {
      if (out.size() == MAX_SIGNATURES) {
        throw new NoteParseException(line, "more than " + MAX_SIGNATURES + " signature lines");
      }
      out.add(parseSignatureLine(l, line));
      line++;
    }
    return new SignedNote(text, out);
  }

  private static NoteSignature parseSignatureLine(String l, int line) throws NoteParseException {
    if (!l.startsWith(NoteSignature.PREFIX)) {
      throw new NoteParseException(line, "a signature line must start with an em dash (U+2014) and a space");
    }
    String rest = l.substring(NoteSignature.PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new NoteParseException(line, "a signature line needs a key name, a space and a base64 signature");
    }
    String name = rest.substring(0, space);
    String b64 = rest.substring(space + 1);
    try {
      checkKeyName(name);
    } catch (IllegalArgumentException e) {
      throw new NoteParseException(line, e.getMessage());
    }
    byte[] payload = decodeBase64(b64, line, "signature");
    if (payload.length < 5) {
      throw new NoteParseException(line, "a signature needs a 4-byte key ID and at least one signature byte, got "
          + payload.length + " bytes");
    }
    ByteBuffer bb = ByteBuffer.wrap(payload);
    int keyId = bb.getInt();
    byte[] sig = new byte[payload.length - 4];
    bb.get(sig);
    return new NoteSignature(name, keyId, sig);
  }

  /** The whole note as text: the text, a blank line, the signature lines. */
  public String encode() {
    StringBuilder sb = new StringBuilder(text).append('\n');
    for (NoteSignature s : signatures) {
      sb.append(s.line()).append('\n');
    }
    return sb.toString();
  }

  /** The whole note as UTF-8 bytes. */
  public byte[] toBytes() {
    return encode().getBytes(StandardCharsets.UTF_8);
  }

  /** This note with {@code signature} added at the end (the same text, one more signature line). */
  public SignedNote withSignature(NoteSignature signature) {
    List<NoteSignature> all = new ArrayList<>(signatures);
    all.add(signature);
    return new SignedNote(text, all);
  }

  static void checkText(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new IllegalArgumentException("note text must be non-empty and end with a newline");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new IllegalArgumentException(
            String.format("control character U+%04X is not allowed in note text", (int) c));
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
          && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
        throw new IllegalArgumentException("note text is not valid Unicode (lone surrogate)");
      }
    }
  }

  /** Key names are non-empty and contain no Unicode space and no '+'. */
  static void checkKeyName(String name) {
    Objects.requireNonNull(name, "key name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("key name is empty");
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == '+' || Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp < 0x20) {
        throw new IllegalArgumentException(
            String.format("key name \"%s\" contains a space, control character or '+' (U+%04X)", name, cp));
      }
      i += Character.charCount(cp);
    }
  }

  /** Strict standard base64 with padding: the text must be the canonical encoding of what it decodes to. */
  static byte[] decodeBase64(String b64, int line, String what) throws NoteParseException {
    byte[] out;
    try {
      out = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new NoteParseException(line, what + " is not valid base64: " + e.getMessage());
    }
    if (!Base64.getEncoder().encodeToString(out).equals(b64)) {
      throw new NoteParseException(line, what + " is not canonical padded base64 (RFC 4648 §4)");
    }
    return out;
  }

  static String decodeUtf8(byte[] bytes, int linesBefore) throws NoteParseException {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    var result = d.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      int line = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new NoteParseException(linesBefore + line, "not valid UTF-8 at byte offset " + bad);
    }
    try {
      d.flush(out);
    } catch (IllegalStateException e) {
      throw new NoteParseException(linesBefore, "not valid UTF-8");
    }
    out.flip();
    return out.toString();
  }

  /** 1-based line number of character index {@code i}. */
  static int lineAt(String s, int i) {
    int line = 1;
    for (int k = 0; k < i && k < s.length(); k++) {
      if (s.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }

}
