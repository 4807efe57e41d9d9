package dev.forensics.exercise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A kind of file the exercise builder can generate, named in scenario files by its {@linkplain #id() id}
 * ({@code jpeg}, {@code docx}, ...). Each type lists the extensions that honestly name it; the first is the
 * one the builder uses.
 */
public enum FileType {
  JPEG("jpeg", true, "jpg", "jpeg"),
  PNG("png", true, "png"),
  GIF("gif", true, "gif"),
  PDF("pdf", false, "pdf"),
  DOCX("docx", false, "docx"),
  XLSX("xlsx", false, "xlsx"),
  ZIP("zip", false, "zip"),
  TAR("tar", false, "tar"),
  GZIP("gzip", false, "gz"),
  SQLITE("sqlite", false, "sqlite", "db", "sqlite3"),
  TEXT("text", false, "txt", "log", "md"),
  CSV("csv", false, "csv"),
  HTML("html", false, "html", "htm"),
  EML("eml", false, "eml"),
  WAV("wav", false, "wav");

  private final String id;
  private final boolean image;
  private final List<String> extensions;

  FileType(String id, boolean image, String... extensions) {
    this.id = id;
    this.image = image;
    this.extensions = List.of(extensions);
  }

  /** The name used in scenario files and the answer key, e.g. {@code sqlite}. */
  public String id() {
    return id;
  }

  /** Whether this is a picture format that can carry appended data or an embedded archive. */
  public boolean isImage() {
    return image;
  }

  /** The extensions (lower case, no dot) that honestly name this type; the first is the usual one. */
  public List<String> extensions() {
    return extensions;
  }

  /** Whether the file name ends in one of this type's extensions (case-insensitive). */
  public boolean matchesName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    return extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** The type with this id, if any. */
  public static Optional<FileType> lookup(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  /** The ids of all types, comma-separated, for error messages. */
  public static String knownIds() {
    return Arrays.stream(values()).map(FileType::id).collect(Collectors.joining(", "));
  }
}
