package dev.forensics.checkpoint;

import java.io.IOException;

/**
 * Text that is not a well-formed signed note, checkpoint, verifier key or proof file. The message starts
 * with the line number (1-based, counted in the whole text being parsed) when one applies.
 */
public class NoteParseException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int line;

  /** A problem at {@code line} (1-based), or 0 when it concerns the text as a whole. */
  public NoteParseException(int line, String message) {
    super(line > 0 ? "line " + line + ": " + message : message);
    this.line = line;
  }

  /** The 1-based line of the problem, or 0 when it concerns the text as a whole. */
  public int line() {
    return line;
  }
}
