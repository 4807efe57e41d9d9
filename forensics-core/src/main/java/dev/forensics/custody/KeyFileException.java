package dev.forensics.custody;

import java.io.IOException;

/** A key file that is not a readable Ed25519 key, or a wrong passphrase. */
public final class KeyFileException extends IOException {
  private static final long serialVersionUID = 1L;

  public KeyFileException(String message) {
    super(message);
  }

  public KeyFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
