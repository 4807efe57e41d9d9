package dev.forensics.image.internal;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.AcquisitionLogException;
import dev.forensics.image.AcquisitionTool;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard output of libewf's ewfacquire, ewfverify and ewfinfo. Hashes of the whole media are the
 * lines {@code MD5 hash calculated over data:} (ewfacquire, ewfverify), {@code MD5 hash stored in file:}
 * (ewfverify), and the {@code ALG: HEX} lines of the sections {@code Additional hash values:} (ewfverify),
 * {@code Digest hash information} and {@code Hash information} (ewfinfo). {@code N/A} means not known.
 */
final class EwfToolsLog implements LogDialect {

  static final Pattern FIRST_LINE = Pattern.compile("(ewfacquire|ewfacquirestream|ewfverify|ewfinfo) \\S+\\s*");
  private static final Pattern HASH =
      Pattern.compile("([A-Za-z0-9-]+) hash (calculated over data|stored in file):\\s*(\\S*)\\s*");
  private static final Pattern SECTION_VALUE = Pattern.compile("\\s*([A-Za-z0-9-]+):\\s*(\\S+)\\s*");
  private static final String NOT_KNOWN = "N/A";

  private final AcquisitionTool tool;
  private boolean inHashSection;

  private EwfToolsLog(AcquisitionTool tool) {
    this.tool = tool;
  }

  /** The reader for a log whose first line is {@code line}, if it is one of these tools' output. */
  static Optional<LogDialect> recognise(String line) {
    Matcher m = FIRST_LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    AcquisitionTool tool = switch (m.group(1)) {
      case "ewfverify" -> AcquisitionTool.EWFVERIFY;
      case "ewfinfo" -> AcquisitionTool.EWFINFO;
      default -> AcquisitionTool.EWFACQUIRE;
    };
    return Optional.of(new EwfToolsLog(tool));
  }

  @Override
  public AcquisitionTool tool() {
    return tool;
  }

  @Override
  public void line(long number, String text, LogCollector out) throws AcquisitionLogException {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      inHashSection = false;
      return;
    }
    if (trimmed.equals("Additional hash values:") || trimmed.equals("Digest hash information")
        || trimmed.equals("Hash information")) {
      inHashSection = true;
      return;
    }
    Matcher m = HASH.matcher(text);
    if (m.matches()) {
      hash(m.group(1), m.group(3), number, m.group(1) + " hash " + m.group(2), out);
      return;
    }
    if (inHashSection) {
      Matcher v = SECTION_VALUE.matcher(text);
      if (v.matches()) {
        hash(v.group(1), v.group(2), number, v.group(1), out);
      }
    }
  }

  private static void hash(String name, String value, long number, String label, LogCollector out)
      throws AcquisitionLogException {
    if (value.isEmpty() || value.equals(NOT_KNOWN)) {
      return;
    }
    Optional<HashAlgorithm> algorithm = HashAlgorithm.lookup(name);
    if (algorithm.isEmpty()) {
      out.note(number, "left out " + name + " hashes: an algorithm forensics does not calculate");
      return;
    }
    out.media(out.digest(algorithm.get(), value, number, label), number, label);
  }

  @Override
  public String noMediaHash() {
    return "found no hash of the whole media in this " + tool.displayName() + " output: expected lines such as "
        + "'MD5 hash calculated over data: HEX'" + (tool == AcquisitionTool.EWFINFO
            ? " or a 'Digest hash information' section" : "");
  }
}
