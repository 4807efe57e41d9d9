package dev.forensics.custody;

/**
 * An event that would break the chain of custody (released by someone who does not hold the item, an
 * item in two places, an item used after disposal), or an append to a ledger that is not intact.
 */
public final class CustodyViolationException extends Exception {
  private static final long serialVersionUID = 1L;

  public CustodyViolationException(String message) {
    super(message);
  }
}
