package dev.forensics.hash.internal;

/** A record (line, row, element) of a manifest that cannot be used; the message says what was expected. */
final class RecordException extends Exception {

  RecordException(String message) {
    super(message, null, false, false);
  }
}
