package dev.forensics.exercise.files.internal;

import java.util.Objects;

/** A named file inside an archive or package. */
public record Member(String name, byte[] content) {

  public Member {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("..")) {
      throw new IllegalArgumentException("not a safe relative member name: " + name);
    }
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
