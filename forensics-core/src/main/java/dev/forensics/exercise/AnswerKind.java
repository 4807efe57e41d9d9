package dev.forensics.exercise;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of question answer, named in scenario files and the answer key by {@linkplain #id() id}. */
public enum AnswerKind {
  HASH("hash"),
  FILE_SET("file-set"),
  COUNT("count"),
  TIMESTAMP("timestamp"),
  TEXT("text"),
  RECOVERED_FILES("recovered-files"),
  CUSTODY("custody");

  private final String id;

  AnswerKind(String id) {
    this.id = id;
  }

  /** The name used in files, e.g. {@code file-set}. */
  public String id() {
    return id;
  }

  /** The kind with this id, if any. */
  public static Optional<AnswerKind> lookup(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  /** All ids, comma-separated, for error messages. */
  public static String knownIds() {
    return Arrays.stream(values()).map(AnswerKind::id).collect(Collectors.joining(", "));
  }
}
