package dev.forensics.image.internal;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.AcquisitionLogException;
import dev.forensics.image.AcquisitionTool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guymager's {@code .info} file (English). Hashes of the whole media are the rows {@code MD5 hash},
 * {@code MD5 hash verified source} and {@code MD5 hash verified image} (same for SHA1 and SHA256), each
 * {@code LABEL<padding>: VALUE}, {@code --} when not calculated. The section {@code Generated image files
 * and their MD5 hashes} lists {@code HEX  FILE} (or {@code n/a  FILE}) after a {@code MD5  Image file}
 * header.
 */
final class GuymagerLog implements LogDialect {

  static final Pattern FIRST_LINE = Pattern.compile("GUYMAGER ACQUISITION INFO FILE\\s*");
  private static final Pattern HASH_ROW =
      Pattern.compile("(MD5|SHA1|SHA256) hash( verified (?:source|image))?\\s*:\\s*(.*?)\\s*");
  private static final String FILES_TITLE = "Generated image files and their MD5 hashes";
  private static final Pattern FILES_HEADER = Pattern.compile("MD5\\s+Image file\\s*");
  private static final Pattern FILE_ROW = Pattern.compile("(\\S+)\\s+(\\S.*?)\\s*");
  private static final String NOT_CALCULATED = "--";
  private static final String NOT_AVAILABLE = "n/a";

  private enum FileList { NONE, TITLE_SEEN, ROWS }

  private FileList fileList = FileList.NONE;

  @Override
  public AcquisitionTool tool() {
    return AcquisitionTool.GUYMAGER;
  }

  @Override
  public void line(long number, String text, LogCollector out) throws AcquisitionLogException {
    if (text.strip().equals(FILES_TITLE)) {
      fileList = FileList.TITLE_SEEN;
      return;
    }
    switch (fileList) {
      case TITLE_SEEN -> {
        if (FILES_HEADER.matcher(text).matches()) {
          fileList = FileList.ROWS;
        }
        return;
      }
      case ROWS -> {
        fileRow(number, text, out);
        return;
      }
      default -> { }
    }
    Matcher m = HASH_ROW.matcher(text);
    if (m.matches() && !m.group(3).equals(NOT_CALCULATED)) {
      String label = m.group(1) + " hash" + (m.group(2) == null ? "" : m.group(2));
      HashAlgorithm algorithm = HashAlgorithm.fromName(m.group(1));
      out.media(out.digest(algorithm, m.group(3), number, label), number, label);
    }
  }

  private void fileRow(long number, String text, LogCollector out) throws AcquisitionLogException {
    if (text.isBlank()) {
      fileList = FileList.NONE;
      return;
    }
    Matcher m = FILE_ROW.matcher(text);
    if (!m.matches()) {
      throw out.error(number, "expected 'MD5  IMAGE-FILE' in the list of generated image files");
    }
    if (!m.group(1).equals(NOT_AVAILABLE)) {
      String label = "MD5 of the image file " + m.group(2);
      out.file(m.group(2), out.digest(HashAlgorithm.MD5, m.group(1), number, label), number, label);
    }
  }

  @Override
  public String noMediaHash() {
    return "found no hash of the whole media in this Guymager .info file: every 'MD5 hash', 'SHA1 hash' and "
        + "'SHA256 hash' row is '--' or missing (was the acquisition aborted?)";
  }
}
