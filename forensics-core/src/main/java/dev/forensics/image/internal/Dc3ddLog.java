package dev.forensics.image.internal;

import static dev.forensics.hash.internal.Values.show;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.AcquisitionLogException;
import dev.forensics.image.AcquisitionTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dc3dd's {@code hlog=} and {@code log=} files (and its {@code mlog=} file). Each run starts with
 * {@code dc3dd VERSION started at ...}. Under {@code input results for ...}, {@code HEX (md5)} is the hash
 * of the whole input and {@code HEX, sectors FIRST - LAST} a piece of it (with {@code hofs=}/{@code ofsz=});
 * under {@code output results for ...}, {@code [ok] HEX (md5)} is the hash of the output read back and
 * {@code [ok] HEX, sectors FIRST - LAST, `FILE'} one output file; any flag other than {@code [ok]} is a
 * failed verification. Sectors are {@code sector size:} bytes (log=), else {@code ssz=} of the command
 * line, else 512.
 */
final class Dc3ddLog implements LogDialect {

  static final Pattern FIRST_LINE = Pattern.compile("dc3dd \\S+ started at .*");
  private static final Pattern COMMAND_LINE = Pattern.compile("command line: .*");
  private static final Pattern SSZ = Pattern.compile("(?:^|\\s)ssz=(\\S+)");
  private static final Pattern SECTOR_SIZE = Pattern.compile("\\s*sector size: (\\d+) bytes.*");
  private static final Pattern INPUT_TOTAL = Pattern.compile("\\s+([0-9A-Fa-f]+) \\(([A-Za-z0-9-]+)\\)\\s*");
  private static final Pattern INPUT_PIECE =
      Pattern.compile("\\s+([0-9A-Fa-f]+), sectors (\\d+) - (\\d+)(?:, `.*')?\\s*");
  private static final Pattern OUTPUT_TOTAL =
      Pattern.compile("\\s+\\[([^\\]]*)\\] ([0-9A-Fa-f]+) \\(([A-Za-z0-9-]+)\\)\\s*");
  private static final Pattern OUTPUT_PIECE =
      Pattern.compile("\\s+\\[([^\\]]*)\\] ([0-9A-Fa-f]+), sectors (\\d+) - (\\d+), `(.+)'\\s*");
  private static final Pattern MLOG_INPUT = Pattern.compile(
      "\\s*([0-9A-Fa-f]+)\\| (?:sectors \\(([A-Za-z0-9-]+)\\)|\\(FINAL: ([A-Za-z0-9-]+)\\))\\s*\\|\\s*(\\d+)\\|\\s*(\\d+)\\s*");
  private static final Pattern MLOG_OUTPUT = Pattern.compile(
      "\\s*([0-9A-Fa-f]+)\\| sectors \\(([A-Za-z0-9-]+)\\)\\s*\\|\\s*(\\d+)\\|\\s*(\\d+)\\| (?:`(.+)'|FINAL: \\S+)"
          + "\\s*\\|\\s*\\[([^\\]]*)\\]\\s*");
  private static final int DEFAULT_SECTOR_SIZE = 512;
  private static final String OK = "ok";

  private enum Section { NONE, INPUT, OUTPUT }

  /** A piece of the input, in sectors, until the run's sector size is known. */
  private record Piece(long first, long last, Digest digest, long line) {}

  private Section section = Section.NONE;
  private long sectorSize = DEFAULT_SECTOR_SIZE;
  private boolean sectorSizeStated;
  private final List<Piece> pieces = new ArrayList<>();

  @Override
  public AcquisitionTool tool() {
    return AcquisitionTool.DC3DD;
  }

  @Override
  public void line(long number, String text, LogCollector out) throws AcquisitionLogException {
    if (FIRST_LINE.matcher(text).matches()) {
      endRun(out);
      section = Section.NONE;
      sectorSize = DEFAULT_SECTOR_SIZE;
      sectorSizeStated = false;
      return;
    }
    if (text.startsWith("dc3dd aborted at ")) {
      throw out.error(number, "dc3dd aborted this run: its hashes, if any, cover only what was read before");
    }
    if (text.startsWith("dc3dd completed at ")) {
      section = Section.NONE;
      return;
    }
    if (COMMAND_LINE.matcher(text).matches()) {
      Matcher ssz = SSZ.matcher(text);
      if (ssz.find()) {
        sectorSize(ssz.group(1), number, out);
      }
      return;
    }
    Matcher size = SECTOR_SIZE.matcher(text);
    if (size.matches()) {
      sectorSize(size.group(1), number, out);
      return;
    }
    if (text.startsWith("input results for ")) {
      section = Section.INPUT;
      return;
    }
    if (text.startsWith("output results for ")) {
      section = Section.OUTPUT;
      return;
    }
    if (section == Section.INPUT) {
      input(number, text, out);
    } else if (section == Section.OUTPUT) {
      output(number, text, out);
    }
  }

  private void input(long number, String text, LogCollector out) throws AcquisitionLogException {
    Matcher m = INPUT_TOTAL.matcher(text);
    if (m.matches()) {
      media(m.group(2), m.group(1), number, "input " + m.group(2), out);
      return;
    }
    Matcher p = INPUT_PIECE.matcher(text);
    if (p.matches()) {
      piece(byLength(p.group(1), number, out), p.group(1), p.group(2), p.group(3), number, out);
      return;
    }
    Matcher ml = MLOG_INPUT.matcher(text);
    if (ml.matches()) {
      if (ml.group(3) != null) {
        media(ml.group(3), ml.group(1), number, "FINAL: " + ml.group(3), out);
      } else {
        Optional<HashAlgorithm> algorithm = algorithm(ml.group(2), number, out);
        if (algorithm.isPresent()) {
          piece(algorithm.get(), ml.group(1), ml.group(4), ml.group(5), number, out);
        }
      }
    }
  }

  private void output(long number, String text, LogCollector out) throws AcquisitionLogException {
    Matcher m = OUTPUT_TOTAL.matcher(text);
    if (m.matches()) {
      status(m.group(1), number, text, out);
      media(m.group(3), m.group(2), number, "output " + m.group(3), out);
      return;
    }
    Matcher p = OUTPUT_PIECE.matcher(text);
    if (p.matches()) {
      status(p.group(1), number, text, out);
      HashAlgorithm algorithm = byLength(p.group(2), number, out);
      String label = algorithm.id() + " of output file " + p.group(5);
      out.file(p.group(5), out.digest(algorithm, p.group(2), number, label), number, label);
      return;
    }
    Matcher ml = MLOG_OUTPUT.matcher(text);
    if (ml.matches()) {
      status(ml.group(6), number, text, out);
      if (ml.group(5) == null) {
        media(ml.group(2), ml.group(1), number, "output FINAL: " + ml.group(2), out);
      } else {
        Optional<HashAlgorithm> algorithm = algorithm(ml.group(2), number, out);
        if (algorithm.isPresent()) {
          String label = ml.group(2) + " of output file " + ml.group(5);
          out.file(ml.group(5), out.digest(algorithm.get(), ml.group(1), number, label), number, label);
        }
      }
    }
  }

  /** A whole-media hash of the algorithm named {@code name}, unless forensics does not calculate it. */
  private static void media(String name, String hex, long number, String label, LogCollector out)
      throws AcquisitionLogException {
    Optional<HashAlgorithm> algorithm = algorithm(name, number, out);
    if (algorithm.isPresent()) {
      out.media(out.digest(algorithm.get(), hex, number, label), number, label);
    }
  }

  private void piece(HashAlgorithm algorithm, String hex, String first, String last, long number,
      LogCollector out) throws AcquisitionLogException {
    long from = out.number(first, number);
    long to = out.number(last, number);
    if (to < from) {
      throw out.error(number, "piece ends at sector " + to + " before it starts at sector " + from);
    }
    pieces.add(new Piece(from, to, out.digest(algorithm, hex, number, algorithm.id() + " piece"), number));
  }

  private static void status(String flag, long number, String text, LogCollector out)
      throws AcquisitionLogException {
    if (!flag.toLowerCase(Locale.ROOT).equals(OK)) {
      throw out.error(number, "dc3dd reports a failed verification of its output: " + show(text.strip()));
    }
  }

  private void sectorSize(String value, long number, LogCollector out) throws AcquisitionLogException {
    if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      out.note(number, "did not understand dc3dd's sector size " + show(value) + ": piece ranges assume "
          + sectorSize + "-byte sectors");
      return;
    }
    long size = out.number(value, number);
    if (size <= 0 || size > (1 << 20)) {
      throw out.error(number, "impossible sector size: " + size);
    }
    sectorSize = size;
    sectorSizeStated = true;
  }

  private static Optional<HashAlgorithm> algorithm(String name, long number, LogCollector out) {
    Optional<HashAlgorithm> algorithm = HashAlgorithm.lookup(name);
    if (algorithm.isEmpty()) {
      out.note(number, "left out " + name + " hashes: an algorithm forensics does not calculate");
    }
    return algorithm;
  }

  private static HashAlgorithm byLength(String hex, long number, LogCollector out) throws AcquisitionLogException {
    return LogCollector.byHexLength(hex.length()).orElseThrow(() -> out.error(number,
        "a piece hash of " + hex.length() + " hex digits: not md5, sha1, sha256 or sha512"));
  }

  /** Turns the run's pieces into byte ranges: the last one runs to the end of the media. */
  private void endRun(LogCollector out) throws AcquisitionLogException {
    if (pieces.isEmpty()) {
      return;
    }
    if (!sectorSizeStated) {
      out.note(0, "dc3dd's sector size is not in this log: piece ranges assume " + sectorSize + "-byte sectors");
    }
    long lastFirst = pieces.stream().mapToLong(Piece::first).max().orElseThrow();
    for (Piece p : pieces) {
      try {
        long offset = Math.multiplyExact(p.first(), sectorSize);
        OptionalLong length = p.first() == lastFirst ? OptionalLong.empty()
            : OptionalLong.of(Math.multiplyExact(p.last() - p.first() + 1, sectorSize));
        if (length.isPresent()) {
          Math.addExact(offset, length.getAsLong());
        }
        out.range(offset, length, p.digest(), p.line());
      } catch (ArithmeticException e) {
        throw out.error(p.line(), "sectors " + p.first() + " - " + p.last() + " lie beyond any media");
      }
    }
    pieces.clear();
  }

  @Override
  public void end(LogCollector out) throws AcquisitionLogException {
    endRun(out);
  }

  @Override
  public String noMediaHash() {
    return "found no hash of the whole media in this dc3dd log: expected 'HEX (md5)' lines under "
        + "'input results for ...' (was dc3dd run without hash=?)";
  }
}
