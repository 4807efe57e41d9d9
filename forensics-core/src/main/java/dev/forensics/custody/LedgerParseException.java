package dev.forensics.custody;

import java.io.IOException;

/** A file that cannot be read as a custody ledger at all (empty, or its first line is not an init entry). */
public final class LedgerParseException extends IOException {
  private static final long serialVersionUID = 1L;

  public LedgerParseException(String message) {
    super(message);
  }
}
