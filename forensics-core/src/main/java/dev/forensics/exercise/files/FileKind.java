package dev.forensics.exercise.files;

/** The file types the exercise builder can generate, with their usual extension and media type. */
public enum FileKind {
  JPEG("jpg", "image/jpeg"),
  PNG("png", "image/png"),
  GIF("gif", "image/gif"),
  PDF("pdf", "application/pdf"),
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  ZIP("zip", "application/zip"),
  TAR("tar", "application/x-tar"),
  GZIP("gz", "application/gzip"),
  SQLITE("sqlite", "application/vnd.sqlite3"),
  TEXT("txt", "text/plain"),
  CSV("csv", "text/csv"),
  HTML("html", "text/html"),
  EML("eml", "message/rfc822"),
  WAV("wav", "audio/x-wav"),
  /** AES-256-CTR ciphertext that looks like an encrypted container: no header, high entropy. */
  ENCRYPTED_BLOB("bin", "application/octet-stream");

  private final String extension;
  private final String mediaType;

  FileKind(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  /** The usual file-name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The media type a file of this kind is identified as (the one {@code file --mime-type} reports). */
  public String mediaType() {
    return mediaType;
  }
}
