package dev.forensics.hash;

import java.io.IOException;

/**
 * An entry that the chosen manifest format cannot hold (a newline in a hashdeep file name, a character
 * XML 1.0 cannot carry, a missing digest column). The writer stays usable: the caller may report the
 * entry and go on with the next one. Any other {@link IOException} from a writer is a real write failure.
 */
public class UnwritableEntryException extends IOException {

  private static final long serialVersionUID = 1L;

  public UnwritableEntryException(String message) {
    super(message);
  }
}
