package dev.forensics.triage;

import java.util.List;
import java.util.Objects;

/**
 * A file's detected type and how it was decided.
 *
 * @param mediaType the IANA/Tika media type, {@code application/octet-stream} when unknown
 * @param category the category of that type
 * @param basis how the type was decided
 * @param evidence what decided it, for a reader (e.g. "ZIP entry word/document.xml")
 * @param encrypted whether the content, or part of it, is encrypted (encrypted Office file, a PDF with
 *     an /Encrypt dictionary, ZIP entries with the encryption flag)
 * @param problems structural damage met while looking inside a container (never thrown)
 */
public record Detection(
    String mediaType, Category category, DecisionBasis basis, String evidence, boolean encrypted,
    List<String> problems) {

  /** The type of unknown bytes. */
  public static final String OCTET_STREAM = "application/octet-stream";

  public Detection {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(evidence, "evidence");
    problems = List.copyOf(problems);
    if (basis == DecisionBasis.NONE && !mediaType.equals(OCTET_STREAM)) {
      throw new IllegalArgumentException("a type decided by nothing must be " + OCTET_STREAM + ", got " + mediaType);
    }
  }

  /** Whether nothing in the bytes identified the file. */
  public boolean isUnknown() {
    return mediaType.equals(OCTET_STREAM);
  }
}
