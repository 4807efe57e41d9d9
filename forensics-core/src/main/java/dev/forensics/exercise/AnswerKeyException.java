package dev.forensics.exercise;

/**
 * An answer-key file that cannot be read: not JSON, not an answer key, or a field missing, of the wrong
 * type or out of range. The message names the file and the field path ({@code questions[3].expected.value}).
 */
public final class AnswerKeyException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;

  public AnswerKeyException(String file, String field, String problem) {
    this(file, field, problem, null);
  }

  public AnswerKeyException(String file, String field, String problem, Throwable cause) {
    super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem, cause);
    this.field = field;
  }

  /** The field path, empty for the document as a whole. */
  public String field() {
    return field;
  }
}
