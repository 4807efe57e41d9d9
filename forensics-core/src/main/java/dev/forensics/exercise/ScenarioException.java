package dev.forensics.exercise;

import java.util.Objects;

/**
 * A scenario file that cannot be used: malformed YAML, an unknown or missing field, a value of the wrong
 * type or out of range, a duplicate id or a reference to an artifact that does not exist. The message names
 * the file, the line and the field path, e.g. {@code scenario.yaml:23: questions[2].answer.tolerance: must
 * be >= 0}.
 */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;
  private final String problem;

  /**
   * @param file the file name as shown to the user
   * @param line 1-based line, or 0 when unknown
   * @param field the field path ({@code questions[2].answer.tolerance}), empty for the whole document
   * @param problem what is wrong, in lower case, without the location
   */
  public ScenarioException(String file, int line, String field, String problem) {
    this(file, line, field, problem, null);
  }

  /** As {@link #ScenarioException(String, int, String, String)}, keeping the cause. */
  public ScenarioException(String file, int line, String field, String problem, Throwable cause) {
    super(format(file, line, field, problem), cause);
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.field = Objects.requireNonNull(field, "field");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  private static String format(String file, int line, String field, String problem) {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line);
    }
    b.append(": ");
    if (!field.isEmpty()) {
      b.append(field).append(": ");
    }
    return b.append(problem).toString();
  }

  /** The file name as given to the reader. */
  public String file() {
    return file;
  }

  /** The 1-based line of the offending value, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The field path, e.g. {@code questions[2].answer.tolerance}; empty for the document as a whole. */
  public String field() {
    return field;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
