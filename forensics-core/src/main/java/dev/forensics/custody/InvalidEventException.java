package dev.forensics.custody;

/** An event that cannot be recorded: a required field missing, an unknown field, or a bad value. */
public final class InvalidEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidEventException(String message) {
    super(message);
  }
}
