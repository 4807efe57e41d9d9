package dev.forensics.triage;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One row of the triage corpus's {@code labels.csv}: a file, its true type and what a detector must report
 * about it.
 *
 * @param file the file's name inside the corpus folder
 * @param mimeType the true MIME type (lower case, no parameters)
 * @param category the coarse category (see {@link #CATEGORIES})
 * @param expectedMismatch whether the name's extension does not fit the content (a planted mismatch)
 * @param findings planted findings: {@code extension-mismatch}, {@code appended-data@OFFSET},
 *     {@code double-extension}, {@code encrypted}
 * @param madeBy the program that made the content
 */
record CorpusLabel(String file, String mimeType, String category, boolean expectedMismatch,
    List<String> findings, String madeBy) {

  static final Set<String> CATEGORIES = Set.of("document", "spreadsheet", "presentation", "image", "audio",
      "video", "archive", "executable", "database", "email", "disk-image", "text", "encrypted", "unknown");

  static final String EXTENSION_MISMATCH = "extension-mismatch";
  static final String APPENDED_DATA = "appended-data@";
  static final String DOUBLE_EXTENSION = "double-extension";
  static final String ENCRYPTED = "encrypted";

  CorpusLabel {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(madeBy, "madeBy");
    if (file.isEmpty() || file.contains("/") || file.contains("\\")) {
      throw new IllegalArgumentException("file must be a plain name inside the corpus folder: '" + file + "'");
    }
    if (!mimeType.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
      throw new IllegalArgumentException(file + ": MIME type must be lower-case type/subtype, got '" + mimeType
          + "'");
    }
    if (!CATEGORIES.contains(category)) {
      throw new IllegalArgumentException(file + ": unknown category '" + category + "'");
    }
    findings = List.copyOf(findings);
    for (String finding : findings) {
      boolean known = finding.equals(EXTENSION_MISMATCH) || finding.equals(DOUBLE_EXTENSION)
          || finding.equals(ENCRYPTED) || finding.matches("appended-data@[1-9][0-9]*");
      if (!known) {
        throw new IllegalArgumentException(file + ": unknown finding '" + finding + "'");
      }
    }
    if (expectedMismatch != findings.contains(EXTENSION_MISMATCH)) {
      throw new IllegalArgumentException(file + ": expected_mismatch is " + (expectedMismatch ? "yes" : "no")
          + " but the findings " + (expectedMismatch ? "lack " : "hold ") + EXTENSION_MISMATCH);
    }
  }

  /** Where appended data starts (the length of the real file), if such data was planted. */
  OptionalLong appendedDataOffset() {
    return findings.stream().filter(f -> f.startsWith(APPENDED_DATA))
        .mapToLong(f -> Long.parseLong(f.substring(APPENDED_DATA.length()))).findFirst();
  }
}
