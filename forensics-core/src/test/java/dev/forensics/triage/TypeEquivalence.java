package dev.forensics.triage;

import java.util.Locale;
import java.util.Map;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * When an answer names the true type. Documented in docs/triage-accuracy.md ("Equivalence rules"):
 * <ol>
 *   <li>Case and parameters are ignored ({@code application/x-msdownload; format=pe64} is
 *       {@code application/x-msdownload}).</li>
 *   <li>Aliases are resolved through Tika's registry ({@code image/x-ms-bmp} is {@code image/bmp},
 *       {@code audio/x-wav} is {@code audio/vnd.wave}, {@code application/x-gzip} is {@code application/gzip}),
 *       then through {@link #EXTRA_ALIASES}: names the two tools use for the same format that Tika's registry
 *       does not tie together.</li>
 *   <li>{@link Verdict#CORRECT}: the normalised answer equals the normalised truth.</li>
 *   <li>{@link Verdict#PARTIAL}: the answer is a proper ancestor of the truth in Tika's type hierarchy, other
 *       than {@code application/octet-stream} (for example {@code application/x-tika-ooxml} or
 *       {@code application/zip} for a docx, {@code application/x-tika-msoffice} for a doc, {@code text/plain}
 *       for CSV); file's generic {@code application/CDFV2} counts as the parent of the OLE2 formats.
 *       PARTIAL is not correct: it is counted apart to show how far off the answer is.</li>
 *   <li>{@link Verdict#WRONG}: anything else, including a more specific type than the truth (Word for a plain
 *       ZIP) and {@code application/octet-stream} for a known format.</li>
 * </ol>
 */
final class TypeEquivalence {

  /** How an answer compares with the truth. */
  enum Verdict { CORRECT, PARTIAL, WRONG }

  /**
   * Names for one format that Tika's registry does not tie together (answer name to label name). Each is the
   * same format under another tool's name: SQLite's registered type, the PE type, file's name for a PIE
   * executable, Tika's name for a GNU-format tar.
   */
  static final Map<String, String> EXTRA_ALIASES = Map.of(
      "application/x-sqlite3", "application/vnd.sqlite3",
      "application/x-msdownload", "application/vnd.microsoft.portable-executable",
      "application/x-pie-executable", "application/x-executable",
      "application/x-gtar", "application/x-tar");

  private static final Map<String, String> EXTRA_PARENTS = Map.of(
      "application/msword", "application/cdfv2",
      "application/vnd.ms-excel", "application/cdfv2",
      "application/vnd.ms-powerpoint", "application/cdfv2");

  private static final String OCTET_STREAM = "application/octet-stream";

  private final MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

  /** The canonical form of a MIME type: lower case, no parameters, aliases resolved. */
  String normalize(String mimeType) {
    MediaType parsed = MediaType.parse(mimeType.trim().toLowerCase(Locale.ROOT));
    if (parsed == null) {
      return mimeType.trim().toLowerCase(Locale.ROOT);
    }
    String base = registry.normalize(parsed.getBaseType()).toString();
    return EXTRA_ALIASES.getOrDefault(base, base);
  }

  /** How {@code answer} compares with the true type {@code truth}. */
  Verdict judge(String truth, String answer) {
    String t = normalize(truth);
    String a = normalize(answer);
    if (a.equals(t)) {
      return Verdict.CORRECT;
    }
    if (a.equals(OCTET_STREAM)) {
      return Verdict.WRONG;
    }
    if (a.equals(EXTRA_PARENTS.get(t))) {
      return Verdict.PARTIAL;
    }
    MediaType parent = registry.getSupertype(MediaType.parse(t));
    while (parent != null) {
      if (parent.toString().equals(a)) {
        return Verdict.PARTIAL;
      }
      parent = registry.getSupertype(parent);
    }
    return Verdict.WRONG;
  }
}
