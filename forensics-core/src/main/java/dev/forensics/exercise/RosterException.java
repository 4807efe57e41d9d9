package dev.forensics.exercise;

/** A roster file that cannot be used; the message names the file and line. */
public final class RosterException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;

  /** @param line 1-based line, 0 when unknown */
  public RosterException(String file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.line = line;
  }

  /** The 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }
}
