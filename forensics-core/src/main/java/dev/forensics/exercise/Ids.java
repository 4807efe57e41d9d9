package dev.forensics.exercise;

import java.util.Objects;
import java.util.regex.Pattern;

/** The shape of exercise, artifact and question ids: they end up in file names and answer sheets. */
final class Ids {
  private Ids() {}

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  static String require(String id) {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "must be 1 to 64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit, got '"
              + id + "'");
    }
    return id;
  }
}
