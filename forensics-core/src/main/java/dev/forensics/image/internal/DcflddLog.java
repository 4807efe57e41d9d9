package dev.forensics.image.internal;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.AcquisitionLogException;
import dev.forensics.image.AcquisitionTool;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dcfldd's {@code hashlog=} file (or its standard error), in dcfldd's default formats:
 * {@code Total (md5): HEX} for the whole input and {@code START - END: HEX} for each {@code hashwindow=}
 * (bytes START to END, END excluded; the algorithm told by the number of hex digits). Other lines
 * ({@code records in}, progress) are ignored.
 */
final class DcflddLog implements LogDialect {

  static final Pattern TOTAL = Pattern.compile("Total \\(([A-Za-z0-9-]+)\\): ([0-9A-Fa-f]+)\\s*");
  static final Pattern WINDOW = Pattern.compile("(\\d+) - (\\d+): ([0-9A-Fa-f]+)\\s*");
  static final Pattern PROGRESS = Pattern.compile("\\d+ blocks \\(\\d+Mb\\) written\\.\\s*");

  @Override
  public AcquisitionTool tool() {
    return AcquisitionTool.DCFLDD;
  }

  /** Whether the line is one dcfldd writes: a total, a hash window or a progress line. */
  static boolean recognises(String line) {
    return TOTAL.matcher(line).matches() || WINDOW.matcher(line).matches() || PROGRESS.matcher(line).matches();
  }

  @Override
  public void line(long number, String text, LogCollector out) throws AcquisitionLogException {
    Matcher t = TOTAL.matcher(text);
    if (t.matches()) {
      String label = "Total (" + t.group(1) + ")";
      Optional<HashAlgorithm> algorithm = HashAlgorithm.lookup(t.group(1));
      if (algorithm.isEmpty()) {
        out.note(number, "left out " + t.group(1) + " hashes: an algorithm forensics does not calculate");
        return;
      }
      out.media(out.digest(algorithm.get(), t.group(2), number, label), number, label);
      return;
    }
    Matcher w = WINDOW.matcher(text);
    if (w.matches()) {
      long start = out.number(w.group(1), number);
      long end = out.number(w.group(2), number);
      if (end < start) {
        throw out.error(number, "hash window ends at byte " + end + " before it starts at byte " + start);
      }
      String hex = w.group(3);
      Optional<HashAlgorithm> algorithm = LogCollector.byHexLength(hex.length());
      if (algorithm.isEmpty()) {
        out.note(number, "left out hash windows of " + hex.length() + " hex digits: not md5, sha1, sha256 or sha512");
        return;
      }
      String label = "window " + start + " - " + end;
      out.range(start, OptionalLong.of(end - start), out.digest(algorithm.get(), hex, number, label), number);
    }
  }

  @Override
  public String noMediaHash() {
    return "found no hash of the whole media in this dcfldd log: expected 'Total (md5): HEX' lines";
  }
}
