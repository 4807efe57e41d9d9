package dev.forensics.image.internal;

import static dev.forensics.hash.internal.Values.show;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.AcquisitionLogException;
import dev.forensics.image.AcquisitionTool;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code .txt} report FTK Imager writes next to an image. Hashes of the whole media are the lines
 * {@code MD5 checksum: HEX} (also SHA1, SHA256) of the {@code [Computed Hashes]} section (calculated while
 * acquiring) and of the {@code Image Verification Results:} section, where each ends in {@code : verified}
 * when the image read back gave the same hash; any other word there is a failed verification. Such lines
 * elsewhere (in the examiner's notes) are ignored.
 */
final class FtkImagerLog implements LogDialect {

  static final Pattern FIRST_LINE =
      Pattern.compile("\\s*Created By\\b.*\\bFTK\\b.*\\bImager\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHECKSUM =
      Pattern.compile("\\s*([A-Za-z0-9-]+) checksum\\s*:\\s*(\\S+)(?:\\s*:\\s*(.*?))?\\s*");
  private static final String VERIFIED = "verified";
  private static final String COMPUTED = "[Computed Hashes]";
  private static final String VERIFICATION = "Image Verification Results";

  private String section = "";

  @Override
  public AcquisitionTool tool() {
    return AcquisitionTool.FTK_IMAGER;
  }

  @Override
  public void line(long number, String text, LogCollector out) throws AcquisitionLogException {
    String trimmed = text.strip();
    if (trimmed.startsWith("[")) {
      section = trimmed;
      return;
    }
    if (trimmed.endsWith(":") && !trimmed.startsWith("Information for ")) {
      section = trimmed.substring(0, trimmed.length() - 1);
      return;
    }
    Matcher m = CHECKSUM.matcher(text);
    if (!m.matches() || !(section.startsWith(COMPUTED) || section.equals(VERIFICATION))) {
      return;
    }
    String label = m.group(1) + " checksum" + (section.isEmpty() ? "" : " (" + section + ")");
    String status = m.group(3);
    if (status != null && !status.toLowerCase(Locale.ROOT).equals(VERIFIED)) {
      throw out.error(number, "FTK Imager reports a failed verification: " + show(trimmed));
    }
    Optional<HashAlgorithm> algorithm = HashAlgorithm.lookup(m.group(1));
    if (algorithm.isEmpty()) {
      out.note(number, "left out " + m.group(1) + " checksums: an algorithm forensics does not calculate");
      return;
    }
    out.media(out.digest(algorithm.get(), m.group(2), number, label), number, label);
  }

  @Override
  public String noMediaHash() {
    return "found no hash of the whole media in this FTK Imager report: expected 'MD5 checksum: HEX' or "
        + "'SHA1 checksum: HEX' under '[Computed Hashes]'";
  }
}
